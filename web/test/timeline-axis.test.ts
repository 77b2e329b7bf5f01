// Axis tests: tick steps and time formatting.

import { test } from "node:test";
import assert from "node:assert/strict";
import { formatDuration, formatTick, niceStep, ticks } from "../src/timeline/axis";

test("tick steps are 1, 2 or 5 times a power of ten", () => {
  assert.equal(niceStep(0.001), 1);
  assert.equal(niceStep(1, 90), 100);
  assert.equal(niceStep(2, 90), 200);
  assert.equal(niceStep(4, 90), 500);
  assert.equal(niceStep(10, 90), 1000);
  assert.equal(niceStep(120, 90), 20000);
});

test("ticks are the multiples of the step in range", () => {
  assert.deepEqual(ticks(150, 1000, 200), [200, 400, 600, 800, 1000]);
  assert.deepEqual(ticks(0, 10, 5), [0, 5, 10]);
});

test("tick labels use the step's unit", () => {
  assert.equal(formatTick(500, 100), "500 µs");
  assert.equal(formatTick(1500, 500), "1.5 ms");
  assert.equal(formatTick(2000, 1000), "2 ms");
  assert.equal(formatTick(2_500_000, 500_000), "2.5 s");
  assert.equal(formatTick(30_000, 2_000), "30 ms");
  assert.equal(formatTick(1200, 200), "1200 µs");
  assert.equal(formatTick(0, 500), "0.0 ms");
});

test("durations have three significant digits", () => {
  assert.equal(formatDuration(12), "12 µs");
  assert.equal(formatDuration(1500), "1.50 ms");
  assert.equal(formatDuration(10011), "10.0 ms");
  assert.equal(formatDuration(123456), "123 ms");
  assert.equal(formatDuration(2_345_000), "2.35 s");
});
