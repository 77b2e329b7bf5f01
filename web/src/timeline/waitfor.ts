// The wait-for chain of a deadlock or leak: for each goroutine that never
// woke, what it waits on and, where the trace tells it, who could have
// woken it: the mutex's holder (the stuck event's o), the awaited
// goroutine, or the goroutines that used the channel before.

import { formatDuration } from "./axis";
import { reasonText } from "./families";
import type { Layout, StuckWait } from "./layout";
import { laneLabel, ended, type Lane } from "./model";

/** WaitEdge says that goroutine from waits on obj, which goroutine to
 * holds (a mutex), is (an awaited goroutine) or used before (a channel's
 * peer). t is when from began to wait, where the edge is drawn. */
export interface WaitEdge {
  from: number;
  to: number;
  t: number;
  obj: string;
  relation: "holds" | "awaited" | "peer";
}

/** PEERS_PER_OBJECT bounds the channel peers named for one wait. */
export const PEERS_PER_OBJECT = 3;

/** waitEdges lists the wait-for edges of every stuck goroutine. */
export function waitEdges(l: Layout): WaitEdge[] {
  const stuck = new Set(l.stuck.map((s) => s.g));
  const out: WaitEdge[] = [];
  for (const s of l.stuck) {
    const t = since(l, s);
    if (s.holder) out.push({ from: s.g, to: s.holder, t, obj: s.obj, relation: "holds" });
    const awaited = /^goroutine (\d+)$/.exec(s.obj);
    if (awaited) out.push({ from: s.g, to: Number(awaited[1]), t, obj: s.obj, relation: "awaited" });
    if (s.holder || awaited) continue;
    for (const obj of s.obj.split(", ")) {
      for (const g of peers(l, obj, s.g, stuck)) out.push({ from: s.g, to: g, t, obj, relation: "peer" });
    }
  }
  return out;
}

// since is when a stuck goroutine began the wait it never left.
function since(l: Layout, s: StuckWait): number {
  const spans = l.lane(s.g)?.spans ?? [];
  const last = spans[spans.length - 1];
  return last && last.state === "stuck" ? last.start : s.t;
}

// peers are the goroutines other than g that passed values on channel
// obj, stuck ones first, at most PEERS_PER_OBJECT.
function peers(l: Layout, obj: string, g: number, stuck: ReadonlySet<number>): number[] {
  const users = [...(l.chanUsers.get(obj) ?? [])].filter((u) => u !== g);
  users.sort((a, b) => Number(stuck.has(b)) - Number(stuck.has(a)) || a - b);
  return users.slice(0, PEERS_PER_OBJECT);
}

/** chainLines describes each stuck goroutine's wait in a sentence,
 * following holders and awaited goroutines from one stuck goroutine to
 * the next, and says when that leads back: a cycle. A goroutine already
 * named in an earlier chain gets no sentence of its own. */
export function chainLines(l: Layout, edges: readonly WaitEdge[]): string[] {
  const byFrom = new Map<number, WaitEdge[]>();
  for (const e of edges) {
    const list = byFrom.get(e.from);
    if (list) list.push(e);
    else byFrom.set(e.from, [e]);
  }
  const waits = new Map(l.stuck.map((s) => [s.g, s]));
  const told = new Set<number>();
  const lines: string[] = [];
  for (const s of l.stuck) {
    if (told.has(s.g)) continue;
    const parts: string[] = [];
    let cur: StuckWait | undefined = s, cycle = false;
    while (cur && !told.has(cur.g)) {
      told.add(cur.g);
      const out: WaitEdge[] = byFrom.get(cur.g) ?? [];
      parts.push((parts.length ? "" : name(l, cur.g) + " ") + waitText(l, cur, out));
      const next = out.find((e) => e.relation !== "peer" && waits.has(e.to));
      if (!next) break;
      cycle = told.has(next.to) && next.to === s.g;
      cur = waits.get(next.to);
    }
    lines.push(parts.join(", which ") + (cycle ? ": a cycle, none can go on." : "."));
  }
  return lines;
}

// waitText says what one stuck goroutine waits on and who holds it.
function waitText(l: Layout, s: StuckWait, out: readonly WaitEdge[]): string {
  const line = s.line ? `, line ${s.line}` : "";
  const what = s.obj ? `${s.obj} (${reasonText(s.reason)}${line})` : `${reasonText(s.reason)}${line ? ` (${line.slice(2)})` : ""}`;
  const strong = out.find((e) => e.relation !== "peer");
  if (strong) return `waits on ${what}, ${strong.relation === "holds" ? "held by" : "which is"} ${name(l, strong.to)}`;
  const peers = out.map((e) => `${name(l, e.to)} ${fate(l.lane(e.to))}`);
  if (peers.length) return `waits on ${what}; ${s.obj} was used by ${peers.join(", ")}`;
  const chan = /^chan /.test(s.obj) ? `; no value ever passed through ${s.obj}` : "";
  return `waits on ${what}${chan}`;
}

function name(l: Layout, g: number): string {
  const lane = l.lane(g);
  return lane ? laneLabel(lane) : `g${g}`;
}

// fate says how a channel peer ended up: stuck too, ended (when), or
// still running.
function fate(lane: Lane | undefined): string {
  const last = lane?.spans[lane.spans.length - 1];
  if (!last) return "";
  if (last.state === "stuck") return "(stuck too)";
  if (ended(last)) return `(ended at ${formatDuration(last.start)})`;
  return "(still running)";
}
