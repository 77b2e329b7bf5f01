// Where arrows go on the canvas, shared by drawing and hit testing so that
// what the pointer finds is what was drawn.

import type { Scene } from "./scene";
import { timeX } from "./scene";
import type { Arrow } from "./model";
import type { WaitEdge } from "./waitfor";
import { firstArrowTo } from "./query";
import { ROW_H, rowY } from "./view";

/** MAX_ARROWS bounds the arrows one frame draws. */
export const MAX_ARROWS = 4000;

/** ArrowSeg is an arrow as drawn: whole from one row to the other, or a
 * short tick pointing up or down towards a row out of view. */
export interface ArrowSeg {
  arrow: Arrow;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** forEachArrow calls visit with each arrow into or out of the lanes in
 * rows [first, last), at most MAX_ARROWS, and returns how many it
 * visited; visit returns true to stop. Each lane's links are searched by
 * time. An arrow between two rows in view is visited once, whole; one
 * whose other end is out of view is a tick. Arrows between the same two
 * rows are kept ARROW_GAP pixels apart (more into a collapsed group), so
 * that a goroutine that spawned thousands does not paint a fan or a solid
 * block over everything. An arrow
 * with a collapsed group at one end is drawn to the group's row; one
 * with groups at both ends is not drawn (open a group to see it), which
 * also spares a frame from walking every lane of every group. */
export function forEachArrow(sc: Scene, first: number, last: number, visit: (s: ArrowSeg) => boolean | void): number {
  const { t0, t1 } = sc.view;
  const k = (sc.width - sc.labelW) / (t1 - t0);
  const until = t1 + sc.layout.maxArrow;
  const seen = new Spacing();
  let n = 0;
  for (let i = first; i < last; i++) {
    const row = sc.rows[i];
    if (row.kind !== "lane") continue;
    const links = row.lane.links;
    for (let j = firstArrowTo(links, t0); j < links.length; j++) {
      const a = links[j];
      if (a.toT > until) break;
      if (a.fromT > t1) continue;
      const rf = sc.rowOf.get(a.from), rt = sc.rowOf.get(a.to);
      if (rf === undefined || rt === undefined || rf === rt) continue;
      const isTo = rt === i, other = isTo ? rf : rt;
      const otherIn = other >= first && other < last;
      // A whole arrow between two lanes is visited from its target.
      if (otherIn && !isTo && sc.rows[other].kind === "lane") continue;
      const x0 = sc.labelW + (a.fromT - t0) * k, x1 = sc.labelW + (a.toT - t0) * k;
      // A tick stands at its own end's time; spacing is checked before
      // anything is made, as most arrows of a busy lane are skipped.
      const tx = isTo ? x1 : x0;
      const gap = sc.rows[other].kind === "group" ? GROUP_ARROW_GAP : ARROW_GAP;
      if (!seen.spaced(rf * 65536 + rt, otherIn ? x0 : tx, otherIn ? x1 : tx, gap)) continue;
      const y0 = rowY(sc.view.top, rf) + ROW_H / 2, y1 = rowY(sc.view.top, rt) + ROW_H / 2;
      let seg: ArrowSeg;
      if (otherIn) {
        seg = { arrow: a, x0, y0, x1, y1 };
      } else {
        const y = isTo ? y1 : y0, far = y + (other < i ? -1 : 1) * ROW_H * 0.9;
        seg = isTo ? { arrow: a, x0: tx, y0: far, x1: tx, y1: y } : { arrow: a, x0: tx, y0: y, x1: tx, y1: far };
      }
      n++;
      if (visit(seg) || n >= MAX_ARROWS) return n;
    }
  }
  return n;
}

/** WaitSeg is a wait-for edge as drawn: down (or up) from the waiting
 * goroutine, where its wait began, to the one it waits on, or a tick
 * when one of the two is out of view; labelled when the waiter shows. */
export interface WaitSeg {
  edge: WaitEdge;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  label: boolean;
}

/** waitSegments lists the wait-for edges that touch rows [first, last). */
export function waitSegments(sc: Scene, first: number, last: number): WaitSeg[] {
  const out: WaitSeg[] = [];
  for (const edge of sc.marks.waitFor) {
    const rf = sc.rowOf.get(edge.from), rt = sc.rowOf.get(edge.to);
    if (rf === undefined || rt === undefined || rf === rt) continue;
    const fromIn = rf >= first && rf < last, toIn = rt >= first && rt < last;
    if (!fromIn && !toIn) continue;
    const x = timeX(sc, edge.t) + 3;
    const y0 = rowY(sc.view.top, rf) + ROW_H / 2, y1 = rowY(sc.view.top, rt) + ROW_H / 2;
    const dir = rt > rf ? 1 : -1;
    if (fromIn && toIn) out.push({ edge, x0: x, y0, x1: x, y1, label: true });
    else if (fromIn) out.push({ edge, x0: x, y0, x1: x, y1: y0 + dir * ROW_H * 0.9, label: true });
    else out.push({ edge, x0: x, y0: y1 - dir * ROW_H * 0.9, x1: x, y1, label: false });
  }
  return out;
}

/** ARROW_GAP is the least distance, in pixels, between two arrows drawn
 * between the same two rows; GROUP_ARROW_GAP when one row is a collapsed
 * group, whose arrows stand for many goroutines anyway. */
export const ARROW_GAP = 4;
export const GROUP_ARROW_GAP = 12;

// Spacing keeps the arrows between two rows a gap apart: links come
// sorted by target time, so the last arrow drawn per pair of rows is the
// one to compare with.
class Spacing {
  private last = new Map<number, { x0: number; x1: number }>();

  /** spaced tells whether an arrow between the rows of pair from x0 to x1
   * is gap pixels from the last one drawn, and if so remembers it. */
  spaced(pair: number, x0: number, x1: number, gap: number): boolean {
    const prev = this.last.get(pair);
    if (prev && Math.abs(prev.x0 - x0) < gap && Math.abs(prev.x1 - x1) < gap) return false;
    this.last.set(pair, { x0, x1 });
    return true;
  }
}

/** distance is how far point (x, y) is from a segment. */
export function distance(s: { x0: number; y0: number; x1: number; y1: number }, x: number, y: number): number {
  const dx = s.x1 - s.x0, dy = s.y1 - s.y0;
  const len2 = dx * dx + dy * dy;
  const f = len2 ? Math.max(0, Math.min(1, ((x - s.x0) * dx + (y - s.y0) * dy) / len2)) : 0;
  return Math.hypot(x - (s.x0 + f * dx), y - (s.y0 + f * dy));
}
