// Drawing what annotates a lane's spans: mark ticks and pool task
// sub-spans.

import type { Lane } from "./model";
import type { Ctx, Scene } from "./scene";
import { firstEndingAfter } from "./query";
import { ROW_H } from "./view";

/** drawMarks paints a lane's marks in view as ticks with their labels,
 * skipping labels that would overlap the previous one. */
export function drawMarks(ctx: Ctx, sc: Scene, lane: Lane, y: number): void {
  if (lane.marks.length === 0) return;
  const { t0, t1 } = sc.view;
  const k = (sc.width - sc.labelW) / (t1 - t0);
  const i0 = lowerBound(lane.marks, t0);
  let labelEnd = -Infinity;
  ctx.textBaseline = "middle";
  ctx.textAlign = "left";
  for (let i = i0; i < lane.marks.length && lane.marks[i].t <= t1; i++) {
    const m = lane.marks[i];
    const x = sc.labelW + (m.t - t0) * k;
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
  const k = (sc.width - sc.labelW) / (t1 - t0);
  ctx.textBaseline = "middle";
  ctx.textAlign = "left";
  for (let i = firstEndingAfter(lane.tasks, t0); i < lane.tasks.length && lane.tasks[i].start <= t1; i++) {
    const task = lane.tasks[i];
    const x0 = sc.labelW + Math.max((task.start - t0) * k, -1);
    const x1 = sc.labelW + Math.min((task.end - t0) * k, sc.width);
    ctx.fillStyle = task.status === "error" ? sc.palette.failed : sc.palette.task;
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
