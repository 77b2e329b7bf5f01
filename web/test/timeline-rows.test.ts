// Row tests: which lanes form groups (pool or task, name prefix, spawn
// line), where groups sit, which start collapsed, and the lane filter.

import { test } from "node:test";
import assert from "node:assert/strict";
import type { TraceEvent } from "../src/trace";
import { layout } from "../src/timeline/layout";
import { AUTO_COLLAPSE, buildRows, matcher, type RowOptions } from "../src/timeline/rows";

// lanes makes a trace of main spawning goroutines described as
// [name, group, line], in order; ids start at 2.
function trace(kids: [string, string, number][]): TraceEvent[] {
  const ev: TraceEvent[] = [{ t: 0, k: "spawn", g: 1, name: "main" }, { t: 0, k: "start", g: 1 }];
  kids.forEach(([name, group, line], i) => {
    const e: TraceEvent = { t: i + 1, k: "spawn", g: i + 2, o: 1, line };
    if (name) e.name = name;
    if (group) e.group = group;
    ev.push(e);
  });
  return ev;
}

const show = (kids: [string, string, number][], opts?: RowOptions) =>
  buildRows(layout(trace(kids)).lanes, opts).rows.map((r) =>
    r.kind === "group" ? `${r.collapsed ? "+" : "-"}[${r.name}] ${r.lanes.length}` : `${r.inGroup ? "  " : ""}g${r.lane.g}`);

test("pools and tasks group whatever their size; name prefixes and spawn lines from three lanes", () => {
  assert.deepEqual(show([["w1", "pool p", 3], ["", "", 7], ["fetch 1", "", 9], ["fetch 2", "", 9], ["fetch 3", "", 9], ["x", "", 4], ["", "", 5], ["", "", 5]]), [
    "g1", "-[pool p] 1", "  g2", "g3", "-[fetch …] 3", "  g4", "  g5", "  g6", "g7", "g8", "g9",
  ]);
  assert.deepEqual(show([["", "", 5], ["", "", 5], ["", "", 5], ["main-ish", "", 5]]), [
    "g1", "-[spawned at line 5] 3", "  g2", "  g3", "  g4", "g5",
  ]);
});

test("a group sits where its first lane was created and large ones start collapsed", () => {
  const many = Array.from({ length: AUTO_COLLAPSE + 1 }, (): [string, string, number] => ["", "", 8]);
  const kids: [string, string, number][] = [["a", "", 2], ...many, ["b", "", 3]];
  assert.deepEqual(show(kids), ["g1", "g2", `+[spawned at line 8] ${AUTO_COLLAPSE + 1}`, `g${AUTO_COLLAPSE + 4}`]);
  const set = buildRows(layout(trace(kids)).lanes);
  assert.equal(set.rowOf.get(3), 2);
  assert.equal(set.rowOf.get(AUTO_COLLAPSE + 4), 3);
  const opened = show(kids, { collapsed: new Map([["line:8", false]]) });
  assert.equal(opened.length, 4 + AUTO_COLLAPSE + 1);
  assert.equal(opened[2], `-[spawned at line 8] ${AUTO_COLLAPSE + 1}`);
  assert.deepEqual(show([["w1", "pool p", 3], ["w2", "pool p", 3]], { collapsed: new Map([["group:pool p", true]]) }), [
    "g1", "+[pool p] 2"]);
});

test("the filter matches ids exactly, names and groups in part, and takes alternatives", () => {
  const kids: [string, string, number][] = [["fetch 1", "", 9], ["fetch 2", "", 9], ["fetch 3", "", 9], ["other", "", 4],
    ["w1", "pool etl", 3], ["w2", "pool etl", 3], ["", "", 1], ["", "", 1], ["", "", 1]];
  for (let i = 0; i < 2; i++) kids.push(["", "", 20]);
  assert.deepEqual(show(kids, { filter: "g1" }), ["g1"]);
  assert.deepEqual(show(kids, { filter: "5" }), ["g5"]);
  assert.deepEqual(show(kids, { filter: "fetch 2, OTHER" }), ["-[fetch …] 1", "  g3", "g5"]);
  assert.deepEqual(show(kids, { filter: "etl" }), ["-[pool etl] 2", "  g6", "  g7"]);
  assert.deepEqual(show(kids, { filter: "nothing" }), []);
  assert.equal(matcher("  , "), null);
});
