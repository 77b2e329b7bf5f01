// The trace wire format: mirrors luamod.Event (luamod/event.go), whose doc
// comment is the reference for every field.

export const TRACE_VERSION = 1;

// The unions below mirror the Kind, Reason and Status constants of
// luamod (event.go, result.go); luamod/vocab_test.go checks they agree.

export type EventKind =
  | "spawn" | "start" | "run" | "preempt" | "block" | "unblock" | "end"
  | "await" | "submit" | "task" | "taskend" | "recv" | "mark" | "name" | "stuck";

/** Why a goroutine waits (the reason of block and stuck events). */
export type BlockReason =
  | "sleep" | "chan send" | "chan receive" | "select" | "await" | "timeout"
  | "wait group" | "mutex" | "rwmutex" | "semaphore" | "cond" | "context"
  | "pool wait" | "pool rate" | "http" | "exec";

/** The waits only the clock ends (luamod's Reason.OnClock): shown as sleeping. */
export const CLOCK_REASONS: readonly BlockReason[] = ["sleep", "pool rate", "http", "exec"];

/** isClockWait reports whether a goroutine blocked for reason waits on the clock only. */
export function isClockWait(reason: string | undefined): boolean {
  return (CLOCK_REASONS as readonly string[]).includes(reason ?? "");
}

/** How a goroutine or a pool task ended (end and taskend events). */
export type EndStatus = "ok" | "error" | "cancelled";

/** One trace event; times are run-clock microseconds. */
export interface TraceEvent {
  t: number;
  k: EventKind;
  g: number;
  o?: number;
  line?: number;
  reason?: BlockReason;
  obj?: string;
  name?: string;
  group?: string;
  status?: EndStatus;
  err?: string;
  from?: number;
}

/** A whole run's trace, as the native runner's -trace writes it. */
export interface Trace {
  version: number;
  clock: "virtual" | "real";
  events: TraceEvent[];
}

/** How a run ended (luamod.Status). */
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
  /** What it waits on; running or runnable when a limit, Stop or the grace period stopped it busy. */
  reason: BlockReason | "running" | "runnable";
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
