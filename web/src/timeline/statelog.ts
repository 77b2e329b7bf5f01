// StateLog records every state change of every goroutine as three numbers
// (goroutine, time, family code) in typed arrays, as the layout reads the
// events. Counting a collapsed group's states then walks plain numbers,
// instead of trace events of many shapes or every lane's spans.

/** Codes of the log: the families, in groupstates.ts's order, and END. */
export const RUNNING = 0, RUNNABLE = 1, CLOCK = 2, BLOCKED = 3, STUCK = 4, END = 5;

/** StateLog is the growable log. */
export class StateLog {
  length = 0;
  g = new Int32Array(1024);
  t = new Float64Array(1024);
  code = new Int8Array(1024);

  /** push records that goroutine g entered state code at time t. */
  push(g: number, t: number, code: number): void {
    if (this.length === this.g.length) this.grow();
    const i = this.length++;
    this.g[i] = g;
    this.t[i] = t;
    this.code[i] = code;
  }

  private grow(): void {
    const n = this.g.length * 2;
    const g = new Int32Array(n), t = new Float64Array(n), code = new Int8Array(n);
    g.set(this.g);
    t.set(this.t);
    code.set(this.code);
    this.g = g;
    this.t = t;
    this.code = code;
  }
}
