// What a collapsed group's lanes are doing over time, one family per pixel
// column: the family most of its lanes are in, or stuck whenever one is.
//
// The states come from the layout's state log (statelog.ts), not from the
// lanes' spans, which a first frame of 10,000 goroutines in a few groups
// would otherwise work out all at once. While a pixel column spans at
// least one slot of the whole run, one pass over the log counts, for every
// group in view, how many of its lanes are in each family in each of SLOTS
// slots of the run, by difference arrays (a state adds one at its first
// slot and takes it back after its last), once per layout version. Zoomed
// in closer, the slots are the view's columns, and groupzoom.ts finds the
// same counts by searching the group's index instead of walking the log;
// but while a run goes on, the layout changes with every batch, and an
// index (a few walks to build) would not outlast it: the log is walked.

import type { Family } from "./families";
import type { Layout } from "./layout";
import type { GroupRow } from "./model";
import { STUCK } from "./statelog";
import { groupIndex, indexGroups } from "./groupindex";
import { countBelow, zoomedFamilies } from "./groupzoom";

/** FAMILY_ORDER indexes the families in counts (statelog.ts's codes). */
export const FAMILY_ORDER: readonly Family[] = ["running", "runnable", "clock", "blocked", "stuck"];
const N = FAMILY_ORDER.length;

/** SLOTS is how many slots the whole run is cut into for a group's counts. */
export const SLOTS = 4096;

/** Window is a stretch of time cut into n slots. */
interface Window {
  t0: number;
  t1: number;
  n: number;
}

// Counted are a group's counts over a window, summed up slot after slot:
// cum[s * N + f] counts family f over the slots before s, so a column's
// counts are one subtraction whatever the slots it spans.
interface Counted extends Window {
  version: number;
  lanes: number;
  cum: Int32Array;
}

const cache = new WeakMap<Layout, Map<string, Counted>>();

/** zoomedIn tells whether a view of [t0, t1] on cols columns is closer
 * than the whole-run counts go: a column spans less than a slot of the run. */
export function zoomedIn(l: Layout, t0: number, t1: number, cols: number): boolean {
  return ((t1 - t0) / cols) * SLOTS < Math.max(l.end, 1);
}

/** windowFor is the window a view of [t0, t1] on cols columns counts in. */
function windowFor(l: Layout, t0: number, t1: number, cols: number): Window {
  return zoomedIn(l, t0, t1, cols) ? { t0, t1, n: cols } : { t0: 0, t1: Math.max(l.end, 1), n: SLOTS };
}

/** prepareGroups counts or indexes the collapsed groups among rows for a
 * view of [t0, t1] on cols columns, all in one pass over the log; live
 * says the run goes on. */
export function prepareGroups(l: Layout, rows: readonly GroupRow[], t0: number, t1: number, cols: number, live: boolean): void {
  if (!live && zoomedIn(l, t0, t1, cols)) indexGroups(l, rows);
  else countGroups(l, rows, windowFor(l, t0, t1, cols));
}

const fresh = (c: Counted | undefined, l: Layout, row: GroupRow, w: Window) =>
  !!c && c.version === l.version && c.lanes === row.lanes.length && c.t0 === w.t0 && c.t1 === w.t1 && c.n === w.n;

// countGroups counts, over window w, the states of the lanes of the
// collapsed groups among rows whose counts are not up to date, in one
// pass over the state log.
function countGroups(l: Layout, rows: readonly GroupRow[], w: Window): void {
  let byKey = cache.get(l);
  if (!byKey) cache.set(l, (byKey = new Map()));
  const known = byKey;
  const stale = rows.filter((r) => r.collapsed && !fresh(known.get(r.key), l, r, w));
  if (stale.length === 0) return;
  const size = (w.n + 1) * N, d = tally(l, stale, w, size);
  stale.forEach((r, i) => {
    const cum = d.subarray(i * size, (i + 1) * size);
    sumUp(cum, w.n);
    known.set(r.key, { ...w, version: l.version, lanes: r.lanes.length, cum });
  });
}

// tally walks the state log once and returns, for each group, a
// difference array of size numbers.
function tally(l: Layout, groups: readonly GroupRow[], w: Window, size: number): Int32Array {
  let maxG = 0;
  for (const r of groups) for (const lane of r.lanes) maxG = Math.max(maxG, lane.g);
  const base = new Int32Array(maxG + 1).fill(-1);
  groups.forEach((r, i) => { for (const lane of r.lanes) base[lane.g] = i * size; });
  const d = new Int32Array(groups.length * size);
  const log = l.states, k = w.n / (w.t1 - w.t0);
  const add = (g: number, code: number, from: number, to: number) => {
    // The slots mostly within the stretch; at least the one it starts in.
    const a = Math.max(0, Math.min(w.n - 1, Math.round((from - w.t0) * k)));
    const b = Math.min(w.n, Math.max(a + 1, Math.round((to - w.t0) * k)));
    d[base[g] + a * N + code]++;
    d[base[g] + b * N + code]--;
  };
  // Stretches are sorted by their end: those that end before the window
  // are passed over by a binary search.
  const lg = log.g, from = log.from, to = log.to, codes = log.code, t0 = w.t0, t1 = w.t1, last = w.n - 1;
  for (let i = countBelow(to, log.length, t0); i < log.length; i++) {
    const g = lg[i], at = g <= maxG ? base[g] : -1;
    if (at < 0 || from[i] > t1) continue;
    // add, inlined: this loop runs once per state of every goroutine.
    const a = Math.max(0, Math.min(last, Math.round((from[i] - t0) * k)));
    const b = Math.min(w.n, Math.max(a + 1, Math.round((to[i] - t0) * k)));
    d[at + a * N + codes[i]]++;
    d[at + b * N + codes[i]]--;
  }
  // What goroutines are doing now lasts to the end of the run.
  const end = Math.max(l.end, 1);
  for (let g = 0; g <= maxG && g < log.now.length; g++) {
    const code = log.now[g], from = log.since[g];
    if (base[g] >= 0 && code >= 0 && from <= w.t1) add(g, code, from, Math.max(end, from));
  }
  return d;
}

// sumUp turns a difference array over n slots into counts before each
// slot, in place (at most lanes * n: an Int32 holds it), in one pass in
// memory order: a first frame sums every collapsed group's SLOTS slots.
function sumUp(d: Int32Array, n: number): void {
  const count = new Int32Array(N), before = new Int32Array(N);
  for (let s = 0; s <= n; s++) {
    for (let f = 0, at = s * N; f < N; f++, at++) {
      const c = s < n ? count[f] + d[at] : 0;
      count[f] = c;
      d[at] = before[f];
      before[f] += c;
    }
  }
}

/** columnFamilies lists, for cols pixel columns across [t0, t1], the index
 * in FAMILY_ORDER of what the group's lanes are doing, -1 for nothing. */
export function columnFamilies(l: Layout, row: GroupRow, t0: number, t1: number, cols: number, live = false): Int8Array {
  if (!live && zoomedIn(l, t0, t1, cols)) return zoomedFamilies(groupIndex(l, row), t0, t1, cols);
  const w = windowFor(l, t0, t1, cols);
  countGroups(l, [{ ...row, collapsed: true }], w);
  const c = cache.get(l)!.get(row.key)!;
  const out = new Int8Array(cols);
  const sum = new Int32Array(N);
  const colT = (t1 - t0) / cols, slotT = (w.t1 - w.t0) / w.n;
  for (let col = 0; col < cols; col++) {
    // The slots that lie mostly within the column.
    const ta = t0 + col * colT;
    const s0 = Math.min(w.n, Math.max(0, Math.round((ta - w.t0) / slotT)));
    const s1 = Math.min(w.n, Math.max(s0 + 1, Math.round((ta + colT - w.t0) / slotT)));
    for (let f = 0; f < N; f++) sum[f] = c.cum[s1 * N + f] - c.cum[s0 * N + f];
    out[col] = pick(sum);
  }
  return out;
}

// pick is stuck when any lane is, else the largest count, -1 for none.
function pick(sum: Int32Array): number {
  if (sum[STUCK] > 0) return STUCK;
  let best = -1, max = 0;
  for (let f = 0; f < N; f++) {
    if (sum[f] > max) {
      max = sum[f];
      best = f;
    }
  }
  return best;
}
