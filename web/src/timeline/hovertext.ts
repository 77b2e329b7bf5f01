// What the tooltip says about each thing on the canvas: a span with its
// exact state, an arrow with who and where, a group's states at one time,
// a lane's full label, and a wait-for edge.

import { formatDuration } from "./axis";
import { familyOf, reasonText, stateText, type Family } from "./families";
import type { Hit } from "./hit";
import type { Layout } from "./layout";
import { laneLabel, type Arrow, type GroupRow, type Lane, type Mark, type Row, type Span, type TaskSpan } from "./model";
import { spanAt } from "./query";
import type { WaitEdge } from "./waitfor";

/** describeHit lists the tooltip's lines for a hit; the first is its title. */
export function describeHit(l: Layout, hit: Hit): string[] {
  switch (hit.kind) {
    case "span": return describe(hit.lane, hit.span, hit.task, hit.mark);
    case "arrow": return describeArrow(l, hit.seg.arrow);
    case "group": return describeGroup(hit.row, hit.t);
    case "label": return describeRow(l, hit.row);
    case "wait": return describeWait(l, hit.edge);
  }
}

/** describe lists the tooltip's lines for a span of lane. */
export function describe(lane: Lane, span: Span, task?: TaskSpan, mark?: Mark): string[] {
  const lines = [laneLabel(lane) + (lane.group ? ` · ${lane.group}` : ""), stateText(span)];
  if (familyOf(span)) lines.push(`from ${formatDuration(span.start)} for ${formatDuration(span.end - span.start)}`);
  else lines.push(`at ${formatDuration(span.start)}`);
  if (span.obj) lines.push(`on ${span.obj}`);
  if (span.line) lines.push(`line ${span.line}`);
  if (span.err) lines.push(`error: ${span.err}`);
  if (task) lines.push(`task ${task.name} (${task.pool})${task.status ? " " + task.status : ""}`);
  if (mark) lines.push(`mark "${mark.label}" at ${formatDuration(mark.t)}` + (mark.line ? `, line ${mark.line}` : ""));
  return lines;
}

function who(l: Layout, g: number): string {
  const lane = l.lane(g);
  return lane ? laneLabel(lane) : `g${g}`;
}

/** describeArrow says what an arrow links: who spawned, woke or sent to
 * whom, when, and where in the script. */
export function describeArrow(l: Layout, a: Arrow): string[] {
  const at = (t: number) => formatDuration(t);
  const line = a.line ? [`line ${a.line}`] : [];
  switch (a.kind) {
    case "spawn":
      return ["spawn", `${who(l, a.from)} spawned ${who(l, a.to)}`, `at ${at(a.fromT)}`, ...line];
    case "chan":
      return [`channel handoff on ${a.detail || "a channel"}`,
        `sent by ${who(l, a.from)} at ${at(a.fromT)}`, `received by ${who(l, a.to)} at ${at(a.toT)}`];
    case "wake":
      return ["wake-up", `${who(l, a.from)} woke ${who(l, a.to)} at ${at(a.fromT)}`,
        `${who(l, a.to)} had waited: ${reasonText(a.detail)}${a.line ? `, line ${a.line}` : ""}`,
        `it ran again at ${at(a.toT)}`];
  }
}

const FAMILY_WORDS: Readonly<Record<Family, string>> = {
  running: "running", runnable: "runnable", clock: "waiting on the clock", blocked: "blocked", stuck: "stuck",
};

/** describeGroup counts the states of a group's lanes at time t. */
export function describeGroup(row: GroupRow, t: number): string[] {
  const counts = new Map<string, number>();
  for (const lane of row.lanes) {
    const span = spanAt(lane, t);
    const family = span ? familyOf(span) : null;
    const key = family ? FAMILY_WORDS[family] : lane.created <= t ? "ended" : "not started";
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const order = [...Object.values(FAMILY_WORDS), "ended", "not started"];
  const parts = order.filter((k) => counts.has(k)).map((k) => `${counts.get(k)} ${k}`);
  return [`${row.name} (${row.lanes.length} goroutines)`, `at ${formatDuration(t)}: ${parts.join(", ")}`,
    `click its name to ${row.collapsed ? "show" : "hide"} its lanes`];
}

/** describeRow tells a row's full label and where its goroutine came from. */
export function describeRow(l: Layout, row: Row): string[] {
  if (row.kind === "group") {
    return [`${row.name} (${row.lanes.length} goroutines)`, `click to ${row.collapsed ? "show" : "hide"} its lanes`];
  }
  const lane = row.lane;
  const lines = [laneLabel(lane)];
  if (lane.group) lines.push(`in ${lane.group}`);
  if (lane.parent) lines.push(`spawned by ${who(l, lane.parent)}${lane.line ? ` at line ${lane.line}` : ""}`);
  const last = lane.spans[lane.spans.length - 1];
  if (last) lines.push(familyOf(last) ? `last: ${stateText(last)}` : `${stateText(last)} at ${formatDuration(last.start)}`);
  return lines;
}

/** describeWait says who a stuck goroutine waits for. */
export function describeWait(l: Layout, e: WaitEdge): string[] {
  const rel = e.relation === "holds" ? `held by ${who(l, e.to)}` : e.relation === "awaited" ? `which is ${who(l, e.to)}` :
    `used before by ${who(l, e.to)}`;
  return ["wait-for chain", `${who(l, e.from)} waits on ${e.obj}`, rel];
}
