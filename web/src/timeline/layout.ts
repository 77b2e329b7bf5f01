// Layout turns trace events into lanes of spans, arrows and marks. It is
// pure (no DOM) and incremental: append() takes batches as a run streams
// them, so the timeline grows live.

import type { TraceEvent } from "../trace";
import type { Arrow, Lane, Mark, Row, Span, State, TaskSpan } from "./model";

/** Clock says whether times are virtual or wall-clock microseconds. */
export type Clock = "virtual" | "real";

// Track is the layout's private bookkeeping for one goroutine: who spawned
// it and when (until it starts), who woke it and when (until it runs).
interface Track {
  lane: Lane;
  spawnO: number;
  spawnT: number;
  wakeO: number;
  wakeT: number;
  wakeReason: string;
  stuck: boolean;
  task: TaskSpan | null;
}

/** Layout holds every lane, arrow and mark of one run. */
export class Layout {
  readonly clock: Clock;
  /** The run's end so far: the latest event time. */
  end = 0;
  /** Lanes in creation order. */
  readonly lanes: Lane[] = [];
  /** Arrows sorted by their target time. */
  readonly arrows: Arrow[] = [];
  readonly marks: Mark[] = [];
  /** Arrows counted by kind. */
  readonly arrowKinds: Record<Arrow["kind"], number> = { spawn: 0, wake: 0, chan: 0 };
  /** The longest an arrow spans in time, to bound visible-arrow queries. */
  maxArrow = 0;
  /** Counts changes, so views redraw only when something moved. */
  version = 0;
  events = 0;
  // tracks is indexed by goroutine id: ids are small and dense.
  private tracks: (Track | undefined)[] = [];
  private rowCache: Row[] | null = null;

  constructor(clock: Clock = "virtual") {
    this.clock = clock;
  }

  /** lane returns the lane of goroutine g, if it exists. */
  lane(g: number): Lane | undefined {
    return this.tracks[g]?.lane;
  }

  /** append adds a batch of events in trace order. */
  append(events: readonly TraceEvent[]): void {
    for (let i = 0; i < events.length; i++) this.apply(events[i]);
    this.events += events.length;
    for (const lane of this.lanes) {
      const last = lane.spans[lane.spans.length - 1];
      if (last) last.end = this.end;
      for (let i = lane.tasks.length - 1; i >= 0 && lane.tasks[i].open; i--) lane.tasks[i].end = this.end;
    }
    this.version++;
  }

  /** spanCount is the number of spans over all lanes. */
  spanCount(): number {
    let n = 0;
    for (const lane of this.lanes) n += lane.spans.length;
    return n;
  }

  /** rows lists group headings and lanes: ungrouped lanes (main first) and
   * then each group, in the order their first goroutine was created. */
  rows(): Row[] {
    if (this.rowCache) return this.rowCache;
    const groups = new Map<string, Lane[]>();
    for (const lane of this.lanes) {
      const list = groups.get(lane.group);
      if (list) list.push(lane);
      else groups.set(lane.group, [lane]);
    }
    const rows: Row[] = [];
    const ungrouped = groups.get("");
    if (ungrouped) for (const lane of ungrouped) rows.push({ kind: "lane", lane });
    for (const [name, list] of groups) {
      if (name === "") continue;
      rows.push({ kind: "group", name, count: list.length });
      for (const lane of list) rows.push({ kind: "lane", lane });
    }
    this.rowCache = rows;
    return rows;
  }

  private apply(e: TraceEvent): void {
    if (e.t > this.end) this.end = e.t;
    const tr = this.track(e);
    switch (e.k) {
      case "spawn": this.onSpawn(tr, e); break;
      case "start": case "run": this.onRun(tr, e); break;
      case "preempt": this.enter(tr, e.t, "runnable", "", "", 0); break;
      case "block": this.enter(tr, e.t, e.reason === "sleep" ? "sleeping" : "blocked", e.reason ?? "", e.obj ?? "", e.line ?? 0); break;
      case "unblock": this.onUnblock(tr, e); break;
      case "end": this.onEnd(tr, e); break;
      case "stuck": this.onStuck(tr, e); break;
      case "recv": this.onRecv(tr, e); break;
      case "task": this.onTask(tr, e); break;
      case "taskend": this.onTaskEnd(tr, e); break;
      case "mark": this.onMark(tr, e); break;
      case "name": tr.lane.name = e.name ?? ""; break;
      default: break; // await and submit add nothing beyond their block events
    }
  }

  // track finds or creates the goroutine's lane; events of a goroutine whose
  // spawn is missing (a truncated trace) still get one.
  private track(e: TraceEvent): Track {
    let tr = this.tracks[e.g];
    if (tr) return tr;
    const lane: Lane = {
      g: e.g, name: "", group: "", parent: 0, line: 0, created: e.t,
      spans: [], tasks: [], marks: [], links: [],
    };
    tr = { lane, spawnO: 0, spawnT: 0, wakeO: 0, wakeT: 0, wakeReason: "", stuck: false, task: null };
    this.tracks[e.g] = tr;
    this.lanes.push(lane);
    this.rowCache = null;
    return tr;
  }

  private onSpawn(tr: Track, e: TraceEvent): void {
    const lane = tr.lane;
    lane.name = e.name ?? lane.name;
    lane.group = e.group ?? "";
    lane.parent = e.o ?? 0;
    lane.line = e.line ?? 0;
    this.rowCache = null;
    tr.spawnO = e.o ?? 0;
    tr.spawnT = e.t;
    this.enter(tr, e.t, "runnable", "", "", e.line ?? 0);
  }

  private onRun(tr: Track, e: TraceEvent): void {
    if (tr.spawnO && e.k === "start") {
      this.arrow({ kind: "spawn", from: tr.spawnO, fromT: tr.spawnT, to: e.g, toT: e.t, detail: "" });
    }
    if (tr.wakeO) {
      this.arrow({ kind: "wake", from: tr.wakeO, fromT: tr.wakeT, to: e.g, toT: e.t, detail: tr.wakeReason });
    }
    tr.spawnO = tr.wakeO = 0;
    this.enter(tr, e.t, "running", "", "", 0);
  }

  private onUnblock(tr: Track, e: TraceEvent): void {
    if (e.o) {
      const cur = current(tr.lane);
      tr.wakeO = e.o;
      tr.wakeT = e.t;
      tr.wakeReason = cur ? cur.reason : "";
    }
    this.enter(tr, e.t, "runnable", "", "", 0);
  }

  private onEnd(tr: Track, e: TraceEvent): void {
    const state: State = e.status === "error" ? "failed" : e.status === "cancelled" ? "cancelled" : "done";
    this.enter(tr, e.t, state, "", "", e.line ?? 0);
    const cur = current(tr.lane);
    if (cur && !tr.stuck) cur.err = e.err ?? "";
  }

  // onStuck marks the wait the goroutine never leaves: its open blocked or
  // sleeping span becomes stuck from the moment it blocked.
  private onStuck(tr: Track, e: TraceEvent): void {
    const cur = current(tr.lane);
    if (cur && !tr.stuck && (cur.state === "blocked" || cur.state === "sleeping")) {
      cur.state = "stuck";
      cur.reason = e.reason ?? cur.reason;
      cur.obj = e.obj ?? cur.obj;
      cur.line = e.line ?? cur.line;
    } else {
      this.enter(tr, e.t, "stuck", e.reason ?? "", e.obj ?? "", e.line ?? 0);
    }
    tr.stuck = true;
  }

  // onRecv draws the channel handoff from the sender at send time. It
  // replaces the plain wake-up arrow of the same handoff, if one was made.
  private onRecv(tr: Track, e: TraceEvent): void {
    if (!e.o) return;
    if (tr.wakeO === e.o) tr.wakeO = 0;
    const links = tr.lane.links;
    for (let i = links.length - 1; i >= 0 && links[i].toT === e.t; i--) {
      const a = links[i];
      if (a.kind === "wake" && a.to === e.g && a.from === e.o) this.unlink(a);
    }
    this.arrow({ kind: "chan", from: e.o, fromT: e.from ?? 0, to: e.g, toT: e.t, detail: e.obj ?? "" });
  }

  private onTask(tr: Track, e: TraceEvent): void {
    const task: TaskSpan = { start: e.t, end: e.t, name: e.name ?? "", pool: e.obj ?? "", status: "", open: true };
    tr.lane.tasks.push(task);
    tr.task = task;
  }

  private onTaskEnd(tr: Track, e: TraceEvent): void {
    const task = tr.task;
    if (!task) return;
    task.end = e.t;
    task.status = e.status ?? "ok";
    task.open = false;
    tr.task = null;
  }

  private onMark(tr: Track, e: TraceEvent): void {
    const mark: Mark = { g: e.g, t: e.t, label: e.name ?? "", line: e.line ?? 0 };
    tr.lane.marks.push(mark);
    this.marks.push(mark);
  }

  private arrow(a: Arrow): void {
    this.arrows.push(a);
    this.arrowKinds[a.kind]++;
    const to = this.tracks[a.to], from = this.tracks[a.from];
    to?.lane.links.push(a);
    if (from && from !== to) from.lane.links.push(a);
    if (a.toT - a.fromT > this.maxArrow) this.maxArrow = a.toT - a.fromT;
  }

  // unlink removes an arrow made at the latest time.
  private unlink(a: Arrow): void {
    this.arrowKinds[a.kind]--;
    for (const list of [this.arrows, this.tracks[a.to]?.lane.links, this.tracks[a.from]?.lane.links]) {
      const i = list ? list.lastIndexOf(a) : -1;
      if (list && i >= 0) list.splice(i, 1);
    }
  }

  // enter closes the lane's current span at t and opens one in state. A
  // stuck goroutine stays stuck to the end of the run; an empty span is
  // dropped. A running span takes the line of the block that ends it.
  private enter(tr: Track, t: number, state: State, reason: string, obj: string, line: number): void {
    if (tr.stuck) return;
    const spans = tr.lane.spans;
    const cur = spans[spans.length - 1];
    if (cur) {
      cur.end = t;
      if (cur.state === "running" && line) cur.line = line;
      if (cur.start === t) spans.pop();
    }
    if (!line && state === "running") line = tr.lane.line;
    spans.push({ start: t, end: t, state, reason, obj, line, err: "" });
  }
}

// current is the lane's open span.
function current(lane: Lane): Span | undefined {
  return lane.spans[lane.spans.length - 1];
}

/** layout builds a Layout from a whole trace. */
export function layout(events: readonly TraceEvent[], clock: Clock = "virtual"): Layout {
  const l = new Layout(clock);
  l.append(events);
  return l;
}
