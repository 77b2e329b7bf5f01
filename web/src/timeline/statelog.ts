// StateLog records what state each goroutine was in and when, as the
// layout reads the events: every finished stretch as four numbers
// (goroutine, family code, from, to) in typed arrays, in the order the
// stretches ended, plus the stretch each goroutine is in now. Counting a
// collapsed group's states then walks plain numbers, instead of trace
// events of many shapes or every lane's spans.

/** Codes of the log: the families, in groupstates.ts's order, and END. */
export const RUNNING = 0, RUNNABLE = 1, CLOCK = 2, BLOCKED = 3, STUCK = 4, END = 5;

/** StateLog is the growable log. */
export class StateLog {
  /** The finished stretches: length of them, sorted by their end. */
  length = 0;
  g = new Int32Array(1024);
  code = new Int8Array(1024);
  from = new Float64Array(1024);
  to = new Float64Array(1024);
  /** Per goroutine: the state it is in (-1 for none), since when, and
   * whether it is over (ended, or stuck for good). */
  now = new Int8Array(64).fill(-1);
  since = new Float64Array(64);
  private over = new Uint8Array(64);

  /** enter records that goroutine g entered state code at time t. A
   * goroutine found stuck stays stuck from when it began its wait. */
  enter(g: number, t: number, code: number): void {
    if (g >= this.now.length) this.growG(g);
    if (this.over[g]) return;
    const cur = this.now[g];
    if (code === STUCK && (cur === CLOCK || cur === BLOCKED)) {
      this.now[g] = STUCK;
      this.over[g] = 1;
      return;
    }
    if (code === cur) return;
    if (cur >= 0 && t > this.since[g]) this.finish(g, cur, this.since[g], t);
    this.now[g] = code === END ? -1 : code;
    this.since[g] = t;
    if (code === END || code === STUCK) this.over[g] = 1;
  }

  /** reserve makes room for n more stretches at once (a batch of n events
   * finishes at most n), so that a large first batch does not grow the
   * log in many steps, each zero-filling and copying four arrays. */
  reserve(n: number): void {
    if (this.length + n > this.g.length) this.grow(this.length + n);
  }

  private finish(g: number, code: number, from: number, to: number): void {
    if (this.length === this.g.length) this.grow(0);
    const i = this.length++;
    this.g[i] = g;
    this.code[i] = code;
    this.from[i] = from;
    this.to[i] = to;
  }

  private grow(atLeast: number): void {
    const n = Math.max(this.g.length * 2, atLeast);
    this.g = copy(this.g, new Int32Array(n));
    this.code = copy(this.code, new Int8Array(n));
    this.from = copy(this.from, new Float64Array(n));
    this.to = copy(this.to, new Float64Array(n));
  }

  private growG(g: number): void {
    let n = this.now.length * 2;
    while (n <= g) n *= 2;
    this.now = copy(this.now, new Int8Array(n).fill(-1));
    this.since = copy(this.since, new Float64Array(n));
    this.over = copy(this.over, new Uint8Array(n));
  }
}

function copy<T extends Int32Array | Int8Array | Uint8Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
