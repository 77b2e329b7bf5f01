// State families: the seventeen states and block reasons a goroutine can be
// in fold into four colours that read at a glance (running, runnable,
// waiting on the clock, blocked), plus stuck for what never woke. The
// exact reason stays in the tooltip and the legend's wording.

import { isClockWait, type BlockReason } from "../trace";
import type { Span } from "./model";

/** Family is what a span's colour says. */
export type Family = "running" | "runnable" | "clock" | "blocked" | "stuck";

/** isClockReason tells whether a goroutine blocked for reason waits on
 * the clock (it sleeps) rather than on another goroutine: trace.ts's
 * CLOCK_REASONS, which mirror luamod's Reason.OnClock. */
export function isClockReason(reason: string): boolean {
  return isClockWait(reason);
}

/** REASON_TEXT words each block reason of the trace (luamod.Reason). */
const REASON_TEXT: Readonly<Record<BlockReason, string>> = {
  sleep: "sleep", "pool rate": "pool rate limit", http: "simulated http request", exec: "simulated command",
  "chan send": "channel send", "chan receive": "channel receive", select: "select",
  await: "await", timeout: "timeout (awaiting with a deadline)", "wait group": "wait group",
  mutex: "mutex", rwmutex: "read-write mutex", semaphore: "semaphore", cond: "condition variable",
  "pool wait": "pool wait", context: "context done",
};

/** reasonText words a block reason; unknown ones read as they are. */
export function reasonText(reason: string): string {
  return REASON_TEXT[reason as BlockReason] ?? (reason || "waiting");
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
  { family: "clock", label: "waiting on the clock", covers: "sleep, pool rate limit, simulated http and exec" },
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
