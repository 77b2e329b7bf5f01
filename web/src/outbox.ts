// The worker's outgoing batches. The engine hands a batch over while it
// runs, on the worker's one thread: posting it there and then (a
// structured clone of the message, the buffer's transfer, about 0.1 ms
// each in Chromium, and a wake-up of the page, which then decodes the
// batch on the other core) came in the middle of the run's work. A
// real-time run of 1,000 goroutines that each sleep posted six of its
// batches while starting them, and the run ends 100 ms after the last
// sleep begins. The outbox holds the batches until the engine gives the
// thread back to the event loop (a wait, a pause of a busy run, the run's
// end): a microtask runs only then. It holds maxHeld batches at most: a
// run that streams (a flood of output) still has the page decode its
// batches while it goes on, rather than only at its pauses. The worker's
// flow control still counts each batch when it is handed over, so a run
// that outruns the page waits, and its wait posts what it holds.

/** maxHeld is half of the worker's flow-control window, which worker.ts derives from it. */
export const maxHeld = 8;

export class Outbox<T> {
  private held: T[] = [];

  /** send posts each held item, in order, with post. */
  constructor(private readonly send: (item: T) => void) {}

  /** add holds item until the event loop runs, until flush, or until maxHeld are held. */
  add(item: T): void {
    this.held.push(item);
    if (this.held.length >= maxHeld) this.flush();
    else if (this.held.length === 1) queueMicrotask(() => this.flush());
  }

  /** flush posts what is held now: before a message that must follow it. */
  flush(): void {
    const items = this.held;
    if (items.length === 0) return;
    this.held = [];
    for (const item of items) this.send(item);
  }
}
