// Layout tests: real virtual-time traces from luamod.Run (the Go golden
// files) and the lanes, spans, arrows and marks they must give, with times
// read from the trace.

import { test } from "node:test";
import assert from "node:assert/strict";
import { layout, Layout } from "../src/timeline/layout";
import type { Lane } from "../src/timeline/model";
import { spanAt, totals, visibleArrows, visibleSpans } from "../src/timeline/query";
import { buildRows } from "../src/timeline/rows";
import { goldenTrace, timesOf } from "./golden";

// spans formats a lane's spans as "start-end state[ reason][ obj][ @line][ !err]".
function spans(lane: Lane | undefined): string[] {
  assert.ok(lane, "lane missing");
  return lane.spans.map((s) =>
    `${s.start}-${s.end} ${s.state}` + (s.reason ? ` ${s.reason}` : "") + (s.obj ? ` [${s.obj}]` : "") +
    (s.line ? ` @${s.line}` : "") + (s.err ? ` !${s.err}` : ""));
}

const arrows = (l: Layout): string[] => l.arrows.map((a) => `${a.kind} ${a.from}@${a.fromT} -> ${a.to}@${a.toT}` +
  (a.detail ? ` ${a.detail}` : "") + (a.line ? ` line ${a.line}` : ""));
const rows = (l: Layout): string[] => buildRows(l.lanes).rows.map((r) => r.kind === "group" ? `[${r.name}] ${r.lanes.length}` : `g${r.lane.g} ${r.lane.name}`);

// Real runs: the golden traces of luamod/testdata/traces (see golden.ts).
const SPAWN = goldenTrace("layout_spawn"); // spawn twice, sleep, mark, wg:wait
const ASYNC = goldenTrace("layout_async"); // async, then await of a sleeping goroutine
const POOL = goldenTrace("layout_pool"); // two workers, three sleeping tasks, pool_wait
const DEAD = goldenTrace("layout_deadlock"); // main and a child on wait groups nobody releases
const BUSY = goldenTrace("layout_busy"); // two busy loops, a timeout that cancels, an error in main

test("spawn, sleep, mark and wait group", () => {
  const l = layout(SPAWN);
  const at = timesOf(SPAWN);
  assert.equal(l.end, at(1, "end"));
  assert.deepEqual(rows(l), ["g1 main", "g2 sleeper", "g3 "]);
  assert.deepEqual(spans(l.lane(1)), [
    `${at(1, "start")}-${at(1, "block")} running @15`, `${at(1, "block")}-${at(1, "unblock")} blocked wait group [wg 1] @15`,
    `${at(1, "unblock")}-${at(1, "run")} runnable`, `${at(1, "run")}-${at(1, "end")} running`, `${at(1, "end")}-${at(1, "end")} done`]);
  assert.deepEqual(spans(l.lane(2)), [
    `${at(2, "spawn")}-${at(2, "start")} runnable @4`, `${at(2, "start")}-${at(2, "block")} running @6`,
    `${at(2, "block")}-${at(2, "unblock")} sleeping sleep @6`, `${at(2, "run")}-${at(2, "end")} running @4`,
    `${at(2, "end")}-${at(2, "end")} done`]);
  assert.deepEqual(spans(l.lane(3)), [
    `${at(3, "spawn")}-${at(3, "start")} runnable @9`, `${at(3, "start")}-${at(3, "end")} running @9`, `${at(3, "end")}-${at(3, "end")} done`]);
  assert.deepEqual(arrows(l), [
    `spawn 1@${at(2, "spawn")} -> 2@${at(2, "spawn")} line 4`, `spawn 1@${at(3, "spawn")} -> 3@${at(3, "spawn")} line 9`,
    `wake 2@${at(1, "unblock")} -> 1@${at(1, "run")} wait group line 15`]);
  assert.deepEqual(l.marks, [{ g: 3, t: at(3, "mark"), label: "summed", line: 12 }]);
  assert.deepEqual(l.lane(1)!.links, l.arrows);
  assert.deepEqual(l.lane(2)!.links, [l.arrows[0], l.arrows[2]]);
  assert.deepEqual(l.lane(3)!.links, [l.arrows[1]]);
  assert.deepEqual(totals(l.lane(1)!), {
    running: at(1, "block") - at(1, "start") + at(1, "end") - at(1, "run"), runnable: at(1, "run") - at(1, "unblock"),
    blocked: at(1, "unblock") - at(1, "block"), sleeping: 0, stuck: 0 });
  assert.deepEqual(totals(l.lane(2)!), {
    running: at(2, "block") - at(2, "start") + at(2, "end") - at(2, "run"), runnable: at(2, "start") - at(2, "spawn"),
    blocked: 0, sleeping: at(2, "unblock") - at(2, "block"), stuck: 0 });
});

test("async and await", () => {
  const l = layout(ASYNC);
  const at = timesOf(ASYNC);
  assert.deepEqual(spans(l.lane(1)), [
    `${at(1, "start")}-${at(1, "block")} running @6`, `${at(1, "block")}-${at(1, "unblock")} blocked await [goroutine 2] @6`,
    `${at(1, "run")}-${at(1, "end")} running`, `${at(1, "end")}-${at(1, "end")} done`]);
  assert.deepEqual(spans(l.lane(2)), [
    `${at(2, "spawn")}-${at(2, "start")} runnable @2`, `${at(2, "start")}-${at(2, "block")} running @3`,
    `${at(2, "block")}-${at(2, "unblock")} sleeping sleep @3`, `${at(2, "run")}-${at(2, "end")} running @2`,
    `${at(2, "end")}-${at(2, "end")} done`]);
  assert.deepEqual(arrows(l), [`spawn 1@${at(2, "spawn")} -> 2@${at(2, "spawn")} line 2`, `wake 2@${at(1, "unblock")} -> 1@${at(1, "run")} await line 6`]);
});

test("pool workers are grouped and run labelled tasks", () => {
  const l = layout(POOL);
  const at = timesOf(POOL);
  assert.deepEqual(rows(l), ["g1 main", "[pool work] 2", "g2 work worker 1", "g3 work worker 2"]);
  assert.deepEqual(spans(l.lane(1)), [
    `${at(1, "start")}-${at(1, "block")} running @7`, `${at(1, "block")}-${at(1, "unblock")} blocked pool wait [pool work] @7`,
    `${at(1, "run")}-${at(1, "end")} running`, `${at(1, "end")}-${at(1, "end")} done`]);
  assert.deepEqual(spans(l.lane(2)), [
    `${at(2, "spawn")}-${at(2, "start")} runnable @5`, `${at(2, "start")}-${at(2, "block")} running @5`,
    `${at(2, "block")}-${at(2, "unblock")} sleeping sleep @5`, `${at(2, "run")}-${at(2, "block", 1)} running @5`,
    `${at(2, "block", 1)}-${at(2, "unblock", 1)} sleeping sleep @5`, `${at(2, "run", 1)}-${at(2, "end")} running @5`,
    `${at(2, "end")}-${at(2, "end")} done`]);
  const tasks = (g: number) => l.lane(g)!.tasks.map((t) => `${t.start}-${t.end} ${t.name} ${t.pool} ${t.status}`);
  assert.deepEqual(tasks(2), [`${at(2, "task")}-${at(2, "taskend")} work-1 pool work ok`, `${at(2, "task", 1)}-${at(2, "taskend", 1)} work-3 pool work ok`]);
  assert.deepEqual(tasks(3), [`${at(3, "task")}-${at(3, "taskend")} work-2 pool work ok`]);
  assert.deepEqual(arrows(l), [
    `spawn 1@${at(2, "spawn")} -> 2@${at(2, "spawn")} line 5`, `spawn 1@${at(3, "spawn")} -> 3@${at(3, "spawn")} line 5`,
    `wake 2@${at(1, "unblock")} -> 1@${at(1, "run")} pool wait line 7`]);
});

test("a deadlock marks the waits that never end as stuck", () => {
  const l = layout(DEAD);
  const at = timesOf(DEAD);
  assert.equal(l.end, at(1, "stuck"));
  assert.deepEqual(spans(l.lane(1)), [`${at(1, "start")}-${at(1, "block")} running @7`, `${at(1, "block")}-${at(1, "stuck")} stuck wait group [wg 1] @7`]);
  assert.deepEqual(spans(l.lane(2)), [
    `${at(2, "spawn")}-${at(2, "start")} runnable @6`, `${at(2, "start")}-${at(2, "block")} running @6`,
    `${at(2, "stuck")}-${at(2, "stuck")} stuck wait group [wg 2] @6`]);
  assert.deepEqual(totals(l.lane(1)!), {
    running: at(1, "block") - at(1, "start"), runnable: 0, blocked: 0, sleeping: 0, stuck: at(1, "stuck") - at(1, "block") });
});

test("preemption, a cancelled timeout body and a failed main", () => {
  const l = layout(BUSY);
  const at = timesOf(BUSY);
  assert.deepEqual(spans(l.lane(1)), [
    `${at(1, "start")}-${at(1, "preempt")} running`, `${at(1, "preempt")}-${at(1, "run")} runnable`,
    `${at(1, "run")}-${at(1, "block")} running @6`, `${at(1, "block")}-${at(1, "unblock")} blocked timeout [goroutine 3] @6`,
    `${at(1, "run", 1)}-${at(1, "end")} running`, `${at(1, "end")}-${at(1, "end")} failed !main.lua:7: boom`]);
  assert.deepEqual(spans(l.lane(2)), [
    `${at(2, "spawn")}-${at(2, "start")} runnable @3`, `${at(2, "start")}-${at(2, "preempt")} running @3`,
    `${at(2, "preempt")}-${at(2, "run")} runnable`, `${at(2, "run")}-${at(2, "end")} running @3`, `${at(2, "end")}-${at(2, "end")} done`]);
  assert.deepEqual(spans(l.lane(3)), [
    `${at(3, "spawn")}-${at(3, "start")} runnable @6`, `${at(3, "start")}-${at(3, "end")} running @6`,
    `${at(3, "end")}-${at(3, "end")} cancelled !timeout exceeded`]);
  assert.deepEqual(arrows(l), [`spawn 1@${at(2, "spawn")} -> 2@${at(2, "spawn")} line 3`, `spawn 1@${at(3, "spawn")} -> 3@${at(3, "spawn")} line 6`]);
});

test("batches give the same layout as the whole trace, open spans follow the end", () => {
  const at = timesOf(POOL);
  const l = new Layout("virtual");
  const first = POOL.findIndex((e) => e.k === "start" && e.g === 2) + 1; // up to worker 1's start
  l.append(POOL.slice(0, first));
  assert.equal(l.end, at(2, "start"));
  assert.deepEqual(spans(l.lane(2)), [`${at(2, "spawn")}-${at(2, "start")} runnable @5`, `${at(2, "start")}-${at(2, "start")} running @5`]);
  assert.equal(l.lane(2)!.tasks.length, 0);
  for (let i = first; i < POOL.length; i += 3) l.append(POOL.slice(i, i + 3));
  const whole = layout(POOL);
  for (const g of [1, 2, 3]) assert.deepEqual(spans(l.lane(g)), spans(whole.lane(g)));
  assert.deepEqual(arrows(l), arrows(whole));
});

test("a channel handoff replaces the wake-up arrow of the same receive", () => {
  const trace = goldenTrace("layout_handoff");
  const at = timesOf(trace);
  const l = layout(trace);
  assert.deepEqual(arrows(l), [`spawn 1@${at(2, "spawn")} -> 2@${at(2, "spawn")} line 3`, `chan 2@${at(1, "unblock")} -> 1@${at(1, "recv")} chan 1`]);
  assert.deepEqual(l.lane(1)!.links, l.arrows);
  assert.deepEqual(l.lane(2)!.links, l.arrows);
  assert.deepEqual(l.arrowKinds, { spawn: 1, wake: 0, chan: 1 });
});

test("queries find spans and arrows by time", () => {
  const l = layout(SPAWN);
  const at = timesOf(SPAWN);
  const lane = l.lane(1)!;
  assert.equal(spanAt(lane, at(1, "block"))?.state, "blocked");
  assert.equal(spanAt(lane, at(1, "block") - 1)?.state, "running");
  assert.equal(spanAt(lane, at(1, "end"))?.state, "done");
  assert.equal(spanAt(l.lane(2)!, at(2, "spawn") - 1), undefined);
  assert.deepEqual(visibleSpans(lane.spans, at(1, "block") + 1, at(1, "unblock")), [1, 3]);
  assert.deepEqual(visibleSpans(lane.spans, 2 * at(1, "end"), 3 * at(1, "end")), [5, 5]);
  assert.deepEqual(visibleArrows(l.arrows, l.maxArrow, at(1, "unblock") + 1000, at(1, "unblock") + 2000), []);
  assert.deepEqual(visibleArrows(l.arrows, l.maxArrow, at(3, "spawn") - 2, at(3, "spawn") + 8).map((a) => a.to), [3]);
  assert.deepEqual(visibleArrows(l.arrows, l.maxArrow, 0, 100).length, 2);
});
