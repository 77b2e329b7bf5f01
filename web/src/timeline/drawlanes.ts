// Drawing lanes: row bands, a goroutine's spans as bars coloured by state
// family, its end as a mark where the lane stops, and a collapsed group as
// one bar that shows, at each pixel, what most of its lanes are doing.

import { familyOf } from "./families";
import { FAMILY_ORDER, columnFamilies } from "./groupstates";
import { ended, type GroupRow, type Lane, type Row, type Span } from "./model";
import { firstEndingAfter, visibleSpans } from "./query";
import { timeX, type Ctx, type Scene } from "./scene";
import { ROW_H, rowY } from "./view";

/** MIN_SPAN_PX is the narrowest a span is drawn, so that a brief run
 * between long waits stays visible; a stuck span is drawn wider still. */
export const MIN_SPAN_PX = 2;
const STUCK_MIN_PX = 5;

/** Rects collects rectangles by colour (x, y, w, h each), so a frame sets
 * each colour once. */
export type Rects = Map<string, number[]>;

function push(rects: Rects, color: string, x: number, y: number, w: number, h: number): void {
  let list = rects.get(color);
  if (!list) rects.set(color, (list = []));
  list.push(x, y, w, h);
}

/** drawLane collects the rects of a lane's visible spans and returns how
 * many it drew. A span narrower than MIN_SPAN_PX is widened, and the
 * spans it then covers are skipped by a search past them. */
export function drawLane(sc: Scene, lane: Lane, y: number, rects: Rects): number {
  const { t0, t1 } = sc.view;
  const plotW = sc.width - sc.labelW;
  const k = plotW / (t1 - t0);
  const spans = lane.spans;
  const [first, last] = visibleSpans(spans, t0, t1);
  const stop = Math.min(last, spans.length - (laneEnd(lane) ? 1 : 0));
  let filled = -Infinity, n = 0;
  for (let i = first; i < stop;) {
    const s = spans[i];
    const family = familyOf(s);
    if (!family) {
      i++;
      continue;
    }
    let x0 = (s.start - t0) * k, x1 = (s.end - t0) * k;
    const min = family === "stuck" ? STUCK_MIN_PX : MIN_SPAN_PX;
    if (x1 - x0 < min) x1 = x0 + min;
    if (x1 <= filled) {
      i = firstEndingAfter(spans, t0 + filled / k, i + 1);
      continue;
    }
    x0 = Math.max(x0, filled, -1);
    x1 = Math.min(x1, plotW + 1);
    push(rects, sc.palette.family[family], sc.labelW + x0, y + 3, x1 - x0, ROW_H - 6);
    filled = x1;
    n++;
    i++;
  }
  return n;
}

// laneEnd is the span that ends a lane (done, failed, cancelled), if any.
function laneEnd(lane: Lane): Span | undefined {
  const tail = lane.spans[lane.spans.length - 1];
  return tail && ended(tail) ? tail : undefined;
}

/** drawEnd marks where a goroutine ended, when in view: a short cap, or a
 * cross when it failed or was cancelled. */
export function drawEnd(ctx: Ctx, sc: Scene, lane: Lane, y: number): void {
  const s = laneEnd(lane);
  if (!s || s.start < sc.view.t0 || s.start > sc.view.t1) return;
  const x = timeX(sc, s.start);
  const p = sc.palette;
  if (s.state === "done") {
    ctx.fillStyle = p.muted;
    ctx.fillRect(Math.round(x) - 1, y + 5, 2, ROW_H - 10);
    return;
  }
  ctx.strokeStyle = s.state === "failed" ? p.failed : p.cancelled;
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(x - 4, y + 6);
  ctx.lineTo(x + 4, y + ROW_H - 6);
  ctx.moveTo(x + 4, y + 6);
  ctx.lineTo(x - 4, y + ROW_H - 6);
  ctx.stroke();
  ctx.lineWidth = 1;
}

/** drawGroup collects the rects of a collapsed group's row: at each pixel
 * column, what most of its lanes are doing (groupstates.ts). */
export function drawGroup(sc: Scene, row: GroupRow, y: number, rects: Rects): void {
  const cols = Math.ceil(sc.width - sc.labelW);
  const fam = columnFamilies(sc.layout, row, sc.view.t0, sc.view.t1, cols, !!sc.live);
  for (let c = 0; c < cols;) {
    const f = fam[c];
    let e = c + 1;
    while (e < cols && fam[e] === f) e++;
    if (f >= 0) push(rects, sc.palette.family[FAMILY_ORDER[f]], sc.labelW + c, y + 4, e - c, ROW_H - 8);
    c = e;
  }
}

/** drawBands shades alternate lanes, group headings, highlighted lanes
 * and the selected one, across the whole width. */
export function drawBands(ctx: Ctx, sc: Scene, first: number, last: number): void {
  const p = sc.palette;
  for (let i = first; i < last; i++) {
    const row = sc.rows[i];
    const y = rowY(sc.view.top, i);
    const fill = bandColor(sc, row, i);
    if (fill) {
      ctx.fillStyle = fill;
      ctx.fillRect(0, y, sc.width, ROW_H);
    }
    if (highlighted(sc, row)) {
      ctx.fillStyle = p.highlight;
      ctx.fillRect(0, y, sc.width, ROW_H);
    }
  }
}

function bandColor(sc: Scene, row: Row, i: number): string {
  const p = sc.palette;
  if (row.kind === "group") return p.group;
  if (row.lane.g === sc.selected) return p.select;
  return i % 2 ? p.laneAlt : "";
}

// highlighted tells whether a row shows a goroutine the page highlights.
function highlighted(sc: Scene, row: Row): boolean {
  const h = sc.marks.highlight;
  if (h.size === 0) return false;
  if (row.kind === "lane") return h.has(row.lane.g);
  return row.collapsed && row.lanes.some((l) => h.has(l.g));
}
