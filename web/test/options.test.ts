// Page options: parsing what storage and shared links carry, and the
// engine options they become.

import { test } from "node:test";
import assert from "node:assert/strict";
import { defaultOptions, parseOptions, runOptions } from "../src/options";

test("parseOptions keeps well-typed fields and defaults the rest", () => {
  assert.deepEqual(parseOptions(null), defaultOptions);
  assert.deepEqual(parseOptions({ virtualTime: false, graceSeconds: 2.5 }), { virtualTime: false, graceSeconds: 2.5, maxEvents: 500_000 });
  assert.equal(parseOptions({ maxEvents: 2_000_000 }).maxEvents, 2_000_000);
  for (const bad of [-1, 0, Number.NaN, Infinity, 86401, "5", null]) {
    assert.equal(parseOptions({ graceSeconds: bad }).graceSeconds, 10, String(bad));
  }
  for (const bad of [-1, 0, 1.5, Number.NaN, Infinity, 5_000_001, "5", null]) {
    assert.equal(parseOptions({ maxEvents: bad }).maxEvents, 500_000, String(bad));
  }
});

test("runOptions gives the engine real time, the grace period in milliseconds and the event limit", () => {
  assert.deepEqual(runOptions(defaultOptions), { realTime: false, gracePeriodMs: 10000, maxEvents: 500_000 });
  assert.deepEqual(runOptions({ virtualTime: false, graceSeconds: 0.25, maxEvents: 7 }), { realTime: true, gracePeriodMs: 250, maxEvents: 7 });
});
