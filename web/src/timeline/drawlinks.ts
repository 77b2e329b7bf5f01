// Drawing what crosses or annotates spans: arrows between goroutines
// (spawn, wake-up, channel handoff), mark ticks and pool task sub-spans.

import type { Arrow, Lane } from "./model";
import type { Ctx, Scene } from "./draw";
import { rowY } from "./draw";
import { firstArrowTo, firstEndingAfter } from "./query";
import { LABEL_W, ROW_H } from "./view";

/** MAX_ARROWS bounds the arrows one frame draws. */
export const MAX_ARROWS = 4000;

/** drawArrows paints the arrows into or out of the lanes in rows
 * [first, last) and returns how many it drew. Each lane's links are
 * searched by time. An arrow between two visible lanes is drawn whole,
 * once; one whose other end is out of view is a short tick pointing up or
 * down towards it, at most one per pixel column and direction, so that a
 * goroutine that spawned thousands does not paint a fan over everything. */
export function drawArrows(ctx: Ctx, sc: Scene, first: number, last: number): number {
  const { t0, t1 } = sc.view;
  const k = (sc.width - LABEL_W) / (t1 - t0);
  let n = 0;
  ctx.lineWidth = 1;
  const ticks = new Set<number>();
  for (let i = first; i < last && n < MAX_ARROWS; i++) {
    const row = sc.rows[i];
    if (row.kind !== "lane") continue;
    ticks.clear();
    // The arrows visibleArrows() would list, without making the list.
    const links = row.lane.links, until = t1 + sc.layout.maxArrow;
    for (let j = firstArrowTo(links, t0); j < links.length; j++) {
      const a = links[j];
      if (a.toT > until) break;
      if (a.fromT > t1) continue;
      const rf = sc.rowOf.get(a.from), rt = sc.rowOf.get(a.to);
      if (rf === undefined || rt === undefined) continue;
      const isTo = a.to === row.lane.g;
      const other = isTo ? rf : rt;
      const x0 = LABEL_W + (a.fromT - t0) * k, x1 = LABEL_W + (a.toT - t0) * k;
      const y0 = rowY(sc, rf) + ROW_H / 2, y1 = rowY(sc, rt) + ROW_H / 2;
      if (other >= first && other < last) {
        if (!isTo) continue;
        arrow(ctx, x0, y0, x1, y1, color(sc, a));
      } else {
        const dir = other < i ? -1 : 1, x = isTo ? x1 : x0, y = isTo ? y1 : y0;
        const key = Math.round(x) * 2 + (dir > 0 ? 1 : 0);
        if (ticks.has(key)) continue;
        ticks.add(key);
        if (isTo) arrow(ctx, x, y + dir * ROW_H * 0.9, x, y, color(sc, a));
        else arrow(ctx, x, y, x, y + dir * ROW_H * 0.9, color(sc, a));
      }
      if (++n >= MAX_ARROWS) break;
    }
  }
  return n;
}

function color(sc: Scene, a: Arrow): string {
  return a.kind === "spawn" ? sc.palette.spawn : a.kind === "chan" ? sc.palette.chan : sc.palette.wake;
}

// arrow draws a line with a head at its end; a vertical one when both ends
// are at the same time.
function arrow(ctx: Ctx, x0: number, y0: number, x1: number, y1: number, c: string): void {
  ctx.strokeStyle = c;
  ctx.fillStyle = c;
  ctx.beginPath();
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1, y1);
  ctx.stroke();
  const len = Math.hypot(x1 - x0, y1 - y0) || 1;
  const ux = (x1 - x0) / len, uy = (y1 - y0) / len;
  ctx.beginPath();
  ctx.moveTo(x1, y1);
  ctx.lineTo(x1 - ux * 6 - uy * 3, y1 - uy * 6 + ux * 3);
  ctx.lineTo(x1 - ux * 6 + uy * 3, y1 - uy * 6 - ux * 3);
  ctx.closePath();
  ctx.fill();
}

/** drawMarks paints a lane's marks in view as ticks with their labels,
 * skipping labels that would overlap the previous one. */
export function drawMarks(ctx: Ctx, sc: Scene, lane: Lane, y: number): void {
  if (lane.marks.length === 0) return;
  const { t0, t1 } = sc.view;
  const k = (sc.width - LABEL_W) / (t1 - t0);
  const i0 = lowerBound(lane.marks, t0);
  let labelEnd = -Infinity;
  ctx.textBaseline = "middle";
  ctx.textAlign = "left";
  for (let i = i0; i < lane.marks.length && lane.marks[i].t <= t1; i++) {
    const m = lane.marks[i];
    const x = LABEL_W + (m.t - t0) * k;
    ctx.fillStyle = sc.palette.mark;
    ctx.fillRect(Math.round(x) - 1, y + 1, 2, ROW_H - 2);
    ctx.beginPath();
    ctx.moveTo(x - 4, y + 1);
    ctx.lineTo(x + 4, y + 1);
    ctx.lineTo(x, y + 6);
    ctx.closePath();
    ctx.fill();
    if (x + 4 > labelEnd && m.label) {
      ctx.fillStyle = sc.palette.text;
      ctx.fillText(m.label, x + 5, y + ROW_H / 2);
      labelEnd = x + 5 + ctx.measureText(m.label).width + 4;
    }
  }
}

// lowerBound is the index of the first mark at or after t.
function lowerBound(marks: readonly { t: number }[], t: number): number {
  let lo = 0, hi = marks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (marks[mid].t < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** drawTasks paints a worker's pool tasks as a strip along the top of its
 * lane, labelled with the task id where it fits. */
export function drawTasks(ctx: Ctx, sc: Scene, lane: Lane, y: number): void {
  if (lane.tasks.length === 0) return;
  const { t0, t1 } = sc.view;
  const k = (sc.width - LABEL_W) / (t1 - t0);
  ctx.textBaseline = "middle";
  ctx.textAlign = "left";
  for (let i = firstEndingAfter(lane.tasks, t0); i < lane.tasks.length && lane.tasks[i].start <= t1; i++) {
    const task = lane.tasks[i];
    const x0 = LABEL_W + Math.max((task.start - t0) * k, -1);
    const x1 = LABEL_W + Math.min((task.end - t0) * k, sc.width);
    ctx.fillStyle = task.status === "error" ? sc.palette.states.failed : sc.palette.task;
    ctx.fillRect(x0, y, Math.max(1, x1 - x0 - 1), 2);
    if (x1 - x0 > 60 && task.name) {
      const w = ctx.measureText(task.name).width;
      if (w + 8 < x1 - x0) {
        ctx.fillStyle = sc.palette.background;
        ctx.fillRect(x0 + 2, y + 3, w + 4, ROW_H - 6);
        ctx.fillStyle = sc.palette.text;
        ctx.fillText(task.name, x0 + 4, y + ROW_H / 2);
      }
    }
  }
}
