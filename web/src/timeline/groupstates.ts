// What a collapsed group's lanes are doing over time, one family per pixel
// column: the family most of its lanes are in, or stuck whenever one is.
// Counting goes by difference arrays (each state adds one at its first
// slot and takes it back after its last), so it costs one step per state
// and per slot. When a pixel column spans at least one slot of the run,
// the counts come from slots over the whole run, counted once per layout
// version in one pass over the layout's state log for all groups in view,
// without working out their lanes' spans (a first frame of 10,000
// goroutines in a few groups would pay for every span otherwise); zoomed
// in closer, the spans in view are counted per column.

import { familyOf, type Family } from "./families";
import type { Layout } from "./layout";
import type { GroupRow, Lane } from "./model";
import { visibleSpans } from "./query";
import { BLOCKED, CLOCK, END, RUNNABLE, RUNNING, STUCK } from "./statelog";

/** FAMILY_ORDER indexes the families in counts (statelog.ts's codes). */
export const FAMILY_ORDER: readonly Family[] = ["running", "runnable", "clock", "blocked", "stuck"];
const N = FAMILY_ORDER.length;
const INDEX: Readonly<Record<Family, number>> = { running: RUNNING, runnable: RUNNABLE, clock: CLOCK, blocked: BLOCKED, stuck: STUCK };

/** SLOTS is how many slots the run is cut into for a group's counts. */
export const SLOTS = 8192;

/** spanCounts returns, for n slots across [t0, t1], how many spans of
 * each family of lanes overlap each slot (n * N numbers). */
export function spanCounts(lanes: readonly Lane[], t0: number, t1: number, n: number): Int32Array {
  const d = new Int32Array((n + 1) * N);
  const k = n / (t1 - t0);
  for (const lane of lanes) {
    const list = lane.spans;
    const [first, last] = visibleSpans(list, t0, t1);
    for (let i = first; i < last; i++) {
      const family = familyOf(list[i]);
      if (family) add(d, INDEX[family], (list[i].start - t0) * k, (list[i].end - t0) * k, n);
    }
  }
  for (let i = N; i < n * N; i++) d[i] += d[i - N];
  return d;
}

// add counts family f over slots [s0, s1) of n in difference array d; a
// state shorter than a slot counts in the one it starts in.
function add(d: Int32Array, f: number, s0: number, s1: number, n: number): void {
  const a = Math.max(0, Math.floor(s0));
  if (a >= n) return;
  const b = Math.min(n, Math.max(a + 1, Math.ceil(s1)));
  d[a * N + f]++;
  d[b * N + f]--;
}

// Counted are a group's counts over the run, summed up slot after slot:
// cum[b * N + f] counts family f over slots before b, so a column's
// counts are one subtraction whatever the slots it spans.
interface Counted {
  version: number;
  lanes: number;
  end: number;
  cum: Int32Array;
}

const cache = new WeakMap<Layout, Map<string, Counted>>();

function counted(l: Layout): Map<string, Counted> {
  let byKey = cache.get(l);
  if (!byKey) cache.set(l, (byKey = new Map()));
  return byKey;
}

const fresh = (c: Counted | undefined, l: Layout, row: GroupRow) => !!c && c.version === l.version && c.lanes === row.lanes.length;

/** countGroups counts, over the whole run, the states of the lanes of the
 * collapsed groups among rows whose counts are not up to date, in one
 * pass over the trace's events. */
export function countGroups(l: Layout, rows: readonly GroupRow[]): void {
  const byKey = counted(l);
  const stale = rows.filter((r) => r.collapsed && !fresh(byKey.get(r.key), l, r));
  if (stale.length === 0) return;
  let maxG = 0;
  for (const r of stale) for (const lane of r.lanes) maxG = Math.max(maxG, lane.g);
  // base[g] is where g's group's counts start in d, -1 for none.
  const size = (SLOTS + 1) * N, base = new Int32Array(maxG + 1).fill(-1);
  stale.forEach((r, i) => { for (const lane of r.lanes) base[lane.g] = i * size; });
  const d = new Int32Array(stale.length * size);
  const end = Math.max(l.end, 1), k = SLOTS / end;
  const fam = new Int8Array(maxG + 1).fill(-1), since = new Float64Array(maxG + 1), over = new Uint8Array(maxG + 1);
  const log = l.states, n = log.length;
  // Each state is counted when it ends: at g's next state, or the run's end.
  for (let i = 0; i <= n + maxG; i++) {
    const g = i < n ? log.g[i] : i - n;
    if (g > maxG || base[g] < 0 || (i < n && over[g])) continue;
    const code = i < n ? log.code[i] : END, t = i < n ? log.t[i] : Math.max(end, since[g]);
    if (code === STUCK && (fam[g] === CLOCK || fam[g] === BLOCKED)) {
      fam[g] = STUCK; // stuck since it began the wait it never left
      over[g] = 1;
      continue;
    }
    if (code === fam[g]) continue;
    const f = fam[g];
    if (f >= 0) {
      const a = Math.min(SLOTS - 1, Math.floor(since[g] * k));
      const b = Math.min(SLOTS, Math.max(a + 1, Math.ceil(t * k)));
      d[base[g] + a * N + f]++;
      d[base[g] + b * N + f]--;
    }
    fam[g] = code === END ? -1 : code;
    since[g] = t;
    if (code === END || code === STUCK) over[g] = 1;
  }
  // In place, each group's differences become counts per slot, then the
  // counts before each slot (at most lanes * SLOTS: an Int32 holds it).
  stale.forEach((r, i) => {
    const o = i * size;
    for (let j = N; j < SLOTS * N; j++) d[o + j] += d[o + j - N];
    for (let f = 0; f < N; f++) {
      let before = 0;
      for (let slot = 0; slot <= SLOTS; slot++) {
        const j = o + slot * N + f, here = slot < SLOTS ? d[j] : 0;
        d[j] = before;
        before += here;
      }
    }
    byKey.set(r.key, { version: l.version, lanes: r.lanes.length, end, cum: d.subarray(o, o + size) });
  });
}

/** columnFamilies lists, for cols pixel columns across [t0, t1], the index
 * in FAMILY_ORDER of what the group's lanes are doing, -1 for nothing. */
export function columnFamilies(l: Layout, row: GroupRow, t0: number, t1: number, cols: number): Int8Array {
  const out = new Int8Array(cols).fill(-1);
  const sum = new Float64Array(N);
  const colT = (t1 - t0) / cols;
  let run: Counted | null = null;
  if (colT * SLOTS >= Math.max(l.end, 1)) {
    countGroups(l, [{ ...row, collapsed: true }]);
    run = counted(l).get(row.key) ?? null;
  }
  const exact = run ? null : spanCounts(row.lanes, t0, t1, cols);
  for (let col = 0; col < cols; col++) {
    if (exact) {
      for (let f = 0; f < N; f++) sum[f] = exact[col * N + f];
    } else if (run) {
      const slotT = run.end / SLOTS, ta = t0 + col * colT;
      // The slots that lie mostly within the column.
      const b0 = Math.min(SLOTS, Math.max(0, Math.round(ta / slotT)));
      const b1 = Math.min(SLOTS, Math.max(b0 + 1, Math.round((ta + colT) / slotT)));
      for (let f = 0; f < N; f++) sum[f] = run.cum[b1 * N + f] - run.cum[b0 * N + f];
    }
    out[col] = pick(sum);
  }
  return out;
}

// pick is stuck when any lane is, else the largest count, -1 for none.
function pick(sum: Float64Array): number {
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
