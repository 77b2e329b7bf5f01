// Layout turns trace events into lanes of spans, arrows and marks. It is
// pure (no DOM) and incremental: append() takes batches as a run streams
// them, so the timeline grows live. Lanes, arrows and marks are made as
// events arrive; each lane's spans are worked out when first read
// (lanestate.ts).

import type { TraceEvent } from "../trace";
import { LaneState } from "./lanestate";
import type { Arrow, Lane, Mark, Row } from "./model";

/** Clock says whether times are virtual or wall-clock microseconds. */
export type Clock = "virtual" | "real";

// Track is the layout's private bookkeeping for one goroutine: who spawned
// it and when (until it starts), who woke it and when (until it runs), and
// why it last blocked.
interface Track {
  lane: LaneState;
  spawnO: number;
  spawnT: number;
  wakeO: number;
  wakeT: number;
  wakeReason: string;
  blockReason: string;
}

/** Layout holds every lane, arrow and mark of one run. */
export class Layout {
  readonly clock: Clock;
  /** The run's end so far: the latest event time. */
  end = 0;
  /** Lanes in creation order. */
  readonly lanes: LaneState[] = [];
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
    this.version++;
  }

  /** spanCount is the number of spans over all lanes; it works out every
   * lane's spans. */
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
      case "block": tr.blockReason = e.reason ?? ""; break;
      case "unblock": this.onUnblock(tr, e); break;
      case "recv": this.onRecv(tr, e); return;
      case "mark": this.onMark(tr, e); return;
      case "name": tr.lane.name = e.name ?? ""; return;
      case "await": case "submit": return; // nothing beyond their block events
      default: break;
    }
    tr.lane.push(e);
  }

  // track finds or creates the goroutine's lane; events of a goroutine whose
  // spawn is missing (a truncated trace) still get one.
  private track(e: TraceEvent): Track {
    let tr = this.tracks[e.g];
    if (tr) return tr;
    const lane = new LaneState(e.g, e.t, this);
    tr = { lane, spawnO: 0, spawnT: 0, wakeO: 0, wakeT: 0, wakeReason: "", blockReason: "" };
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
  }

  private onRun(tr: Track, e: TraceEvent): void {
    if (tr.spawnO && e.k === "start") {
      this.arrow({ kind: "spawn", from: tr.spawnO, fromT: tr.spawnT, to: e.g, toT: e.t, detail: "" });
    }
    if (tr.wakeO) {
      this.arrow({ kind: "wake", from: tr.wakeO, fromT: tr.wakeT, to: e.g, toT: e.t, detail: tr.wakeReason });
    }
    tr.spawnO = tr.wakeO = 0;
  }

  private onUnblock(tr: Track, e: TraceEvent): void {
    if (e.o) {
      tr.wakeO = e.o;
      tr.wakeT = e.t;
      tr.wakeReason = tr.blockReason;
    }
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
}

/** layout builds a Layout from a whole trace. */
export function layout(events: readonly TraceEvent[], clock: Clock = "virtual"): Layout {
  const l = new Layout(clock);
  l.append(events);
  return l;
}
