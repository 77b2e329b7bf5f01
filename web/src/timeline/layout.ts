// Layout turns trace events into lanes of spans, arrows and marks. It is
// pure (no DOM) and incremental: append() takes batches as a run streams
// them, so the timeline grows live. Lanes, arrows and marks are made as
// events arrive; each lane's spans are worked out when first read
// (lanestate.ts).
//
// append() is the hot path of a first frame (120,000 events before the
// first paint), and it mostly runs before the JIT has warmed up: it reads
// each event's fields once (events of a trace come in many shapes, so every
// property read is a slow megamorphic one), keeps the per-goroutine
// bookkeeping in typed arrays, and queues lane events in a shared log
// (lanelog.ts) rather than an array per lane, so that it allocates little:
// a first frame comes just after the trace was parsed, and every young
// garbage collection it triggers copies the whole fresh trace.

import type { TraceEvent } from "../trace";
import { isClockReason } from "./families";
import { LaneLog } from "./lanelog";
import { BLOCKED, CLOCK, END, RUNNABLE, RUNNING, STUCK, StateLog } from "./statelog";
import { LaneState, type RunState } from "./lanestate";
import type { Arrow, Lane, Mark } from "./model";

/** Clock says whether times are virtual or wall-clock microseconds. */
export type Clock = "virtual" | "real";

/** StuckWait is a goroutine found stuck when the run ended: what it waits
 * on, and the goroutine holding that (a mutex's owner), 0 when unknown. */
export interface StuckWait {
  g: number;
  t: number;
  reason: string;
  obj: string;
  line: number;
  holder: number;
}

/** Layout holds every lane, arrow and mark of one run. */
export class Layout implements RunState {
  readonly clock: Clock;
  /** The run's end so far: the latest event time. */
  end = 0;
  /** Lanes in creation order. */
  readonly lanes: LaneState[] = [];
  /** Arrows sorted by their target time. */
  readonly arrows: Arrow[] = [];
  readonly marks: Mark[] = [];
  /** Goroutines found stuck, in trace order. */
  readonly stuck: StuckWait[] = [];
  /** chanUsers lists, per channel, the goroutines that sent or received
   * a value on it: the peers a goroutine stuck on it could have hoped for. */
  readonly chanUsers = new Map<string, Set<number>>();
  /** Arrows counted by kind. */
  readonly arrowKinds: Record<Arrow["kind"], number> = { spawn: 0, wake: 0, chan: 0 };
  /** The longest an arrow spans in time, to bound visible-arrow queries. */
  maxArrow = 0;
  /** Counts changes, so views redraw only when something moved. */
  version = 0;
  /** Counts changes to the lanes' list, names and groups, so that views
   * rebuild their rows only then. */
  shape = 0;
  events = 0;
  /** log holds the lane events not yet worked out. */
  readonly log = new LaneLog();
  /** states logs every state change, for counting groups. */
  readonly states = new StateLog();
  // The bookkeeping per goroutine, indexed by id (ids are small and dense):
  // its lane, who woke it and when (until it runs), and why and where it
  // last blocked.
  private byG: (LaneState | undefined)[] = [];
  private wakeO = new Int32Array(64);
  private wakeT = new Float64Array(64);
  private wakeReason: string[] = [];
  private blockReason: string[] = [];
  private blockLine = new Int32Array(64);

  constructor(clock: Clock = "virtual") {
    this.clock = clock;
  }

  /** lane returns the lane of goroutine g, if it exists. */
  lane(g: number): Lane | undefined {
    return this.byG[g];
  }

  /** append adds a batch of events in trace order. The layout keeps the
   * batch (lanes read their events from it when first drawn), so the
   * caller must not change it afterwards. */
  append(events: readonly TraceEvent[]): void {
    const n = events.length;
    const { base, next } = this.log.add(events);
    const states = this.states, byG = this.byG;
    states.reserve(n);
    let end = this.end;
    for (let i = 0; i < n; i++) {
      const e = events[i];
      const t = e.t, g = e.g, k = e.k;
      if (t > end) end = t;
      const lane = byG[g] ?? this.track(g, t);
      switch (k) {
        case "spawn": this.onSpawn(lane, e, g, t); states.enter(g, t, RUNNABLE); break;
        case "start": case "run": this.onRun(g, t); states.enter(g, t, RUNNING); break;
        case "preempt": states.enter(g, t, RUNNABLE); break;
        case "block": states.enter(g, t, this.onBlock(e, g) ? CLOCK : BLOCKED); break;
        case "end": states.enter(g, t, END); break;
        case "unblock": this.onUnblock(e, g, t); states.enter(g, t, RUNNABLE); break;
        case "recv": this.onRecv(lane, e, g, t); continue;
        case "mark": this.onMark(lane, e, g, t); continue;
        case "name": lane.name = e.name ?? ""; this.shape++; continue;
        case "stuck": this.onStuck(e, g, t); states.enter(g, t, STUCK); break;
        case "await": case "submit": continue; // nothing beyond their block events
        default: break;
      }
      // Queue the event on its lane's chain.
      const tail = lane.tail, j = base + i;
      if (tail < 0) lane.head = j;
      else if (tail >= base) next[tail - base] = j + 1;
      else this.log.link(tail, j);
      lane.tail = j;
    }
    this.end = end;
    this.events += n;
    this.version++;
  }

  /** spanCount is the number of spans over all lanes; it works out every
   * lane's spans. */
  spanCount(): number {
    let n = 0;
    for (const lane of this.lanes) n += lane.spans.length;
    return n;
  }

  // track creates the goroutine's lane; events of a goroutine whose spawn
  // is missing (a truncated trace) still get one.
  private track(g: number, t: number): LaneState {
    const lane = new LaneState(g, t, this);
    if (g >= this.wakeO.length) this.grow(g);
    this.byG[g] = lane;
    this.wakeO[g] = 0;
    this.wakeReason[g] = this.blockReason[g] = "";
    this.lanes.push(lane);
    this.shape++;
    return lane;
  }

  private grow(g: number): void {
    let n = this.wakeO.length * 2;
    while (n <= g) n *= 2;
    const ids = (a: Int32Array) => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    const times = (a: Float64Array) => {
      const b = new Float64Array(n);
      b.set(a);
      return b;
    };
    this.wakeO = ids(this.wakeO);
    this.wakeT = times(this.wakeT);
    this.blockLine = ids(this.blockLine);
  }

  private onSpawn(lane: LaneState, e: TraceEvent, g: number, t: number): void {
    const name = e.name, group = e.group, o = e.o, line = e.line;
    if (name !== undefined) lane.name = name;
    lane.group = group ?? "";
    lane.parent = o ?? 0;
    lane.line = line ?? 0;
    this.shape++;
    if (o) this.arrow("spawn", o, t, g, t, "", lane.line);
  }

  private onRun(g: number, t: number): void {
    const wakeO = this.wakeO[g];
    if (wakeO) this.arrow("wake", wakeO, this.wakeT[g], g, t, this.wakeReason[g], this.blockLine[g]);
    this.wakeO[g] = 0;
  }

  // onBlock notes why and where g blocked and tells whether it waits on
  // the clock.
  private onBlock(e: TraceEvent, g: number): boolean {
    const reason = e.reason ?? "";
    this.blockReason[g] = reason;
    this.blockLine[g] = e.line ?? 0;
    return isClockReason(reason);
  }

  private onStuck(e: TraceEvent, g: number, t: number): void {
    this.stuck.push({ g, t, reason: e.reason ?? "", obj: e.obj ?? "", line: e.line ?? 0, holder: e.o ?? 0 });
  }

  private onUnblock(e: TraceEvent, g: number, t: number): void {
    const o = e.o;
    if (o) {
      this.wakeO[g] = o;
      this.wakeT[g] = t;
      this.wakeReason[g] = this.blockReason[g];
    }
  }

  // onRecv draws the channel handoff from the sender at send time. It
  // replaces the plain wake-up arrow of the same handoff, if one was made.
  private onRecv(lane: LaneState, e: TraceEvent, g: number, t: number): void {
    const o = e.o;
    if (!o) return;
    if (this.wakeO[g] === o) this.wakeO[g] = 0;
    const links = lane.links;
    for (let i = links.length - 1; i >= 0 && links[i].toT === t; i--) {
      const a = links[i];
      if (a.kind === "wake" && a.to === g && a.from === o) this.unlink(a);
    }
    const obj = e.obj ?? "";
    this.arrow("chan", o, e.from ?? 0, g, t, obj, 0);
    let users = this.chanUsers.get(obj);
    if (!users) this.chanUsers.set(obj, (users = new Set()));
    users.add(o).add(g);
  }

  private onMark(lane: LaneState, e: TraceEvent, g: number, t: number): void {
    const mark: Mark = { g, t, label: e.name ?? "", line: e.line ?? 0 };
    lane.addMark(mark);
    this.marks.push(mark);
  }

  private arrow(kind: Arrow["kind"], from: number, fromT: number, to: number, toT: number, detail: string, line: number): void {
    const a: Arrow = { kind, from, fromT, to, toT, detail, line };
    this.arrows.push(a);
    this.arrowKinds[kind]++;
    const dst = this.byG[to], src = this.byG[from];
    if (dst) dst.links.push(a);
    if (src && src !== dst) src.links.push(a);
    if (toT - fromT > this.maxArrow) this.maxArrow = toT - fromT;
  }

  // unlink removes an arrow made at the latest time.
  private unlink(a: Arrow): void {
    this.arrowKinds[a.kind]--;
    for (const list of [this.arrows, this.byG[a.to]?.links, this.byG[a.from]?.links]) {
      const i = list ? list.lastIndexOf(a) : -1;
      if (list && i >= 0) list.splice(i, 1);
    }
  }
}

/** layout builds a Layout from a whole trace. */
export function layout(events: readonly TraceEvent[], clock: Clock = "virtual"): Layout {
  const l = new Layout(clock);
  l.append(events);
  return l;
}
