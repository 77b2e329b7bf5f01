// Collapsed groups' state logs with running counts per family, built once
// per layout version in one pass over the log, so that a zoomed-in frame
// finds a column's counts by searching rather than by walking the whole
// log (groupzoom.ts).
//
// The log is sorted by end, and every stretch of a goroutine but its
// first starts where the one before it ended: so the ends, each with the
// family of the stretch that starts there, give the starts sorted too.
// Only the first stretches need sorting, and lanes mostly come in that
// order already. The stretches going on now (statelog.ts) last to the
// end of the run.

import type { Layout } from "./layout";
import type { GroupRow, Lane } from "./model";

/** N is the number of families counted (groupstates.ts's FAMILY_ORDER). */
export const N = 5;

/** Codes are families (-1 for none) with the count of each family before
 * every BLOCK-th: block[b * N + f] counts family f among the first
 * b * BLOCK. */
export interface Codes {
  code: Int8Array;
  block: Int32Array;
}

/** Sorted is a list of n sorted times and their families. */
export interface Sorted extends Codes {
  n: number;
  t: Float64Array;
}

const SHIFT = 4, BLOCK = 1 << SHIFT;

/** countsAt sets out[f] to the count of family f among the first i of s. */
export function countsAt(s: Codes, i: number, out: Int32Array): void {
  const b = i >> SHIFT, code = s.code, block = s.block;
  for (let f = 0; f < N; f++) out[f] = block[b * N + f];
  for (let j = b << SHIFT; j < i; j++) if (code[j] >= 0) out[code[j]]++;
}

/** GroupIndex is a group's stretches by their ends, and the starts of
 * its goroutines' first stretches. */
export interface GroupIndex {
  version: number;
  lanes: number;
  firsts: Sorted;
  /** The ends, finished stretches first (finished of them), then those
   * going on now; with each stretch's start, and the family of the
   * stretch that starts at its end (next). */
  to: Sorted & { finished: number; start: Float64Array; next: Codes };
}

const cache = new WeakMap<Layout, Map<string, GroupIndex>>();

const fresh = (ix: GroupIndex | undefined, l: Layout, row: GroupRow): ix is GroupIndex =>
  !!ix && ix.version === l.version && ix.lanes === row.lanes.length;

/** groupIndex returns the group's index for the layout as it is now. */
export function groupIndex(l: Layout, row: GroupRow): GroupIndex {
  const known = cache.get(l)?.get(row.key);
  if (fresh(known, l, row)) return known;
  indexGroups(l, [{ ...row, collapsed: true }]);
  return cache.get(l)!.get(row.key)!;
}

/** indexGroups indexes the collapsed groups among rows whose index is not
 * up to date, in one pass over the state log. */
export function indexGroups(l: Layout, rows: readonly GroupRow[]): void {
  let byKey = cache.get(l);
  if (!byKey) cache.set(l, (byKey = new Map()));
  const known = byKey;
  const stale = rows.filter((r) => r.collapsed && !fresh(known.get(r.key), l, r));
  if (stale.length === 0) return;
  const log = l.states;
  let maxG = 0;
  for (const r of stale) for (const lane of r.lanes) maxG = Math.max(maxG, lane.g);
  const of = new Int32Array(maxG + 1).fill(-1);
  stale.forEach((r, i) => { for (const lane of r.lanes) of[lane.g] = i; });
  const sizes = new Int32Array(stale.length), lg = log.g, n = log.length;
  for (let i = 0; i < n; i++) {
    const g = lg[i];
    if (g <= maxG && of[g] >= 0) sizes[of[g]]++;
  }
  const lanes = stale.map((r, i) => r.lanes.filter((lane) => of[lane.g] === i)); // a lane counts in one group
  for (const ls of lanes) for (const lane of ls) if (lane.g < log.now.length && log.now[lane.g] >= 0) sizes[of[lane.g]]++;
  const builders = stale.map((_, i) => new Builder(sizes[i]));
  // first[g] and last[g] are where g's first and latest stretches so far
  // are in its group's ends.
  const first = new Int32Array(maxG + 1).fill(-1), last = new Int32Array(maxG + 1).fill(-1);
  const from = log.from, to = log.to, code = log.code;
  for (let i = 0; i < n; i++) {
    const g = lg[i];
    if (g <= maxG && of[g] >= 0) builders[of[g]].add(from[i], to[i], code[i], g, first, last);
  }
  stale.forEach((r, i) => {
    builders[i].finish(l, lanes[i], first, last);
    known.set(r.key, { version: l.version, lanes: r.lanes.length, ...builders[i].done() });
  });
}

// Builder collects one group's stretches in the order they ended.
class Builder {
  private readonly to: GroupIndex["to"];
  /** next[j] is the family of the stretch after the j-th to end, -1 for
   * none: it starts when that one ends. */
  private readonly next: Int8Array;
  /** The first stretch of each goroutine: start and family. */
  private readonly firstT: number[] = [];
  private readonly firstCode: number[] = [];

  constructor(size: number) {
    this.next = new Int8Array(size).fill(-1);
    this.to = { n: 0, t: new Float64Array(size), code: new Int8Array(size), block: new Int32Array(0), finished: 0,
      start: new Float64Array(size), next: { code: this.next, block: new Int32Array(0) } };
  }

  /** add adds a stretch of goroutine g. */
  add(from: number, to: number, code: number, g: number, first: Int32Array, last: Int32Array): void {
    const s = this.to, j = s.n++;
    if (last[g] >= 0) this.next[last[g]] = code;
    else first[g] = j;
    last[g] = j;
    s.t[j] = to;
    s.start[j] = from;
    s.code[j] = code;
  }

  /** finish adds the stretches going on now, after the finished ones, and
   * lists the first stretches in the order of the lanes. */
  finish(l: Layout, lanes: readonly Lane[], first: Int32Array, last: Int32Array): void {
    const log = l.states, end = Math.max(l.end, 1), to = this.to;
    to.finished = to.n;
    for (const lane of lanes) {
      const g = lane.g, now = g < log.now.length ? log.now[g] : -1;
      if (now >= 0) this.add(log.since[g], Math.max(end, log.since[g]), now, g, first, last);
    }
    for (const lane of lanes) {
      const j = first[lane.g];
      if (j < 0) continue;
      this.firstT.push(to.start[j]);
      this.firstCode.push(to.code[j]);
    }
  }

  /** done works out the running counts. */
  done(): Pick<GroupIndex, "firsts" | "to"> {
    const to = this.to, [t, families] = sortedFirsts(this.firstT, this.firstCode), code = Int8Array.from(families);
    to.block = blocks(to.code, to.n);
    to.next.block = blocks(this.next, to.n);
    return { to, firsts: { n: t.length, t: Float64Array.from(t), code, block: blocks(code, t.length) } };
  }
}

// blocks counts each family before every BLOCK-th of n codes.
function blocks(code: Int8Array, n: number): Int32Array {
  const out = new Int32Array(((n >> SHIFT) + 1) * N), run = new Int32Array(N);
  for (let i = 0; i <= n; i++) {
    if ((i & (BLOCK - 1)) === 0) out.set(run, (i >> SHIFT) * N);
    if (i < n && code[i] >= 0) run[code[i]]++;
  }
  return out;
}

// sortedFirsts sorts first stretches by start. Lanes come in the order
// goroutines appeared, which is mostly the order of their first states:
// they are sorted only when they are not.
function sortedFirsts(t: number[], code: number[]): [number[], number[]] {
  for (let i = 1; i < t.length; i++) {
    if (t[i] < t[i - 1]) {
      const order = t.map((_, j) => j).sort((a, b) => t[a] - t[b]);
      return [order.map((j) => t[j]), order.map((j) => code[j])];
    }
  }
  return [t, code];
}
