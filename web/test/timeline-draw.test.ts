// Drawing tests with a recording canvas: short spans keep a visible
// width, a lane stops where its goroutine ended, spawn arrows stand
// upright instead of fanning into a blob, a collapsed group shows what
// most of its lanes do, labels and axis ticks stay inside their boxes.

import { test } from "node:test";
import assert from "node:assert/strict";
import type { TraceEvent } from "../src/trace";
import { formatRange } from "../src/timeline/axis";
import { forEachArrow } from "../src/timeline/arrowgeom";
import { LIGHT } from "../src/timeline/colors";
import { draw } from "../src/timeline/draw";
import { drawAxis } from "../src/timeline/drawaxis";
import { MIN_SPAN_PX, drawGroup } from "../src/timeline/drawlanes";
import { layout, type Layout } from "../src/timeline/layout";
import type { GroupRow } from "../src/timeline/model";
import { buildRows } from "../src/timeline/rows";
import { NO_MARKS, type Scene } from "../src/timeline/scene";
import { AXIS_H, LABEL_W, LABEL_W_IDS, ROW_H, fitView, labelWidth, rowY } from "../src/timeline/view";
import { CHAR_W, recordCtx } from "./recordctx";

function scene(l: Layout, width = LABEL_W + 1000, t1?: number): Scene {
  const { rows, rowOf } = buildRows(l.lanes);
  const view = t1 === undefined ? { ...fitView(l.end), t1: l.end } : { t0: 0, t1, top: 0, follow: false };
  return { layout: l, rows, rowOf, view, width, height: 300, labelW: labelWidth(width), palette: LIGHT, selected: 0, marks: NO_MARKS };
}

// A goroutine that blocks long, runs 1 µs, blocks long again, and ends
// at 5000 of a 10000 µs run.
const BRIEF: TraceEvent[] = [
  { t: 0, k: "spawn", g: 1, name: "main" }, { t: 0, k: "start", g: 1 },
  { t: 0, k: "block", g: 1, reason: "chan receive", obj: "chan 1" },
  { t: 2000, k: "unblock", g: 1 }, { t: 2000, k: "run", g: 1 },
  { t: 2001, k: "block", g: 1, reason: "chan receive", obj: "chan 1" },
  { t: 5000, k: "unblock", g: 1 }, { t: 5000, k: "run", g: 1 }, { t: 5000, k: "end", g: 1, status: "ok" },
  { t: 0, k: "spawn", g: 2, o: 1 }, { t: 10000, k: "end", g: 2, status: "ok" },
].sort((a, b) => a.t - b.t) as TraceEvent[];

test("a 1 µs run among long waits keeps a visible width, and the lane stops at its end", () => {
  const { ctx, drawn } = recordCtx();
  const sc = scene(layout(BRIEF));
  draw(ctx, sc);
  const y = rowY(0, 0) + 3;
  const bars = drawn.rects.filter((r) => r.y === y && r.h === ROW_H - 6);
  const run = bars.find((r) => r.color === LIGHT.family.running && r.x > LABEL_W + 150)!;
  assert.ok(run, "the brief run is drawn");
  assert.ok(run.w >= MIN_SPAN_PX, `width ${run.w}`);
  const after = bars.find((r) => r.x > run.x && r.color === LIGHT.family.blocked)!;
  assert.ok(after.x >= run.x + run.w, "the next wait starts after the run");
  const end = LABEL_W + 500;
  assert.ok(bars.every((r) => r.x + r.w <= end + MIN_SPAN_PX), "nothing past the end");
  assert.ok(drawn.rects.some((r) => r.color === LIGHT.muted && Math.abs(r.x - end) <= 1 && r.h === ROW_H - 10), "end cap");
});

test("a failed goroutine's lane ends in a cross", () => {
  const { ctx, drawn } = recordCtx();
  draw(ctx, scene(layout([
    { t: 0, k: "spawn", g: 1, name: "main" }, { t: 0, k: "start", g: 1 },
    { t: 10, k: "spawn", g: 2, o: 1 }, { t: 500, k: "end", g: 1, status: "error", err: "boom" },
    { t: 1000, k: "end", g: 2, status: "ok" },
  ])));
  const cross = drawn.lines.filter((l) => l.color === LIGHT.failed);
  assert.equal(cross.length, 2);
  for (const l of cross) assert.ok(Math.abs((l.x0 + l.x1) / 2 - (LABEL_W + 500)) < 1);
});

test("spawn arrows stand upright at the spawn time, so a hundred spawns draw a comb, not a blob", () => {
  const ev: TraceEvent[] = [{ t: 0, k: "spawn", g: 1, name: "main" }, { t: 0, k: "start", g: 1 }];
  for (let g = 2; g <= 101; g++) ev.push({ t: g, k: "spawn", g, o: 1, line: 4, name: `w ${g}` }, { t: 200 + g, k: "start", g });
  const l = layout(ev.sort((a, b) => a.t - b.t));
  const sc = { ...scene(l), rows: buildRows(l.lanes, { collapsed: new Map([["name:w", false]]) }).rows };
  sc.rowOf = buildRows(l.lanes, { collapsed: new Map([["name:w", false]]) }).rowOf;
  const segs: { x0: number; x1: number }[] = [];
  forEachArrow(sc, 0, 14, (s) => void segs.push(s));
  assert.ok(segs.length > 10);
  for (const s of segs) assert.equal(s.x0, s.x1);
});

test("a collapsed group shows, at each pixel, what most of its lanes do", () => {
  const ev: TraceEvent[] = [{ t: 0, k: "spawn", g: 1, name: "main" }, { t: 0, k: "start", g: 1 }];
  for (let g = 2; g <= 5; g++) {
    ev.push({ t: 0, k: "spawn", g, o: 1, line: 3 }, { t: 0, k: "start", g });
    ev.push({ t: 10, k: "block", g, reason: g === 2 ? "sleep" : "chan send", obj: "chan 1" });
  }
  ev.push({ t: 100, k: "end", g: 1, status: "ok" });
  const l = layout(ev);
  const row: GroupRow = { kind: "group", key: "line:3", name: "spawned at line 3", lanes: l.lanes.slice(1), collapsed: true };
  // Whole-run counts (a column spans many slots of the run) ...
  let rects = new Map<string, number[]>();
  drawGroup(scene(l, LABEL_W + 1000, 1000), row, 0, rects);
  assert.deepEqual([...rects.keys()], [LIGHT.family.running, LIGHT.family.blocked]);
  const blocked = rects.get(LIGHT.family.blocked)!;
  assert.deepEqual([blocked[0] - LABEL_W, blocked[2]], [10, 90]);
  // ... and, zoomed in past a slot per column, the spans in view.
  rects = new Map();
  const near = scene(l, LABEL_W + 1000, 1000);
  drawGroup({ ...near, view: { t0: 8, t1: 12, top: 0, follow: false } }, row, 0, rects);
  const span = (color: string) => { const r = rects.get(color)!; return [r[0] - LABEL_W, r[2]]; };
  assert.deepEqual([span(LIGHT.family.running), span(LIGHT.family.blocked)], [[0, 500], [500, 500]]);
  // One lane stuck from its wait on, one ended: stuck shows from then on,
  // and nothing after the lanes are over.
  const l2 = layout([...ev.slice(0, -1),
    { t: 50, k: "unblock", g: 2 }, { t: 50, k: "run", g: 2 }, { t: 60, k: "end", g: 2, status: "ok" },
    { t: 100, k: "stuck", g: 3, reason: "chan send", obj: "chan 1" }, { t: 100, k: "end", g: 1, status: "ok" }]);
  rects = new Map();
  drawGroup(scene(l2, LABEL_W + 1000, 1000), { ...row, lanes: l2.lanes.slice(1) }, 0, rects);
  assert.deepEqual(rects.get(LIGHT.family.stuck)!.filter((_, i) => i % 4 !== 1 && i % 4 !== 3).map((x, i) => (i % 2 ? x : x - LABEL_W)), [10, 90]);
});

test("labels are cut to fit with an ellipsis and ids only on a narrow canvas; a group keeps its count", () => {
  const ev: TraceEvent[] = [{ t: 0, k: "spawn", g: 1, name: "main" }, { t: 0, k: "start", g: 1 },
    { t: 1, k: "spawn", g: 2, o: 1, name: "a goroutine with a name far too long for the column" },
    { t: 2, k: "spawn", g: 3, o: 1, name: "x", group: "a pool whose name is also far too long to fit" }];
  for (const width of [LABEL_W + 600, 390]) {
    const { ctx, drawn } = recordCtx();
    draw(ctx, scene(layout(ev), width));
    const labelW = labelWidth(width);
    const labels = drawn.texts.filter((t) => t.y > AXIS_H && t.x < labelW);
    assert.equal(labels.length, 4);
    for (const t of labels) assert.ok(t.x + t.text.length * CHAR_W <= labelW, `${t.text} overflows ${labelW}`);
    if (labelW === LABEL_W_IDS) assert.deepEqual(labels.map((t) => t.text), ["g1", "g2", "▾1", "g3"]);
    else {
      assert.match(labels[1].text, /^g2 a goroutine.*…$/);
      assert.match(labels[2].text, /^▾ a pool.*… \(1\)$/);
    }
  }
});

test("axis tick labels stay inside the plot, the last one drawn ending at the edge", () => {
  for (const width of [390, 700, 1234]) {
    const { ctx, drawn } = recordCtx();
    const sc = scene(layout(BRIEF), width, 9970);
    drawAxis(ctx, sc, "labels");
    const ticks = drawn.texts.filter((t) => t.x >= sc.labelW);
    assert.ok(ticks.length >= 2, `${width}: ${ticks.length} ticks`);
    for (const t of ticks) assert.ok(t.x + t.text.length * CHAR_W <= width, `${t.text} at ${t.x} runs off ${width}`);
    for (let i = 1; i < ticks.length; i++) assert.ok(ticks[i].x > ticks[i - 1].x + ticks[i - 1].text.length * CHAR_W);
  }
});

test("a range reads with the decimals its width needs", () => {
  assert.equal(formatRange(158_012, 158_022), "158.012 ms – 158.022 ms");
  assert.equal(formatRange(158_000, 159_000), "158.0 ms – 159.0 ms");
  assert.equal(formatRange(0, 277_000), "0 ms – 277 ms");
  assert.equal(formatRange(2_000_000, 2_000_010), "2.000000 s – 2.000010 s");
  assert.equal(formatRange(5, 15), "5 µs – 15 µs");
});
