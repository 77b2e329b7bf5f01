// Status line tests: how durations, counts and outcomes read.

import { test } from "node:test";
import assert from "node:assert/strict";
import { count, formatMicros, numbers, outcome } from "../src/outcome";

test("durations read in the unit that fits", () => {
  assert.equal(formatMicros(0), "0 µs");
  assert.equal(formatMicros(850.4), "850 µs");
  assert.equal(formatMicros(1000), "1 ms");
  assert.equal(formatMicros(12_500), "12.5 ms");
  assert.equal(formatMicros(120_000), "120 ms");
  assert.equal(formatMicros(300_073), "300 ms");
  assert.equal(formatMicros(3_204_000), "3.20 s");
});

test("counts agree with their nouns", () => {
  assert.equal(count(0, "goroutine"), "0 goroutines");
  assert.equal(count(1, "goroutine"), "1 goroutine");
  assert.equal(count(12_000, "goroutine"), "12,000 goroutines");
});

const stats = { goroutines: 1, peakAlive: 1, clock: 0, wall: 0, speedup: 1 };

test("outcomes map to the page's run states", () => {
  assert.deepEqual(outcome({ status: "ok", stats }), { state: "done", label: "Done" });
  assert.deepEqual(outcome({ status: "ok", stuck: [{}, {}], stats }), { state: "done", label: "Done, 2 goroutines leaked" });
  assert.deepEqual(outcome({ status: "ok", stuck: [{}], stats }), { state: "done", label: "Done, 1 goroutine leaked" });
  assert.deepEqual(outcome({ status: "error", error: "main.lua:2: boom", stats }), { state: "failed", label: "Failed: main.lua:2: boom" });
  assert.deepEqual(outcome({ status: "error", stats }), { state: "failed", label: "Failed" });
  assert.deepEqual(outcome({ status: "deadlock", stats }), { state: "failed", label: "Deadlock" });
  assert.deepEqual(outcome({ status: "cancelled", stats }), { state: "failed", label: "Stopped" });
});

test("a limit is named once", () => {
  assert.deepEqual(outcome({ status: "limit", error: "limit exceeded: wall time (10s)", stats }),
    { state: "failed", label: "Limit exceeded: wall time (10s)" });
  assert.deepEqual(outcome({ status: "limit", stats }), { state: "failed", label: "Limit exceeded" });
});

test("a deadlock that follows a goroutine's error reports both", () => {
  const errors = [{ g: 2, name: "server", message: "main.lua:2: boom" }];
  assert.deepEqual(outcome({ status: "deadlock", error: "all goroutines are asleep - deadlock!", errors, stats }),
    { state: "failed", label: "Deadlock after goroutine 2 (server) failed: main.lua:2: boom" });
  const two = [...errors, { g: 3, message: "x" }];
  assert.match(outcome({ status: "deadlock", errors: two, stats }).label, /boom \(and 1 more error\)$/);
});

test("numbers read in the singular for one, and are left out when nothing ran", () => {
  assert.equal(numbers(stats), "1 goroutine · peak 1 alive · run clock 0 µs · wall 0 µs · speedup 1.0×");
  assert.equal(numbers({ ...stats, goroutines: 0 }), "");
});
