// Hit testing: what lies under a canvas point. Arrows and wait-for edges
// come first (they are drawn over spans, and found within a few pixels),
// then the row: its label, a collapsed group's bar, or a lane's span.

import { distance, forEachArrow, waitSegments, type ArrowSeg } from "./arrowgeom";
import type { GroupRow, Lane, Mark, Row, Span, TaskSpan } from "./model";
import { firstEndingAfter, spanAt } from "./query";
import { sceneRows, type Scene } from "./scene";
import { AXIS_H, ROW_H, xToTime } from "./view";
import type { WaitEdge } from "./waitfor";

/** Hit is what a point on the canvas designates. */
export type Hit =
  | { kind: "label"; row: Row }
  | { kind: "group"; row: GroupRow; t: number }
  | { kind: "span"; lane: Lane; span: Span; task?: TaskSpan; mark?: Mark; t: number }
  | { kind: "arrow"; seg: ArrowSeg }
  | { kind: "wait"; edge: WaitEdge };

/** NEAR is how close, in pixels, the pointer must be to an arrow. */
export const NEAR = 4;

/** hitTest finds what lies at canvas point (x, y). */
export function hitTest(sc: Scene, x: number, y: number): Hit | null {
  if (y < AXIS_H) return null;
  const i = Math.floor((y - AXIS_H + sc.view.top) / ROW_H);
  const row = sc.rows[i];
  if (!row) return null;
  if (x < sc.labelW) return { kind: "label", row };
  const line = lineAt(sc, x, y);
  if (line) return line;
  const plotW = sc.width - sc.labelW;
  const t = xToTime(sc.view, plotW, x - sc.labelW);
  if (row.kind === "group") return { kind: "group", row, t };
  const px = (sc.view.t1 - sc.view.t0) / plotW;
  const lane = row.lane;
  const span = spanAt(lane, t) ?? afterEnd(lane, t, 5 * px) ?? nearSpan(lane, t, 3 * px);
  if (!span) return null;
  const hit: Hit = { kind: "span", lane, span, t };
  const task = lane.tasks[firstEndingAfter(lane.tasks, t)];
  if (task && task.start <= t) hit.task = task;
  const mark = nearMark(lane.marks, t, 3 * px);
  if (mark) hit.mark = mark;
  return hit;
}

// lineAt finds the wait-for edge or arrow nearest to (x, y), within NEAR.
function lineAt(sc: Scene, x: number, y: number): Hit | null {
  const [first, last] = sceneRows(sc);
  for (const s of waitSegments(sc, first, last)) {
    if (distance(s, x, y) <= NEAR) return { kind: "wait", edge: s.edge };
  }
  let best: ArrowSeg | null = null, bestD = NEAR;
  forEachArrow(sc, first, last, (s) => {
    const d = distance(s, x, y);
    if (d <= bestD) {
      best = s;
      bestD = d;
    }
  });
  return best ? { kind: "arrow", seg: best } : null;
}

// afterEnd finds the lane's last span when t is just past it: a span that
// ends the run is drawn at least 5 pixels wide (a goroutine found stuck),
// and an end is a mark a few pixels wide.
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
