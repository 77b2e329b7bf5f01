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

/** How a run ended: mirrors the Status constants of luamod/result.go. */
export type RunStatus = "ok" | "error" | "deadlock" | "limit" | "cancelled";

/** An error that ended one goroutine (luamod.GoroutineError). */
export interface GoroutineError {
  g: number;
  name?: string;
  message: string;
  line?: number;
  traceback?: string;
}

/** A goroutine that can never wake: deadlocked or leaked (luamod.Stuck). */
export interface StuckGoroutine {
  g: number;
  name?: string;
  reason: string;
  obj?: string;
  line?: number;
}

/** A run's totals (luamod.Stats); clock and wall are microseconds. */
export interface RunStats {
  goroutines: number;
  peakAlive: number;
  clock: number;
  wall: number;
  speedup: number;
  events: number;
  output: number;
}

/** What a run ends with (luamod.Result). */
export interface RunResult {
  status: RunStatus;
  error?: string;
  line?: number;
  errors?: GoroutineError[];
  stuck?: StuckGoroutine[];
  /** Goroutines still running when the grace period after main ended; the run stopped them. */
  running?: StuckGoroutine[];
  stats: RunStats;
}
