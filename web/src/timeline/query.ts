// Time-indexed queries over a lane's sorted spans: binary searches, so a
// frame touches only what it shows however long the run.

import type { Arrow, Lane, Span, Totals } from "./model";

/** firstEndingAfter returns the index of the first item whose end is past
 * t (or at t when inclusive), or items.length. Items are sorted and do not
 * overlap, so their ends are sorted too. */
export function firstEndingAfter(items: readonly { end: number }[], t: number, from = 0): number {
  let lo = from, hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid].end <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** spanAt returns the span of lane covering time t, if any. */
export function spanAt(lane: Lane, t: number): Span | undefined {
  const spans = lane.spans;
  let i = firstEndingAfter(spans, t);
  if (i === spans.length && i > 0 && spans[i - 1].end === t) i--;
  const s = spans[i];
  return s && s.start <= t ? s : undefined;
}

/** visibleSpans returns the index range [first, last) of spans that
 * intersect [t0, t1]. */
export function visibleSpans(spans: readonly Span[], t0: number, t1: number): [number, number] {
  const first = firstEndingAfter(spans, t0);
  let lo = first, hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (spans[mid].start <= t1) lo = mid + 1;
    else hi = mid;
  }
  return [first, lo];
}

/** visibleArrows returns the arrows that cross the time range [t0, t1]:
 * they are sorted by target time and none is longer than maxLen. */
export function visibleArrows(arrows: readonly Arrow[], maxLen: number, t0: number, t1: number): Arrow[] {
  const out: Arrow[] = [];
  for (let i = firstArrowTo(arrows, t0); i < arrows.length; i++) {
    const a = arrows[i];
    if (a.toT > t1 + maxLen) break;
    if (a.fromT <= t1) out.push(a);
  }
  return out;
}

/** firstArrowTo returns the index of the first arrow (sorted by target
 * time) that ends at or after t, or arrows.length; visibleArrows without
 * the list, for drawing. */
export function firstArrowTo(arrows: readonly Arrow[], t: number): number {
  let lo = 0, hi = arrows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arrows[mid].toT < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** totals sums the time goroutine lane spent in each state. */
export function totals(lane: Lane): Totals {
  const t: Totals = { running: 0, runnable: 0, blocked: 0, sleeping: 0, stuck: 0 };
  for (const s of lane.spans) {
    const d = s.end - s.start;
    switch (s.state) {
      case "running": t.running += d; break;
      case "runnable": t.runnable += d; break;
      case "blocked": t.blocked += d; break;
      case "sleeping": t.sleeping += d; break;
      case "stuck": t.stuck += d; break;
      default: break;
    }
  }
  return t;
}
