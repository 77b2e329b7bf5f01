// Hit testing: which lane, span, mark or task lies under a canvas point.

import type { Lane, Mark, Row, Span, TaskSpan } from "./model";
import { firstEndingAfter, spanAt } from "./query";
import { AXIS_H, LABEL_W, ROW_H, type View, xToTime } from "./view";

/** Hit is what a point on the canvas designates. */
export type Hit =
  | { kind: "label"; lane: Lane }
  | { kind: "span"; lane: Lane; span: Span; task?: TaskSpan; mark?: Mark; t: number }
  | { kind: "group"; name: string };

/** hitTest finds what lies at canvas point (x, y). */
export function hitTest(rows: readonly Row[], view: View, width: number, x: number, y: number): Hit | null {
  if (y < AXIS_H) return null;
  const i = Math.floor((y - AXIS_H + view.top) / ROW_H);
  const row = rows[i];
  if (!row) return null;
  if (row.kind === "group") return { kind: "group", name: row.name };
  if (x < LABEL_W) return { kind: "label", lane: row.lane };
  const plotW = width - LABEL_W;
  const t = xToTime(view, plotW, x - LABEL_W);
  const slack = (3 * (view.t1 - view.t0)) / plotW;
  const lane = row.lane;
  const span = spanAt(lane, t) ?? afterEnd(lane, t, (5 * (view.t1 - view.t0)) / plotW) ?? nearSpan(lane, t, slack);
  if (!span) return null;
  const hit: Hit = { kind: "span", lane, span, t };
  const task = lane.tasks[firstEndingAfter(lane.tasks, t)];
  if (task && task.start <= t) hit.task = task;
  const mark = nearMark(lane.marks, t, slack);
  if (mark) hit.mark = mark;
  return hit;
}

// afterEnd finds the lane's last span when t is just past it: a span that
// ends the run is drawn at least 5 pixels wide (a goroutine found stuck).
function afterEnd(lane: Lane, t: number, width: number): Span | undefined {
  const last = lane.spans[lane.spans.length - 1];
  return last && t >= last.end && t - last.start <= width ? last : undefined;
}

// nearSpan finds a span within slack of t: zero-width spans (a goroutine
// stuck at the very end) are hard to point at otherwise.
function nearSpan(lane: Lane, t: number, slack: number): Span | undefined {
  return spanAt(lane, t - slack) ?? spanAt(lane, t + slack);
}

// nearMark finds the first mark within slack of t; marks are sorted by time.
function nearMark(marks: readonly Mark[], t: number, slack: number): Mark | undefined {
  let lo = 0, hi = marks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (marks[mid].t < t - slack) lo = mid + 1;
    else hi = mid;
  }
  const m = marks[lo];
  return m && m.t <= t + slack ? m : undefined;
}
