// The text alternative to the canvas for screen readers (and anyone): a
// summary of the run and, on demand, a table with one row per goroutine.

import { clockLabel, formatDuration } from "./axis";
import type { Layout } from "./layout";
import { laneLabel, type Lane, type Span } from "./model";
import { totals } from "./query";
import { stateText } from "./tooltip";

/** Summary is what the text view says about a run. */
export interface Summary {
  goroutines: number;
  end: number;
  clock: "virtual" | "real";
  /** The longest a goroutine stayed blocked, sleeping excluded. */
  longest: { lane: Lane; span: Span } | null;
  stuck: { lane: Lane; span: Span }[];
  failed: number;
}

/** summarize reads a Summary off a layout. */
export function summarize(l: Layout): Summary {
  const s: Summary = { goroutines: l.lanes.length, end: l.end, clock: l.clock, longest: null, stuck: [], failed: 0 };
  let best = -1;
  for (const lane of l.lanes) {
    for (const span of lane.spans) {
      if ((span.state === "blocked" || span.state === "stuck") && span.end - span.start > best) {
        best = span.end - span.start;
        s.longest = { lane, span };
      }
    }
    const last = lane.spans[lane.spans.length - 1];
    if (last?.state === "stuck") s.stuck.push({ lane, span: last });
    if (last?.state === "failed") s.failed++;
  }
  return s;
}

// where describes a wait: its reason, object and line.
function where(span: Span): string {
  return `${span.reason || "waiting"}${span.obj ? " on " + span.obj : ""}${span.line ? ", line " + span.line : ""}`;
}

/** summaryLines writes a Summary as sentences. */
export function summaryLines(s: Summary): string[] {
  if (s.goroutines === 0) return ["No run yet: the timeline is empty."];
  const lines = [`${s.goroutines} goroutine${s.goroutines === 1 ? "" : "s"} over ${formatDuration(s.end)} of ${clockLabel(s.clock)}` +
    (s.failed ? `, ${s.failed} failed.` : ".")];
  if (s.longest) {
    const { lane, span } = s.longest;
    lines.push(`Longest blocked: ${laneLabel(lane)}, ${formatDuration(span.end - span.start)} (${where(span)}).`);
  } else {
    lines.push("No goroutine was blocked.");
  }
  if (s.stuck.length === 0) {
    lines.push("No goroutine is stuck.");
  } else {
    const shown = s.stuck.slice(0, 20).map(({ lane, span }) => `${laneLabel(lane)} (${where(span)})`);
    const more = s.stuck.length > 20 ? ` and ${s.stuck.length - 20} more` : "";
    lines.push(`Stuck: ${shown.join("; ")}${more}.`);
  }
  return lines;
}

/** TABLE_LIMIT bounds the rows of the table view. */
export const TABLE_LIMIT = 500;

/** fillTable writes one row per goroutine (up to TABLE_LIMIT) into table. */
export function fillTable(table: HTMLTableElement, l: Layout): void {
  const doc = table.ownerDocument;
  const cell = (tag: "th" | "td", text: string) => {
    const c = doc.createElement(tag);
    c.textContent = text;
    if (tag === "th") c.scope = "col";
    return c;
  };
  const caption = doc.createElement("caption");
  caption.textContent = l.lanes.length > TABLE_LIMIT
    ? `Goroutines (first ${TABLE_LIMIT} of ${l.lanes.length})` : "Goroutines";
  const head = doc.createElement("thead");
  const hr = doc.createElement("tr");
  for (const h of ["Goroutine", "Group", "Last state", "Running", "Runnable", "Blocked", "Sleeping", "Stuck"]) hr.append(cell("th", h));
  head.append(hr);
  const body = doc.createElement("tbody");
  for (const lane of l.lanes.slice(0, TABLE_LIMIT)) {
    const t = totals(lane);
    const last = lane.spans[lane.spans.length - 1];
    const tr = doc.createElement("tr");
    tr.append(cell("td", laneLabel(lane)), cell("td", lane.group), cell("td", last ? stateText(last) : ""),
      cell("td", formatDuration(t.running)), cell("td", formatDuration(t.runnable)),
      cell("td", formatDuration(t.blocked)), cell("td", formatDuration(t.sleeping)), cell("td", formatDuration(t.stuck)));
    body.append(tr);
  }
  table.replaceChildren(caption, head, body);
}
