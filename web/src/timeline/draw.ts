// Drawing: paints the visible rows of a Layout on a canvas. Only rows in
// view are visited, and within a row only spans in the time range, found by
// binary search; runs of spans narrower than a pixel collapse to one rect.

import type { Layout } from "./layout";
import type { Lane, Row } from "./model";
import { laneLabel } from "./model";
import { colorKey, type Palette } from "./colors";
import { firstEndingAfter, visibleSpans } from "./query";
import { AXIS_H, LABEL_W, ROW_H, type View } from "./view";
import { drawAxis } from "./drawaxis";
import { drawArrows, drawMarks, drawTasks } from "./drawlinks";

/** Ctx is the part of a 2D canvas context the timeline uses. */
export type Ctx = Pick<CanvasRenderingContext2D,
  "fillRect" | "strokeRect" | "fillText" | "beginPath" | "moveTo" | "lineTo" | "closePath" | "stroke" | "fill" |
  "save" | "restore" | "rect" | "clip" | "measureText" | "setTransform"> & {
  fillStyle: string | CanvasGradient | CanvasPattern;
  strokeStyle: string | CanvasGradient | CanvasPattern;
  lineWidth: number;
  font: string;
  textBaseline: CanvasTextBaseline;
  textAlign: CanvasTextAlign;
};

/** Scene is everything one frame depends on. */
export interface Scene {
  layout: Layout;
  rows: readonly Row[];
  /** rowOf maps a goroutine id to its row index. */
  rowOf: ReadonlyMap<number, number>;
  view: View;
  width: number;
  height: number;
  palette: Palette;
  /** The selected goroutine, 0 for none. */
  selected: number;
}

/** DrawStats counts what a frame painted, for tests and the benchmark. */
export interface DrawStats {
  lanes: number;
  spans: number;
  arrows: number;
}

/** FONT is the canvas font for labels. */
export const FONT = "12px system-ui, sans-serif";

/** visibleRows returns the index range [first, last) of rows in view. */
export function visibleRows(sc: Pick<Scene, "rows" | "view" | "height">): [number, number] {
  const first = Math.max(0, Math.floor(sc.view.top / ROW_H));
  const last = Math.min(sc.rows.length, Math.ceil((sc.view.top + sc.height - AXIS_H) / ROW_H));
  return [first, Math.max(first, last)];
}

/** rowY is the top of row i on the canvas. */
export function rowY(sc: Pick<Scene, "view">, i: number): number {
  return AXIS_H + i * ROW_H - sc.view.top;
}

/** draw paints one frame. */
export function draw(ctx: Ctx, sc: Scene): DrawStats {
  const p = sc.palette;
  ctx.fillStyle = p.background;
  ctx.fillRect(0, 0, sc.width, sc.height);
  ctx.font = FONT;
  const [first, last] = visibleRows(sc);
  const stats: DrawStats = { lanes: 0, spans: 0, arrows: 0 };
  ctx.save();
  ctx.beginPath();
  ctx.rect(LABEL_W, AXIS_H, sc.width - LABEL_W, sc.height - AXIS_H);
  ctx.clip();
  drawBands(ctx, sc, first, last);
  drawAxis(ctx, sc, "grid");
  const rects = new Map<string, number[]>();
  for (let i = first; i < last; i++) {
    const row = sc.rows[i];
    if (row.kind !== "lane") continue;
    stats.lanes++;
    stats.spans += laneRects(sc, row.lane, rowY(sc, i), rects);
  }
  for (const [color, r] of rects) {
    ctx.fillStyle = color;
    for (let j = 0; j < r.length; j += 4) ctx.fillRect(r[j], r[j + 1], r[j + 2], r[j + 3]);
  }
  for (let i = first; i < last; i++) {
    const row = sc.rows[i];
    if (row.kind === "lane") {
      drawTasks(ctx, sc, row.lane, rowY(sc, i));
      drawMarks(ctx, sc, row.lane, rowY(sc, i));
    }
  }
  stats.arrows = drawArrows(ctx, sc, first, last);
  ctx.restore();
  drawLabels(ctx, sc, first, last);
  drawAxis(ctx, sc, "labels");
  drawScrollbar(ctx, sc);
  return stats;
}

// drawScrollbar shows where the visible rows are when they do not all fit.
function drawScrollbar(ctx: Ctx, sc: Scene): void {
  const total = sc.rows.length * ROW_H, plotH = sc.height - AXIS_H;
  if (total <= plotH) return;
  const h = Math.max(16, (plotH * plotH) / total);
  const y = AXIS_H + ((plotH - h) * sc.view.top) / (total - plotH);
  ctx.fillStyle = sc.palette.muted;
  ctx.fillRect(sc.width - 5, y, 4, h);
}

// drawBands shades alternate lanes, group headings and the selected lane.
function drawBands(ctx: Ctx, sc: Scene, first: number, last: number): void {
  const p = sc.palette;
  for (let i = first; i < last; i++) {
    const row = sc.rows[i];
    const y = rowY(sc, i);
    const fill = row.kind === "group" ? p.group : row.lane.g === sc.selected ? p.select : i % 2 ? p.laneAlt : "";
    if (!fill) continue;
    ctx.fillStyle = fill;
    ctx.fillRect(0, y, sc.width, ROW_H);
  }
}

// laneRects collects the rects of a lane's visible spans by colour and
// returns how many spans it drew. A span narrower than a pixel that falls
// on a pixel already painted is skipped, and the search jumps past it.
function laneRects(sc: Scene, lane: Lane, y: number, rects: Map<string, number[]>): number {
  const { t0, t1 } = sc.view;
  const plotW = sc.width - LABEL_W;
  const k = plotW / (t1 - t0);
  const spans = lane.spans;
  const [first, last] = visibleSpans(spans, t0, t1);
  let filled = -Infinity, n = 0;
  for (let i = first; i < last;) {
    const s = spans[i];
    let x0 = (s.start - t0) * k, x1 = (s.end - t0) * k;
    if (s.state === "stuck" && x1 - x0 < 5) x1 = x0 + 5;
    else if (x1 - x0 < 1) {
      if (x0 < filled) {
        i = firstEndingAfter(spans, t0 + filled / k, i + 1);
        continue;
      }
      x1 = x0 + 1;
    }
    x0 = Math.max(x0, -1);
    x1 = Math.min(x1, plotW + 1);
    const key = colorKey(s);
    const color = sc.palette.states[key];
    let list = rects.get(color);
    if (!list) rects.set(color, (list = []));
    const ended = key === "done" || key === "failed" || key === "cancelled";
    if (ended) list.push(LABEL_W + x0, y + ROW_H / 2 - 1, x1 - x0, 2);
    else list.push(LABEL_W + x0, y + 3, x1 - x0, ROW_H - 6);
    filled = x1;
    n++;
    i++;
  }
  return n;
}

// drawLabels paints the label column: group headings and lane names, with
// a warning for goroutines that ended stuck or failed.
function drawLabels(ctx: Ctx, sc: Scene, first: number, last: number): void {
  const p = sc.palette;
  ctx.fillStyle = p.background;
  ctx.fillRect(0, AXIS_H, LABEL_W, sc.height - AXIS_H);
  drawBandsLabels(ctx, sc, first, last);
  ctx.textBaseline = "middle";
  ctx.textAlign = "left";
  // One clip for every label (it is the same for all rows): clipping per
  // row costs a first frame dearly.
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, AXIS_H, LABEL_W - 8, sc.height - AXIS_H);
  ctx.clip();
  for (let i = first; i < last; i++) {
    const row = sc.rows[i];
    const y = rowY(sc, i) + ROW_H / 2;
    if (row.kind === "group") {
      ctx.fillStyle = p.text;
      ctx.font = "bold " + FONT;
      ctx.fillText(`${row.name} (${row.count})`, 6, y);
      ctx.font = FONT;
    } else {
      const last = row.lane.spans[row.lane.spans.length - 1];
      const flag = last && (last.state === "stuck" || last.state === "failed") ? last.state : "";
      ctx.fillStyle = p.text;
      ctx.fillText(laneLabel(row.lane), row.lane.group ? 16 : 6, y);
      if (flag) {
        ctx.textAlign = "right";
        ctx.fillStyle = p.states[flag];
        ctx.fillText(flag, LABEL_W - 10, y);
        ctx.textAlign = "left";
      }
    }
  }
  ctx.restore();
  ctx.fillStyle = p.grid;
  ctx.fillRect(LABEL_W - 1, AXIS_H, 1, sc.height - AXIS_H);
}

// drawBandsLabels repeats the row bands under the label column.
function drawBandsLabels(ctx: Ctx, sc: Scene, first: number, last: number): void {
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, AXIS_H, LABEL_W, sc.height - AXIS_H);
  ctx.clip();
  drawBands(ctx, sc, first, last);
  ctx.restore();
}
