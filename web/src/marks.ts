// Editor marks from a run's result: the lines where goroutines failed or
// wait forever.

import type { ErrorMark } from "./editor";
import type { RunResult } from "./trace";

/** errorMarks are the editor marks for r: errors, and stuck goroutines
 * (errors in a deadlock, warnings in a leak). */
export function errorMarks(r: RunResult): ErrorMark[] {
  const marks: ErrorMark[] = [];
  for (const e of r.errors ?? []) {
    if (e.line) marks.push({ line: e.line, message: `goroutine ${e.g}: ${e.message}` });
  }
  for (const s of r.stuck ?? []) {
    if (!s.line) continue;
    const what = s.obj ? `${s.reason} on ${s.obj}` : s.reason;
    marks.push({
      line: s.line,
      message: `goroutine ${s.g}${s.name ? ` (${s.name})` : ""} blocked forever: ${what}`,
      severity: r.status === "deadlock" ? "error" : "warning",
    });
  }
  if (marks.length === 0 && r.line && r.error) marks.push({ line: r.line, message: r.error });
  return marks;
}
