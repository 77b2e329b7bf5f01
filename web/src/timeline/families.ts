// State families: the seventeen states and block reasons a goroutine can be
// in fold into four colours that read at a glance (running, runnable,
// waiting on the clock, blocked), plus stuck for what never woke. The
// exact reason stays in the tooltip and the legend's wording.

import type { Span } from "./model";

/** Family is what a span's colour says. */
export type Family = "running" | "runnable" | "clock" | "blocked" | "stuck";

/** CLOCK_REASONS are the block reasons that only the clock ends. */
const CLOCK_REASONS: ReadonlySet<string> = new Set(["sleep", "pool rate"]);

/** isClockReason tells whether a goroutine blocked for reason waits on
 * the clock (it sleeps) rather than on another goroutine. */
export function isClockReason(reason: string): boolean {
  return CLOCK_REASONS.has(reason);
}

/** REASON_TEXT words each block reason of the trace (luamod/event.go). */
const REASON_TEXT: Readonly<Record<string, string>> = {
  sleep: "sleep", "pool rate": "pool rate limit",
  "chan send": "channel send", "chan receive": "channel receive", select: "select",
  await: "await", timeout: "timeout (awaiting with a deadline)", "wait group": "wait group",
  mutex: "mutex", rwmutex: "read-write mutex", semaphore: "semaphore", cond: "condition variable",
  "pool wait": "pool wait", "pool queue": "pool queue full", context: "context done",
};

/** reasonText words a block reason; unknown ones read as they are. */
export function reasonText(reason: string): string {
  return REASON_TEXT[reason] ?? (reason || "waiting");
}

/** familyOf is the family of a span, null for a goroutine that ended. */
export function familyOf(span: Span): Family | null {
  switch (span.state) {
    case "running": return "running";
    case "runnable": return "runnable";
    case "sleeping": return "clock";
    case "blocked": return "blocked";
    case "stuck": return "stuck";
    default: return null;
  }
}

/** FamilyInfo is a family's legend entry: its name and what it covers. */
export interface FamilyInfo {
  family: Family;
  label: string;
  covers: string;
}

/** FAMILIES lists the families in legend order. */
export const FAMILIES: readonly FamilyInfo[] = [
  { family: "running", label: "running", covers: "executing Lua" },
  { family: "runnable", label: "runnable", covers: "ready, waiting for its turn" },
  { family: "clock", label: "waiting on the clock", covers: "sleep, pool rate limit" },
  {
    family: "blocked", label: "blocked",
    covers: "channel send or receive, select, await, timeout, wait group, mutex, read-write mutex, semaphore, condition variable, pool, context",
  },
  { family: "stuck", label: "stuck", covers: "never woke: deadlock or leak" },
];

/** stateText describes a span's state with its exact reason. */
export function stateText(span: Span): string {
  switch (span.state) {
    case "blocked": return `blocked: ${reasonText(span.reason)}`;
    case "sleeping": return `waiting on the clock: ${reasonText(span.reason)}`;
    case "stuck": return `stuck: ${reasonText(span.reason)} (never woke)`;
    case "done": return "ended";
    default: return span.state;
  }
}
