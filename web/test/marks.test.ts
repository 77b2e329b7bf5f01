// Editor mark tests: which lines a result flags, and how.

import { test } from "node:test";
import assert from "node:assert/strict";
import { errorMarks } from "../src/marks";
import type { StuckGoroutine } from "../src/trace";

const stats = { goroutines: 2, peakAlive: 2, clock: 0, wall: 0, speedup: 1, events: 0, output: 0 };

test("a goroutine error marks its line", () => {
  const marks = errorMarks({
    status: "error", error: "main.lua:12: boom", line: 12, stats,
    errors: [{ g: 2, name: "parse", message: "main.lua:12: boom", line: 12 }, { g: 3, message: "no line" }],
  });
  assert.deepEqual(marks, [{ line: 12, message: "goroutine 2: main.lua:12: boom" }]);
});

test("stuck goroutines are errors in a deadlock and warnings in a leak", () => {
  const stuck: StuckGoroutine[] = [{ g: 1, name: "main", reason: "chan receive", obj: "chan 2", line: 21 }, { g: 2, reason: "sleep" }];
  assert.deepEqual(errorMarks({ status: "deadlock", stuck, stats }),
    [{ line: 21, message: "goroutine 1 (main) blocked forever: chan receive on chan 2", severity: "error" }]);
  assert.equal(errorMarks({ status: "ok", stuck, stats })[0].severity, "warning");
});

test("a syntax error has only the result's line", () => {
  assert.deepEqual(errorMarks({ status: "error", error: "main.lua:3: unexpected symbol", line: 3, stats }),
    [{ line: 3, message: "main.lua:3: unexpected symbol" }]);
  assert.deepEqual(errorMarks({ status: "ok", stats }), []);
});
