// The words of the status line: how a finished run's outcome and numbers
// read. Kept apart from the component so the wording is tested on its own.

import type { RunStats } from "./trace";

/** RunState is the page's run state; <body data-run-state> carries it too. */
export type RunState = "idle" | "running" | "done" | "failed";

/** RunSummary is the part of a run's result the status line shows. */
export interface RunSummary {
  status: string; // ok, error, deadlock, limit, cancelled
  error?: string;
  errors?: readonly { g: number; name?: string; message: string }[];
  stuck?: readonly unknown[];
  stats: Pick<RunStats, "goroutines" | "peakAlive" | "clock" | "wall" | "speedup">;
}

/** count writes n with its noun in the right number: 1 goroutine, 2 goroutines. */
export function count(n: number, noun: string): string {
  return `${n.toLocaleString("en")} ${noun}${n === 1 ? "" : "s"}`;
}

/** formatMicros writes a duration for people: 850 µs, 12.5 ms, 3.20 s. */
export function formatMicros(us: number): string {
  if (us < 1000) return `${Math.round(us)} µs`;
  if (us < 1_000_000) return `${trimZeros((us / 1000).toPrecision(3))} ms`;
  return `${(us / 1_000_000).toFixed(2)} s`;
}

// trimZeros drops the zeros that end a decimal fraction: 12.50 → 12.5, 3.00 → 3.
function trimZeros(n: string): string {
  return n.includes(".") ? n.replace(/0+$/, "").replace(/\.$/, "") : n;
}

// firstError names the first goroutine error: "goroutine 2 (parse) failed: msg".
function firstError(errors: NonNullable<RunSummary["errors"]>): string {
  const e = errors[0];
  const who = `goroutine ${e.g}${e.name ? ` (${e.name})` : ""}`;
  const more = errors.length > 1 ? ` (and ${count(errors.length - 1, "more error")})` : "";
  return `${who} failed: ${e.message}${more}`;
}

/** outcome names a finished run's state and its one-line summary. */
export function outcome(r: RunSummary): { state: RunState; label: string } {
  const leaks = r.stuck?.length ?? 0;
  switch (r.status) {
    case "ok":
      return { state: "done", label: leaks > 0 ? `Done, ${count(leaks, "goroutine")} leaked` : "Done" };
    case "deadlock":
      // A goroutine that died without sending is the usual cause: say both.
      return { state: "failed", label: r.errors?.length ? `Deadlock after ${firstError(r.errors)}` : "Deadlock" };
    case "cancelled":
      return { state: "failed", label: "Stopped" };
    case "limit": {
      const what = (r.error ?? "").replace(/^limit exceeded:\s*/i, "");
      return { state: "failed", label: what ? `Limit exceeded: ${what}` : "Limit exceeded" };
    }
    default:
      return { state: "failed", label: r.error ? `Failed: ${r.error}` : "Failed" };
  }
}

/** numbers is a finished run's numbers line; "" when nothing ran (a
 * syntax error, a run stopped before it started). */
export function numbers(s: RunSummary["stats"]): string {
  if (s.goroutines === 0) return "";
  return `${count(s.goroutines, "goroutine")} · peak ${s.peakAlive} alive · run clock ${formatMicros(s.clock)} · ` +
    `wall ${formatMicros(s.wall)} · speedup ${s.speedup.toFixed(1)}×`;
}
