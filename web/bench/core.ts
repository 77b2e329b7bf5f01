// The timeline benchmark's measurements, shared by the Node run (a call-counting
// canvas: layout, queries and draw calls) and the Chromium run (a real
// canvas, flushed after each frame).

import { layout } from "../src/timeline/layout";
import { LIGHT } from "../src/timeline/colors";
import { draw } from "../src/timeline/draw";
import { buildRows } from "../src/timeline/rows";
import { NO_MARKS, type Ctx, type Scene } from "../src/timeline/scene";
import { fitView, labelWidth, panView, zoomView, ROW_H, AXIS_H } from "../src/timeline/view";
import { synthTrace } from "./gen";

/** Result is what one bench run measured, in milliseconds. */
export interface Result {
  events: number;
  lanes: number;
  spans: number;
  arrows: number;
  layoutMs: number;
  firstDrawMs: number;
  panAvgMs: number;
  panMaxMs: number;
  zoomAvgMs: number;
  zoomMaxMs: number;
}

/** TARGETS are the goals from the issue: first draw (layout included)
 * within 100 ms, a pan or zoom frame within 16 ms. */
export const TARGETS = { firstDrawMs: 100, frameMs: 16 };

/** measure runs the benchmark drawing on ctx; flush forces the frame to
 * be rasterised (a no-op for the counting canvas). Like the component, which draws
 * the empty timeline when it is mounted, it first draws an empty layout,
 * so that the canvas and its font are set up before the clock starts. */
export function measure(ctx: Ctx, width: number, height: number, now: () => number, flush: () => void): Result {
  const events = synthTrace(10_000, 100_000);
  const empty = layout([]);
  const labelW = labelWidth(width);
  draw(ctx, { layout: empty, rows: [], rowOf: new Map(), view: fitView(0), width, height, labelW, palette: LIGHT, selected: 0, marks: NO_MARKS });
  flush();
  const t0 = now();
  const l = layout(events);
  const t1 = now();
  const { rows, rowOf } = buildRows(l.lanes);
  const sc: Scene = { layout: l, rows, rowOf, view: fitView(l.end), width, height, labelW, palette: LIGHT, selected: 0, marks: NO_MARKS };
  draw(ctx, sc);
  flush();
  const t2 = now();
  const frame = (): number => {
    const s = now();
    draw(ctx, sc);
    flush();
    return now() - s;
  };
  const rowsH = rows.length * ROW_H, plotH = height - AXIS_H;
  const pans: number[] = [], zooms: number[] = [];
  for (let i = 0; i < 60; i++) {
    sc.view = panView(sc.view, (l.end / 100) * (i % 2 ? -1 : 1), 37 * ROW_H, l.end, rowsH, plotH);
    pans.push(frame());
  }
  sc.view = fitView(l.end, sc.view.top);
  for (let i = 0; i < 60; i++) {
    sc.view = zoomView(sc.view, i < 30 ? 0.85 : 1 / 0.85, l.end / 2, l.end);
    zooms.push(frame());
  }
  const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    events: events.length, lanes: l.lanes.length, spans: l.spanCount(), arrows: l.arrows.length,
    layoutMs: t1 - t0, firstDrawMs: t2 - t0, panAvgMs: avg(pans), panMaxMs: Math.max(...pans),
    zoomAvgMs: avg(zooms), zoomMaxMs: Math.max(...zooms),
  };
}

/** report formats a result against the targets. */
export function report(name: string, r: Result): string {
  const f = (x: number) => x.toFixed(2);
  const ok = (x: number, max: number) => (x <= max ? "ok" : "OVER");
  return [
    `${name}: ${r.events} events, ${r.lanes} lanes, ${r.spans} spans, ${r.arrows} arrows`,
    `  layout            ${f(r.layoutMs)} ms`,
    `  first draw        ${f(r.firstDrawMs)} ms (layout included; target ${TARGETS.firstDrawMs}) ${ok(r.firstDrawMs, TARGETS.firstDrawMs)}`,
    `  pan frame   avg   ${f(r.panAvgMs)} ms, max ${f(r.panMaxMs)} ms (target ${TARGETS.frameMs}) ${ok(r.panMaxMs, TARGETS.frameMs)}`,
    `  zoom frame  avg   ${f(r.zoomAvgMs)} ms, max ${f(r.zoomMaxMs)} ms (target ${TARGETS.frameMs}) ${ok(r.zoomMaxMs, TARGETS.frameMs)}`,
  ].join("\n");
}
