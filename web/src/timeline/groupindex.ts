// A collapsed group's state log sorted two ways, built once per layout
// version, so that a zoomed-in frame finds a column's counts by searching
// rather than by walking the whole log (groupzoom.ts).
//
// Every stretch of a goroutine starts where the one before it ended, so
// the starts come sorted for free: the log is sorted by end, and each
// stretch's end is where the goroutine's next one starts. Only the first
// stretch of each goroutine needs sorting. The stretches going on now
// (statelog.ts) last to the end of the run.

import type { Layout } from "./layout";
import type { GroupRow } from "./model";

/** N is the number of families counted (groupstates.ts's FAMILY_ORDER). */
export const N = 5;

/** Sorted is a list of times with a running count per family:
 * cum[i * N + f] counts family f among the first i times. */
export interface Sorted {
  n: number;
  t: Float64Array;
  cum: Int32Array;
}

/** GroupIndex is a group's stretches as starts (from) and ends (to). */
export interface GroupIndex {
  version: number;
  lanes: number;
  from: Sorted;
  /** The ends, finished stretches first (finished of them), then those
   * going on now; with each stretch's start and family. */
  to: Sorted & { finished: number; start: Float64Array; code: Int8Array };
}

const cache = new WeakMap<Layout, Map<string, GroupIndex>>();

/** groupIndex returns the group's index for the layout as it is now. */
export function groupIndex(l: Layout, row: GroupRow): GroupIndex {
  let byKey = cache.get(l);
  if (!byKey) cache.set(l, (byKey = new Map()));
  const known = byKey.get(row.key);
  if (known && known.version === l.version && known.lanes === row.lanes.length) return known;
  const ix = build(l, row);
  byKey.set(row.key, ix);
  return ix;
}

function build(l: Layout, row: GroupRow): GroupIndex {
  const log = l.states;
  let maxG = 0;
  for (const lane of row.lanes) maxG = Math.max(maxG, lane.g);
  // next[g] is the family of the stretch after the one being read (reading
  // backwards), first[g] the earliest of g's finished stretches.
  const member = new Uint8Array(maxG + 1), next = new Int8Array(maxG + 1).fill(-1);
  const first = new Int32Array(maxG + 1).fill(-1), after = new Int8Array(log.length);
  for (const lane of row.lanes) {
    member[lane.g] = 1;
    if (lane.g < log.now.length) next[lane.g] = log.now[lane.g];
  }
  let finished = 0;
  for (let i = log.length - 1; i >= 0; i--) {
    const g = log.g[i];
    if (g > maxG || !member[g]) continue;
    after[i] = next[g];
    next[g] = log.code[i];
    first[g] = i;
    finished++;
  }
  const starts = firstStarts(l, row, first);
  const total = finished + starts.going;
  const to = { ...sorted(total), finished, start: new Float64Array(total), code: new Int8Array(total) };
  const from = sorted(total);
  let j = 0, s = 0;
  const addFrom = (t: number, code: number) => push(from, t, code);
  for (let i = 0; i < log.length; i++) {
    const g = log.g[i];
    if (g > maxG || !member[g]) continue;
    // The first stretches that start before this one's successor do.
    for (; s < starts.n && starts.t[s] <= log.to[i]; s++) addFrom(starts.t[s], starts.code[s]);
    if (after[i] >= 0) addFrom(log.to[i], after[i]);
    to.start[j] = log.from[i];
    to.code[j++] = log.code[i];
    push(to, log.to[i], log.code[i]);
  }
  for (; s < starts.n; s++) addFrom(starts.t[s], starts.code[s]);
  const end = Math.max(l.end, 1);
  for (const lane of row.lanes) {
    const g = lane.g, code = g < log.now.length ? log.now[g] : -1;
    if (code < 0) continue;
    to.start[j] = log.since[g];
    to.code[j++] = code;
    push(to, Math.max(end, log.since[g]), code);
  }
  return { version: l.version, lanes: row.lanes.length, from, to };
}

// firstStarts lists, sorted, the start and family of each goroutine's
// first stretch, and counts the stretches going on now.
function firstStarts(l: Layout, row: GroupRow, first: Int32Array) {
  const log = l.states, t: number[] = [], code: number[] = [];
  let going = 0;
  for (const lane of row.lanes) {
    const g = lane.g, now = g < log.now.length ? log.now[g] : -1;
    if (now >= 0) going++;
    if (first[g] >= 0) {
      t.push(log.from[first[g]]);
      code.push(log.code[first[g]]);
    } else if (now >= 0) {
      t.push(log.since[g]);
      code.push(now);
    }
  }
  const order = t.map((_, i) => i).sort((a, b) => t[a] - t[b]);
  return { n: t.length, t: Float64Array.from(order, (i) => t[i]), code: Int8Array.from(order, (i) => code[i]), going };
}

function sorted(n: number): Sorted {
  return { n: 0, t: new Float64Array(n), cum: new Int32Array((n + 1) * N) };
}

function push(s: Sorted, t: number, code: number): void {
  const i = s.n++, cum = s.cum;
  s.t[i] = t;
  for (let f = i * N; f < (i + 1) * N; f++) cum[f + N] = cum[f];
  cum[(i + 1) * N + code]++;
}
