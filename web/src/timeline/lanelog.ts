// LaneLog keeps the events that lanes have yet to work out, without an
// array (or any allocation) per event: it holds on to the batches as they
// were appended, and chains each lane's events through one Int32Array per
// batch. Events are named by their global index over all batches.

import type { TraceEvent } from "../trace";

/** LaneLog is the shared queue of lane events, in trace order. */
export class LaneLog {
  private batches: (readonly TraceEvent[])[] = [];
  // bases[b] is the global index of batch b's first event; nexts[b][i] is
  // one past the global index of the next event of the same lane after
  // event i of batch b, 0 for none.
  private bases: number[] = [];
  private nexts: Int32Array[] = [];
  private size = 0;

  /** add takes a batch and returns the global index of its first event
   * and its chain array, for queue-ing in a tight loop. */
  add(batch: readonly TraceEvent[]): { base: number; next: Int32Array } {
    const base = this.size, next = new Int32Array(batch.length);
    this.batches.push(batch);
    this.bases.push(base);
    this.nexts.push(next);
    this.size += batch.length;
    return { base, next };
  }

  /** link chains event to after event from, both global indices. */
  link(from: number, to: number): void {
    const b = this.batchOf(from);
    this.nexts[b][from - this.bases[b]] = to + 1;
  }

  /** chain lists the events chained from global index head, in order. */
  chain(head: number): TraceEvent[] {
    const out: TraceEvent[] = [];
    let b = this.batchOf(head);
    for (let j = head; j >= 0;) {
      while (b + 1 < this.bases.length && this.bases[b + 1] <= j) b++;
      const i = j - this.bases[b];
      out.push(this.batches[b][i]);
      j = this.nexts[b][i] - 1;
    }
    return out;
  }

  // batchOf finds the batch that holds global index j.
  private batchOf(j: number): number {
    let lo = 0, hi = this.bases.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.bases[mid] <= j) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
