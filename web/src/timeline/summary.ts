// The text alternative to the canvas for screen readers (and anyone): a
// summary of the run and, on demand, a table with one row per goroutine.

import { clockLabel, formatDuration } from "./axis";
import { reasonText, stateText } from "./families";
import type { Layout } from "./layout";
import { laneLabel, type Lane, type Span } from "./model";
import { totals } from "./query";
import { chainLines, waitEdges } from "./waitfor";

/** Phase is where the run the timeline shows is: none yet, streaming in,
 * or over. */
export type Phase = "empty" | "running" | "ended";

/** Summary is what the text view says about a run. */
export interface Summary {
  phase: Phase;
  goroutines: number;
  end: number;
  clock: "virtual" | "real";
  /** The longest a goroutine stayed blocked, sleeping excluded. */
  longest: { lane: Lane; span: Span } | null;
  /** How many goroutines never woke, and whether main is one of them. */
  stuck: number;
  deadlock: boolean;
  /** The wait-for chain of the stuck goroutines, as sentences. */
  chains: string[];
  failed: number;
}

/** summarize reads a Summary off a layout. */
export function summarize(l: Layout, phase: Phase = "ended"): Summary {
  const s: Summary = {
    phase, goroutines: l.lanes.length, end: l.end, clock: l.clock, longest: null,
    stuck: l.stuck.length, deadlock: l.stuck.some((w) => w.g === 1), chains: [], failed: 0,
  };
  let best = -1;
  for (const lane of l.lanes) {
    for (const span of lane.spans) {
      if ((span.state === "blocked" || span.state === "stuck") && span.end - span.start > best) {
        best = span.end - span.start;
        s.longest = { lane, span };
      }
    }
    if (lane.spans[lane.spans.length - 1]?.state === "failed") s.failed++;
  }
  if (l.stuck.length) s.chains = chainLines(l, waitEdges(l));
  return s;
}

// where describes a wait: its reason, object and line.
function where(span: Span): string {
  return `${reasonText(span.reason)}${span.obj ? " on " + span.obj : ""}${span.line ? ", line " + span.line : ""}`;
}

/** CHAIN_LIMIT bounds the wait-for sentences of the summary. */
export const CHAIN_LIMIT = 20;

/** summaryLines writes a Summary as sentences. */
export function summaryLines(s: Summary): string[] {
  if (s.goroutines === 0) {
    return [s.phase === "running" ? "Running: no goroutine has started yet." : "No run yet: the timeline is empty."];
  }
  const n = `${s.goroutines} goroutine${s.goroutines === 1 ? "" : "s"}`;
  const lines = [s.phase === "running"
    ? `Running: ${n} so far, over ${formatDuration(s.end)} of ${clockLabel(s.clock)}.`
    : `${n} over ${formatDuration(s.end)} of ${clockLabel(s.clock)}` + (s.failed ? `, ${s.failed} failed.` : ".")];
  if (s.longest) {
    const { lane, span } = s.longest;
    lines.push(`Longest blocked: ${laneLabel(lane)}, ${formatDuration(span.end - span.start)} (${where(span)}).`);
  } else {
    lines.push("No goroutine was blocked.");
  }
  if (s.stuck === 0) {
    if (s.phase === "ended") lines.push("No goroutine is stuck.");
    return lines;
  }
  const who = `${s.stuck} goroutine${s.stuck === 1 ? "" : "s"}`;
  lines.push(s.deadlock ? `Deadlock: ${who} can never wake, main among them. Who waits on what:` :
    `Leak: ${who} never woke. Who waits on what:`);
  lines.push(...s.chains.slice(0, CHAIN_LIMIT));
  if (s.chains.length > CHAIN_LIMIT) lines.push(`… and ${s.chains.length - CHAIN_LIMIT} more.`);
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
