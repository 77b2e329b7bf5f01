// LaneState is one goroutine's lane, worked out lazily: the layout hands
// it the events that change the goroutine's state, and it turns them into
// spans and pool tasks only when someone reads them. A first frame of a
// long trace then pays only for the lanes it shows.

import type { TraceEvent } from "../trace";
import { isClockReason } from "./families";
import type { LaneLog } from "./lanelog";
import { ended, type Arrow, type Lane, type Mark, type Span, type State, type TaskSpan } from "./model";

/** RunState is what lanes share with their layout: the run's latest event
 * time, where open spans end, and the log of queued lane events. */
export interface RunState {
  end: number;
  readonly log: LaneLog;
}

// NONE stands for the marks, spans or tasks of a lane that has none (yet),
// so that a lane allocates its lists only once it fills them: a long trace
// has many lanes that no frame shows.
const NONE = Object.freeze([]) as unknown as never[];

/** LaneState is a Lane whose spans and tasks settle on first read. */
export class LaneState implements Lane {
  name = "";
  group = "";
  parent = 0;
  line = 0;
  readonly links: Arrow[] = [];
  /** head and tail are the global log indices of the lane's first and
   * last queued events, -1 when none are queued. */
  head = -1;
  tail = -1;
  private markList: Mark[] = NONE;
  private spanList: Span[] = NONE;
  private taskList: TaskSpan[] = NONE;
  private task: TaskSpan | null = null;
  private stuck = false;

  constructor(readonly g: number, readonly created: number, private run: RunState) {}

  /** marks are the lane's marks, in time order. */
  get marks(): Mark[] {
    return this.markList;
  }

  /** addMark appends a mark made on the lane. */
  addMark(m: Mark): void {
    if (this.markList === NONE) this.markList = [];
    this.markList.push(m);
  }

  /** spans are the lane's states over time. The last one lasts to the
   * run's end, unless the goroutine ended: then it is the instant of its
   * end (done, failed or cancelled), and the lane stops there. */
  get spans(): Span[] {
    this.settle();
    return this.spanList;
  }

  /** tasks are the pool tasks the goroutine ran, in order. */
  get tasks(): TaskSpan[] {
    this.settle();
    return this.taskList;
  }

  // settle applies the queued events and stretches what is still open to
  // the run's end.
  private settle(): void {
    if (this.head >= 0) {
      if (this.spanList === NONE) this.spanList = [];
      for (const e of this.run.log.chain(this.head)) this.apply(e);
      this.head = this.tail = -1;
    }
    const last = this.spanList[this.spanList.length - 1];
    if (last && !ended(last)) last.end = this.run.end;
    if (this.task) this.task.end = this.run.end;
  }

  private apply(e: TraceEvent): void {
    switch (e.k) {
      case "spawn": this.enter(e.t, "runnable", "", "", e.line ?? 0); break;
      case "start": case "run": this.enter(e.t, "running", "", "", 0); break;
      case "preempt": case "unblock": this.enter(e.t, "runnable", "", "", 0); break;
      case "block": this.enter(e.t, isClockReason(e.reason ?? "") ? "sleeping" : "blocked", e.reason ?? "", e.obj ?? "", e.line ?? 0); break;
      case "end": this.onEnd(e); break;
      case "stuck": this.onStuck(e); break;
      case "task": this.onTask(e); break;
      case "taskend": this.onTaskEnd(e); break;
      default: break;
    }
  }

  private onEnd(e: TraceEvent): void {
    const state: State = e.status === "error" ? "failed" : e.status === "cancelled" ? "cancelled" : "done";
    if (this.stuck) return;
    this.enter(e.t, state, "", "", e.line ?? 0);
    this.spanList[this.spanList.length - 1].err = e.err ?? "";
  }

  // onStuck marks the wait the goroutine never leaves: its open blocked or
  // sleeping span becomes stuck from the moment it blocked.
  private onStuck(e: TraceEvent): void {
    if (this.stuck) return;
    const cur = this.spanList[this.spanList.length - 1];
    if (cur && (cur.state === "blocked" || cur.state === "sleeping")) {
      cur.state = "stuck";
      cur.reason = e.reason ?? cur.reason;
      cur.obj = e.obj ?? cur.obj;
      cur.line = e.line ?? cur.line;
    } else {
      this.enter(e.t, "stuck", e.reason ?? "", e.obj ?? "", e.line ?? 0);
    }
    this.stuck = true;
  }

  private onTask(e: TraceEvent): void {
    this.task = { start: e.t, end: e.t, name: e.name ?? "", pool: e.obj ?? "", status: "", open: true };
    if (this.taskList === NONE) this.taskList = [];
    this.taskList.push(this.task);
  }

  private onTaskEnd(e: TraceEvent): void {
    const task = this.task;
    if (!task) return;
    task.end = e.t;
    task.status = e.status ?? "ok";
    task.open = false;
    this.task = null;
  }

  // enter closes the current span at t and opens one in state. A stuck
  // goroutine stays stuck to the end of the run; an empty span is dropped.
  // A running span takes the line of the block that ends it.
  private enter(t: number, state: State, reason: string, obj: string, line: number): void {
    if (this.stuck) return;
    const spans = this.spanList;
    const cur = spans[spans.length - 1];
    if (cur) {
      cur.end = t;
      if (cur.state === "running" && line) cur.line = line;
      if (cur.start === t) spans.pop();
    }
    if (!line && state === "running") line = this.line;
    spans.push({ start: t, end: t, state, reason, obj, line, err: "" });
  }
}

