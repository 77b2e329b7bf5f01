// The timeline's data model: what layout.ts derives from trace events and
// what drawing, hit testing and the text views read.

/** A goroutine's state over a span of time. */
export type State =
  | "running" | "runnable" | "sleeping" | "blocked"
  | "done" | "failed" | "cancelled" | "stuck";

/** One stretch of time during which a goroutine stays in one state. */
export interface Span {
  start: number;
  /** End time; for the last span of a lane it follows the run's end. */
  end: number;
  state: State;
  /** Why a blocked, sleeping or stuck goroutine waits ("chan send", ...). */
  reason: string;
  /** The object waited on ("chan 3", "wg 1"), where one applies. */
  obj: string;
  /** The script line the span belongs to, 0 when unknown. */
  line: number;
  /** The error message of a failed or cancelled goroutine. */
  err: string;
}

/** One pool task (or sloth-runner task) run by a worker goroutine. */
export interface TaskSpan {
  start: number;
  end: number;
  name: string;
  pool: string;
  /** ok, error or cancelled once ended; "" while the task runs. */
  status: string;
  open: boolean;
}

/** An instant annotation made with goroutine.mark. */
export interface Mark {
  g: number;
  t: number;
  label: string;
  line: number;
}

/** A causal link between two goroutines at two times. */
export interface Arrow {
  kind: "spawn" | "wake" | "chan";
  from: number;
  fromT: number;
  to: number;
  toT: number;
  /** The block reason the arrow ends (wake) or the channel (chan). */
  detail: string;
  /** The script line: of the spawn, or where the woken goroutine waited. */
  line: number;
}

/** One goroutine's lane. Spans, tasks and marks are sorted by time. */
export interface Lane {
  g: number;
  name: string;
  group: string;
  /** The parent goroutine (0 for main). */
  parent: number;
  /** The line that spawned it, 0 for main. */
  line: number;
  created: number;
  spans: Span[];
  tasks: TaskSpan[];
  marks: Mark[];
  /** links are the arrows into or out of the lane, sorted by target time. */
  links: Arrow[];
}

/** A group of lanes (a pool, a task, a name prefix, a spawn line): a
 * heading row, followed by its lanes unless it is collapsed, when the
 * heading row draws them all at once. */
export interface GroupRow {
  kind: "group";
  /** key identifies the group across runs, for its open or closed state. */
  key: string;
  name: string;
  /** lanes are its lanes that pass the filter. */
  lanes: Lane[];
  collapsed: boolean;
}

/** A goroutine's row; inGroup when it is listed under a group heading. */
export interface LaneRow {
  kind: "lane";
  lane: Lane;
  inGroup: boolean;
}

/** A row of the timeline: a group heading or a goroutine's lane. */
export type Row = GroupRow | LaneRow;

/** Time spent per state, in run-clock microseconds. */
export interface Totals {
  running: number;
  runnable: number;
  blocked: number;
  sleeping: number;
  stuck: number;
}

/** A lane's display label: its id and name. */
export function laneLabel(lane: Lane): string {
  return lane.name ? `g${lane.g} ${lane.name}` : `g${lane.g}`;
}

/** ended tells whether a span is a goroutine's end (done, failed or
 * cancelled: an instant at which its lane stops) rather than a state. */
export function ended(span: Span): boolean {
  return span.state === "done" || span.state === "failed" || span.state === "cancelled";
}
