// A collapsed group's columns when zoomed in closer than the whole-run
// counts go (groupstates.ts): one slot per pixel column of the view, with
// exactly the counts a walk over the state log would give, found instead
// by searching the group's index (groupindex.ts), so that a frame costs
// about a few searches per column whatever the size of the log.
//
// The walk counts a stretch in columns a to b-1, where a is the column
// its start rounds to and b the one its end rounds to, at least a + 1
// (clamped to the view). So a column c counts the stretches that start by
// c and end after it: starts rounding to c or before, less ends rounding
// to c or before, plus the short stretches that start and end within c,
// which the ends take back though the walk counts them. Those are at most
// as many as the ends in c, so a column is only looked at closer when the
// short stretches could change what it shows.

import { N, countsAt, type GroupIndex } from "./groupindex";
import { STUCK } from "./statelog";

const AMBIGUOUS = -2;

/** zoomedFamilies lists, for cols pixel columns across [t0, t1], the index
 * in FAMILY_ORDER of what the group's lanes are doing, -1 for nothing. */
export function zoomedFamilies(ix: GroupIndex, t0: number, t1: number, cols: number): Int8Array {
  const out = new Int8Array(cols), z = new Columns(ix, t0, t1, cols);
  const { firsts, to } = ix;
  let a = 0, e = 0, same = UNKNOWN;
  for (let c = 0; c < cols; c++) {
    // a1 first stretches start, and e1 stretches end, in c or before.
    const a1 = c === z.last ? firsts.n : upTo(firsts.t, firsts.n, a, c, t0, z.k);
    const e1 = upTo(to.t, to.n, e, c, t0, z.k);
    if (a1 === a && e1 === e && c > 1 && c < z.last) {
      // Nothing starts or ends here: the same lanes as in the column before.
      if (same === UNKNOWN) same = decide(z.long, z.long);
      out[c] = same;
      continue;
    }
    out[c] = z.column(c, a1, e, e1);
    same = UNKNOWN;
    a = a1;
    e = e1;
  }
  return out;
}

const UNKNOWN = -3;

// Columns works out one column at a time, from counts per family of the
// starts and ends up to the column before (a0, e0) and to this one (a1, e1).
// The stretches that start in a column are the first stretches that do,
// and those that follow one that ends there (the ends' next).
class Columns {
  readonly k: number;
  readonly last: number;
  // The walk leaves out what ended before t0 (it would count in column 0)
  // and what starts after t1 (in the last column).
  private readonly early = new Int32Array(N);
  private readonly late = new Int32Array(N);
  /** long counts the stretches over the column last worked out, less
   * those that start and end within it. */
  readonly long = new Int32Array(N);
  private readonly lo = new Int32Array(N);
  private readonly hi = new Int32Array(N);
  private readonly a0 = new Int32Array(N);
  private readonly e0 = new Int32Array(N);
  private readonly a1 = new Int32Array(N);
  private readonly e1 = new Int32Array(N);

  constructor(private readonly ix: GroupIndex, private readonly t0: number, t1: number, cols: number) {
    this.k = cols / (t1 - t0);
    this.last = cols - 1;
    const { firsts, to } = ix;
    countsAt(to, countBelow(to.t, to.finished, t0), this.early);
    this.starts(firsts.n, to.n, this.late);
    this.starts(countAtMost(firsts.t, firsts.n, t1), countAtMost(to.t, to.n, t1), this.lo);
    for (let f = 0; f < N; f++) this.late[f] -= this.lo[f];
  }

  // starts counts into out the first a stretches and those after the first e ends.
  private starts(a: number, e: number, out: Int32Array): void {
    countsAt(this.ix.firsts, a, out);
    countsAt(this.ix.to.next, e, this.hi);
    for (let f = 0; f < N; f++) out[f] += this.hi[f];
  }

  /** column works out column c, up to which a1 first stretches start and
   * e1 stretches end, e of them up to the column before. */
  column(c: number, a1: number, e: number, e1: number): number {
    const { lo, hi, long, last, a0, e0 } = this, A = this.a1, E = this.e1;
    this.starts(a1, c === last ? this.ix.to.n : e1, A);
    countsAt(this.ix.to, e1, E);
    for (let f = 0; f < N; f++) {
      let x = A[f] - (c === 0 ? this.early[f] : E[f]);
      if (c === last) x -= this.late[f];
      long[f] = lo[f] = hi[f] = x;
      if (c > 0) hi[f] += c < last ? Math.min(E[f] - e0[f], A[f] - a0[f]) : E[f] - e0[f];
    }
    a0.set(A);
    e0.set(E);
    const fam = decide(lo, hi);
    if (fam !== AMBIGUOUS) return fam;
    addShort(this.ix.to, e, e1, c, this.t0, this.k, lo);
    return decide(lo, lo);
  }
}

// decide is stuck when any lane surely is, else the family with the most
// lanes (the first of equals), -1 for none: given that each family counts
// from lo to hi, or AMBIGUOUS when these bounds leave it open.
function decide(lo: Int32Array, hi: Int32Array): number {
  if (lo[STUCK] > 0) return STUCK;
  if (hi[STUCK] > 0) return AMBIGUOUS;
  let best = -1, max = 0;
  for (let f = 0; f < N; f++) {
    if (lo[f] > max) {
      max = lo[f];
      best = f;
    }
  }
  for (let f = 0; f < N; f++) {
    if (f !== best && (hi[f] > max || (hi[f] === max && f < best))) return AMBIGUOUS;
  }
  return best;
}

// addShort counts into lo the stretches among ends [e, e1) (those ending
// in column c) that also start in it.
function addShort(to: GroupIndex["to"], e: number, e1: number, c: number, t0: number, k: number, lo: Int32Array): void {
  for (let j = e; j < e1; j++) if (Math.round((to.start[j] - t0) * k) === c) lo[to.code[j]]++;
}

// upTo returns the first index from i on whose time rounds past column c,
// searching forwards in growing steps (times before i round to c or less).
function upTo(t: Float64Array, n: number, i: number, c: number, t0: number, k: number): number {
  let lo = i - 1, step = 1, hi = i;
  while (hi < n && Math.round((t[hi] - t0) * k) <= c) {
    lo = hi;
    hi += step;
    step *= 2;
  }
  hi = Math.min(hi, n);
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (Math.round((t[mid] - t0) * k) <= c) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** countBelow is how many of n sorted times are below x. */
export function countBelow(t: Float64Array, n: number, x: number): number {
  let lo = 0, hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (t[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// countAtMost is how many of n sorted times are at most x.
function countAtMost(t: Float64Array, n: number, x: number): number {
  let lo = 0, hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (t[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
