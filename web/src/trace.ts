// The trace wire format: mirrors luamod.Event (luamod/event.go), whose doc
// comment is the reference for every field.

export const TRACE_VERSION = 1;

export type EventKind =
  | "spawn" | "start" | "run" | "preempt" | "block" | "unblock" | "end"
  | "await" | "submit" | "task" | "taskend" | "recv" | "mark" | "name" | "stuck";

/** One trace event; times are run-clock microseconds. */
export interface TraceEvent {
  t: number;
  k: EventKind;
  g: number;
  o?: number;
  line?: number;
  reason?: string;
  obj?: string;
  name?: string;
  group?: string;
  status?: "ok" | "error" | "cancelled";
  err?: string;
  from?: number;
}

/** A whole run's trace, as the native runner's -trace writes it. */
export interface Trace {
  version: number;
  clock: "virtual" | "real";
  events: TraceEvent[];
}
