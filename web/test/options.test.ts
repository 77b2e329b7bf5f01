// Page options: parsing what storage and shared links carry, and the
// engine options they become.

import { test } from "node:test";
import assert from "node:assert/strict";
import { defaultOptions, parseOptions, runOptions } from "../src/options";

test("parseOptions keeps well-typed fields and defaults the rest", () => {
  assert.deepEqual(parseOptions(null), defaultOptions);
  assert.deepEqual(parseOptions({ virtualTime: false, graceSeconds: 2.5 }), { virtualTime: false, graceSeconds: 2.5 });
  for (const bad of [-1, 0, Number.NaN, Infinity, 86401, "5", null]) {
    assert.equal(parseOptions({ graceSeconds: bad }).graceSeconds, 10, String(bad));
  }
});

test("runOptions gives the engine real time and the grace period in milliseconds", () => {
  assert.deepEqual(runOptions(defaultOptions), { realTime: false, gracePeriodMs: 10000 });
  assert.deepEqual(runOptions({ virtualTime: false, graceSeconds: 0.25 }), { realTime: true, gracePeriodMs: 250 });
});
