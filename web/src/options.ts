// The run options a user sets on the page; shared links and storage carry them.

import type { RunOptions } from "./protocol";

/** PageOptions are the page's run settings. */
export interface PageOptions {
  /** virtualTime runs on the reproducible virtual clock (the default). */
  virtualTime: boolean;
  /** graceSeconds is the run-clock time the other goroutines get once
   * main has ended (luamod.Options.GracePeriod). */
  graceSeconds: number;
  /** maxEvents is the trace-event limit of a run (luamod.Options.MaxEvents). */
  maxEvents: number;
}

export const defaultOptions: PageOptions = { virtualTime: true, graceSeconds: 10, maxEvents: 500_000 };

/** MAX_EVENTS bounds the trace-event limit the page offers: a trace that
 * long already takes about a gigabyte in the page. */
export const MAX_EVENTS = 5_000_000;

/** validMaxEvents reports whether n is a trace-event limit the page takes. */
export function validMaxEvents(n: unknown): n is number {
  return typeof n === "number" && Number.isInteger(n) && n >= 1 && n <= MAX_EVENTS;
}

/** MAX_GRACE_SECONDS is the longest grace period the engine takes: one day. */
export const MAX_GRACE_SECONDS = 86400;

/** validGrace reports whether n is a grace period the engine takes. */
export function validGrace(n: unknown): n is number {
  return typeof n === "number" && Number.isFinite(n) && n >= 0.001 && n <= MAX_GRACE_SECONDS;
}

/** parseOptions keeps the known, well-typed fields of v and defaults the rest. */
export function parseOptions(v: unknown): PageOptions {
  const o = typeof v === "object" && v !== null ? (v as Record<string, unknown>) : {};
  return {
    virtualTime: typeof o.virtualTime === "boolean" ? o.virtualTime : defaultOptions.virtualTime,
    graceSeconds: validGrace(o.graceSeconds) ? o.graceSeconds : defaultOptions.graceSeconds,
    maxEvents: validMaxEvents(o.maxEvents) ? o.maxEvents : defaultOptions.maxEvents,
  };
}

/** runOptions are the engine's options for the page's settings. */
export function runOptions(o: PageOptions): RunOptions {
  return { realTime: !o.virtualTime, gracePeriodMs: Math.round(o.graceSeconds * 1000), maxEvents: o.maxEvents };
}
