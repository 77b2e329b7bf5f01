// Status line tests: how durations and outcomes read.

import { test } from "node:test";
import assert from "node:assert/strict";
import { formatMicros, outcome } from "../src/stats";

test("durations read in the unit that fits", () => {
  assert.equal(formatMicros(0), "0 µs");
  assert.equal(formatMicros(850.4), "850 µs");
  assert.equal(formatMicros(1000), "1 ms");
  assert.equal(formatMicros(12_500), "12.5 ms");
  assert.equal(formatMicros(120_000), "120 ms");
  assert.equal(formatMicros(300_073), "300 ms");
  assert.equal(formatMicros(3_204_000), "3.20 s");
});

test("outcomes map to the page's run states", () => {
  const stats = { goroutines: 1, peakAlive: 1, clock: 0, wall: 0, speedup: 1 };
  assert.deepEqual(outcome({ status: "ok", stats }), { state: "done", label: "Done" });
  assert.deepEqual(outcome({ status: "ok", stuck: [{}, {}], stats }), { state: "done", label: "Done, 2 goroutines leaked" });
  assert.deepEqual(outcome({ status: "ok", stuck: [{}], stats }), { state: "done", label: "Done, 1 goroutine leaked" });
  assert.deepEqual(outcome({ status: "error", error: "main.lua:2: boom", stats }), { state: "failed", label: "Failed: main.lua:2: boom" });
  assert.deepEqual(outcome({ status: "error", stats }), { state: "failed", label: "Failed" });
  assert.deepEqual(outcome({ status: "deadlock", stats }), { state: "failed", label: "Deadlock" });
  assert.deepEqual(outcome({ status: "cancelled", stats }), { state: "failed", label: "Stopped" });
  assert.deepEqual(outcome({ status: "limit", error: "output bytes limit exceeded", stats }),
    { state: "failed", label: "Limit exceeded: output bytes limit exceeded" });
});
