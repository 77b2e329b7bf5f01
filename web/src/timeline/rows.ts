// Rows: the lanes as the canvas lists them. Lanes fall into groups (a pool
// or sloth-runner task, else a shared name prefix, else a shared spawn
// line), a large group starts collapsed into one summary row, and a filter
// keeps only the lanes whose id, name or group match.

import type { GroupRow, Lane, Row } from "./model";

/** MIN_GROUP is the fewest lanes that make a name-prefix or spawn-line
 * group (a pool or task is a group whatever its size). */
export const MIN_GROUP = 3;
/** AUTO_COLLAPSE: a group with more lanes than this starts collapsed. */
export const AUTO_COLLAPSE = 10;

/** RowIndex maps goroutine ids to rows. Ids are small and dense, so it
 * is an array: a frame looks up both ends of thousands of arrows. */
export class RowIndex {
  private rows = new Int32Array(64).fill(-1);

  /** get is goroutine g's row, undefined when it has none. */
  get(g: number): number | undefined {
    const r = g < this.rows.length ? this.rows[g] : -1;
    return r < 0 ? undefined : r;
  }

  set(g: number, row: number): void {
    if (g >= this.rows.length) {
      const grown = new Int32Array(Math.max(g + 1, this.rows.length * 2)).fill(-1);
      grown.set(this.rows);
      this.rows = grown;
    }
    this.rows[g] = row;
  }
}

/** RowSet is the rows and where each goroutine is drawn: its own row, or
 * its collapsed group's. Goroutines the filter hides have no row. */
export interface RowSet {
  rows: Row[];
  rowOf: RowIndex;
}

/** RowOptions are the user's choices: the filter text and the groups
 * opened or closed by hand (by group key). */
export interface RowOptions {
  filter?: string;
  collapsed?: ReadonlyMap<string, boolean>;
}

// groupKey names the candidate group of a lane ("" for none): its pool or
// task, else its name's prefix, else its spawn line. (Only the key is made
// per lane: a first frame may list 10,000.)
function groupKey(lane: Lane): string {
  if (lane.g === 1) return "";
  if (lane.group) return "group:" + lane.group;
  if (lane.name) {
    const prefix = namePrefix(lane.name);
    return prefix ? "name:" + prefix : "";
  }
  return lane.line ? "line:" + lane.line : "";
}

// groupTitle is what a group's heading says, from its key.
function groupTitle(key: string): string {
  const colon = key.indexOf(":"), rest = key.slice(colon + 1);
  switch (key.slice(0, colon)) {
    case "name": return `${rest} …`;
    case "line": return `spawned at line ${rest}`;
    default: return rest;
  }
}

/** namePrefix is a name without its trailing number and the separator
 * before it ("worker 3" → "worker"), "" when it does not end in one. (A
 * scan, not a regular expression: a first frame may name 10,000 lanes.) */
export function namePrefix(name: string): string {
  let i = name.length;
  while (i > 0 && name.charCodeAt(i - 1) >= 48 && name.charCodeAt(i - 1) <= 57) i--;
  if (i === name.length) return "";
  while (i > 0 && " _-#:./".includes(name[i - 1])) i--;
  return name.slice(0, i);
}

/** Matcher tests lanes (and group names) against filter text. */
export interface Matcher {
  lane(lane: Lane): boolean;
  /** name tells whether a group's name matches a term. */
  name(text: string): boolean;
}

/** matcher reads filter text: comma-separated terms, any of which may
 * match; a term matches a goroutine id ("12" or "g12") exactly, or any
 * part of a lane's name or group. Empty text gives null: all match. */
export function matcher(filter: string): Matcher | null {
  const terms = filter.toLowerCase().split(",").map((t) => t.trim()).filter(Boolean);
  if (terms.length === 0) return null;
  const ids = new Set<number>(), words: string[] = [];
  for (const term of terms) {
    const id = /^g?(\d+)$/.exec(term);
    if (id) ids.add(Number(id[1]));
    else words.push(term);
  }
  const name = (text: string) => {
    const low = text.toLowerCase();
    return words.some((w) => low.includes(w));
  };
  return { name, lane: (l) => ids.has(l.g) || name(l.name) || name(l.group) };
}

/** buildRows lists the rows of lanes (in creation order): each group sits
 * where its first lane was created, as a heading followed by its lanes, or
 * alone when collapsed. */
export function buildRows(lanes: readonly Lane[], opts: RowOptions = {}): RowSet {
  const match = matcher(opts.filter ?? "");
  const keys: string[] = new Array(lanes.length);
  const groups = new Map<string, GroupRow>();
  for (let i = 0; i < lanes.length; i++) {
    const lane = lanes[i], key = (keys[i] = groupKey(lane));
    if (!key) continue;
    const g = groups.get(key);
    if (g) g.lanes.push(lane);
    else groups.set(key, { kind: "group", key, name: groupTitle(key), lanes: [lane], collapsed: false });
  }
  for (const [key, g] of groups) {
    if (!key.startsWith("group:") && g.lanes.length < MIN_GROUP) groups.delete(key);
  }
  const rows: Row[] = [];
  const rowOf = new RowIndex();
  const placed = new Set<string>();
  for (let i = 0; i < lanes.length; i++) {
    const lane = lanes[i];
    const g = keys[i] ? groups.get(keys[i]) : undefined;
    if (!g) {
      if (!match || match.lane(lane)) pushLane(rows, rowOf, lane);
      continue;
    }
    if (placed.has(g.key)) continue;
    placed.add(g.key);
    pushGroup(rows, rowOf, g, match, opts.collapsed?.get(g.key));
  }
  return { rows, rowOf };
}

function pushLane(rows: Row[], rowOf: RowIndex, lane: Lane, inGroup = false): void {
  rowOf.set(lane.g, rows.length);
  rows.push({ kind: "lane", lane, inGroup });
}

// pushGroup adds a group's heading and, unless it is collapsed, its lanes.
// A filter keeps the lanes that match (all of them when the group's name
// matches) and opens the group unless the user closed it.
function pushGroup(rows: Row[], rowOf: RowIndex, g: GroupRow, match: Matcher | null, choice?: boolean): void {
  let members = g.lanes;
  if (match && !match.name(g.name)) {
    members = members.filter(match.lane);
    if (members.length === 0) return;
  }
  const collapsed = choice ?? (match ? false : members.length > AUTO_COLLAPSE);
  const row: GroupRow = { ...g, lanes: members, collapsed };
  const at = rows.length;
  rows.push(row);
  if (collapsed) {
    for (const lane of members) rowOf.set(lane.g, at);
    return;
  }
  for (const lane of members) pushLane(rows, rowOf, lane, true);
}
