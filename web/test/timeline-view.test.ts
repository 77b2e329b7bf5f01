// View, hit-test and summary tests: zoom keeps the anchor in place, pan
// stays within the run, a point finds its span, and the text summary names
// the longest wait and the stuck goroutines.

import { test } from "node:test";
import assert from "node:assert/strict";
import { LIGHT } from "../src/timeline/colors";
import { layout, type Layout } from "../src/timeline/layout";
import { hitTest } from "../src/timeline/hit";
import { describe } from "../src/timeline/hovertext";
import { buildRows } from "../src/timeline/rows";
import { NO_MARKS, type Scene } from "../src/timeline/scene";
import { summarize, summaryLines } from "../src/timeline/summary";
import { goldenTrace, timesOf } from "./golden";
import { AXIS_H, LABEL_W, MIN_RANGE, ROW_H, fitView, panView, timeToX, xToTime, zoomView, type View } from "../src/timeline/view";

/** scene is what a canvas width pixels wide shows of l in view v. */
export function scene(l: Layout, v: View, width: number, labelW = LABEL_W): Scene {
  const { rows, rowOf } = buildRows(l.lanes);
  return { layout: l, rows, rowOf, view: v, width, height: 400, labelW, palette: LIGHT, selected: 0, marks: NO_MARKS };
}

// A deadlock: main and a server wait on channels nobody sends on (a real
// run: luamod/testdata/traces/view_deadlock.golden).
const DEAD = goldenTrace("view_deadlock");
const at = timesOf(DEAD);
const us = (t: number) => `${t} µs`;

test("fit shows the whole run with a margin", () => {
  assert.deepEqual(fitView(1000), { t0: 0, t1: 1020, top: 0, follow: true });
  assert.equal(fitView(0).t1, MIN_RANGE * 1.02);
});

test("zoom keeps the anchor time at the same place and stops at the minimum range", () => {
  const v = { t0: 0, t1: 1000, top: 0, follow: true };
  const z = zoomView(v, 0.5, 200, 1000);
  assert.deepEqual([z.t0, z.t1, z.follow], [100, 600, false]);
  assert.equal(xToTime(z, 500, timeToX(z, 500, 200)), 200);
  assert.equal(timeToX(z, 500, 200) / 500, timeToX(v, 500, 200) / 500);
  const tiny = zoomView(v, 1e-9, 500, 1000);
  assert.equal(tiny.t1 - tiny.t0, MIN_RANGE);
});

test("pan moves time and rows within bounds", () => {
  const v = { t0: 100, t1: 600, top: 0, follow: false };
  assert.deepEqual(panView(v, 100, 0, 1000, 400, 200), { t0: 200, t1: 700, top: 0, follow: false });
  const far = panView(v, 10_000, 1000, 1000, 400, 200);
  assert.deepEqual([far.t0, far.t1, far.top], [750, 1250, 200]);
  assert.equal(panView(v, -10_000, -50, 1000, 400, 200).t0, -250);
});

test("a point on the canvas finds its lane and span", () => {
  const l = layout(DEAD);
  const v = fitView(l.end);
  const sc = scene(l, v, LABEL_W + 1020);
  const y = (row: number) => AXIS_H + row * ROW_H + ROW_H / 2;
  const x = (t: number) => LABEL_W + timeToX(v, 1020, t);
  assert.deepEqual(hitTest(sc, 20, y(1)), { kind: "label", row: sc.rows[1] });
  const hit = hitTest(sc, x((at(1, "block") + at(1, "stuck")) / 2), y(0));
  assert.equal(hit?.kind, "span");
  if (hit?.kind !== "span") return;
  assert.deepEqual(describe(hit.lane, hit.span), [
    "g1 main", "stuck: channel receive (never woke)", `from ${us(at(1, "block"))} for ${us(at(1, "stuck") - at(1, "block"))}`, "on chan 2", "line 8"]);
  const end = hitTest(sc, x(at(2, "stuck")) + 2, y(1));
  assert.equal(end?.kind === "span" && end.span.state, "stuck");
  assert.equal(hitTest(sc, x(at(2, "spawn") / 2), y(1)), null);
  assert.equal(hitTest(sc, x(at(2, "spawn") / 2), y(2)), null);
});

test("the summary names the longest wait and the stuck goroutines with what they wait on", () => {
  assert.deepEqual(summaryLines(summarize(layout(DEAD))), [
    `2 goroutines over ${us(at(1, "stuck"))} of virtual time.`,
    `Longest blocked: g1 main, ${us(at(1, "stuck") - at(1, "block"))} (channel receive on chan 2, line 8).`,
    "Deadlock: 2 goroutines can never wake, main among them. Who waits on what:",
    "g1 main waits on chan 2 (channel receive, line 8); no value ever passed through chan 2.",
    "g2 server waits on chan 1 (channel receive, line 5); no value ever passed through chan 1.",
  ]);
  assert.deepEqual(summaryLines(summarize(layout([]), "empty")), ["No run yet: the timeline is empty."]);
  assert.deepEqual(summaryLines(summarize(layout([]), "running")), ["Running: no goroutine has started yet."]);
  assert.deepEqual(summaryLines(summarize(layout(DEAD.slice(0, 4)), "running")).slice(0, 1),
    [`Running: 2 goroutines so far, over ${us(at(1, "block"))} of virtual time.`]);
});
