// Layout tests: real virtual-time traces from luamod.Run (pasted below) and
// the exact lanes, spans, arrows and marks they must give.

import { test } from "node:test";
import assert from "node:assert/strict";
import type { TraceEvent } from "../src/trace";
import { layout, Layout } from "../src/timeline/layout";
import type { Lane } from "../src/timeline/model";
import { spanAt, totals, visibleArrows, visibleSpans } from "../src/timeline/query";
import { buildRows } from "../src/timeline/rows";

const ev = (s: string): TraceEvent[] => JSON.parse(`[${s.trim().replace(/,$/, "")}]`);

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

// spawn + sleep + mark + wait group (goroutine.spawn twice, wg:wait()).
const SPAWN = ev(`
{"t":0,"k":"spawn","g":1,"name":"main"},
{"t":0,"k":"start","g":1},
{"t":10,"k":"spawn","g":2,"o":1,"line":3},
{"t":14,"k":"spawn","g":3,"o":1,"line":8},
{"t":16,"k":"block","g":1,"line":14,"reason":"wait group","obj":"wg 1"},
{"t":16,"k":"start","g":2},
{"t":20,"k":"name","g":2,"name":"sleeper"},
{"t":24,"k":"block","g":2,"line":5,"reason":"sleep"},
{"t":24,"k":"start","g":3},
{"t":234,"k":"mark","g":3,"line":11,"name":"summed"},
{"t":238,"k":"end","g":3,"status":"ok"},
{"t":10024,"k":"unblock","g":2},
{"t":10024,"k":"run","g":2},
{"t":10027,"k":"unblock","g":1,"o":2},
{"t":10028,"k":"end","g":2,"status":"ok"},
{"t":10028,"k":"run","g":1},
{"t":10032,"k":"end","g":1,"status":"ok"},
`);

// async + await of a sleeping goroutine.
const ASYNC = ev(`
{"t":0,"k":"spawn","g":1,"name":"main"},
{"t":0,"k":"start","g":1},
{"t":4,"k":"spawn","g":2,"o":1,"line":1},
{"t":8,"k":"await","g":1,"o":2,"line":5},
{"t":8,"k":"block","g":1,"line":5,"reason":"await","obj":"goroutine 2"},
{"t":8,"k":"start","g":2},
{"t":12,"k":"block","g":2,"line":2,"reason":"sleep"},
{"t":5012,"k":"unblock","g":2},
{"t":5012,"k":"run","g":2},
{"t":5014,"k":"end","g":2,"status":"ok"},
{"t":5014,"k":"unblock","g":1,"o":2},
{"t":5014,"k":"run","g":1},
{"t":5018,"k":"end","g":1,"status":"ok"},
`);

// A pool of two workers running three sleeping tasks; main waits.
const POOL = ev(`
{"t":0,"k":"spawn","g":1,"name":"main"},
{"t":0,"k":"start","g":1},
{"t":16,"k":"submit","g":1,"line":3,"obj":"pool work","name":"work-1"},
{"t":16,"k":"spawn","g":2,"o":1,"line":3,"name":"work worker 1","group":"pool work"},
{"t":23,"k":"submit","g":1,"line":3,"obj":"pool work","name":"work-2"},
{"t":23,"k":"spawn","g":3,"o":1,"line":3,"name":"work worker 2","group":"pool work"},
{"t":30,"k":"submit","g":1,"line":3,"obj":"pool work","name":"work-3"},
{"t":36,"k":"block","g":1,"line":5,"reason":"pool wait","obj":"pool work"},
{"t":36,"k":"start","g":2},
{"t":36,"k":"task","g":2,"obj":"pool work","name":"work-1"},
{"t":41,"k":"block","g":2,"line":3,"reason":"sleep"},
{"t":41,"k":"start","g":3},
{"t":41,"k":"task","g":3,"obj":"pool work","name":"work-2"},
{"t":46,"k":"block","g":3,"line":3,"reason":"sleep"},
{"t":2041,"k":"unblock","g":2},
{"t":2041,"k":"run","g":2},
{"t":2042,"k":"taskend","g":2,"obj":"pool work","name":"work-1","status":"ok"},
{"t":2042,"k":"task","g":2,"obj":"pool work","name":"work-3"},
{"t":2047,"k":"block","g":2,"line":3,"reason":"sleep"},
{"t":4046,"k":"unblock","g":3},
{"t":4046,"k":"run","g":3},
{"t":4047,"k":"taskend","g":3,"obj":"pool work","name":"work-2","status":"ok"},
{"t":4047,"k":"end","g":3,"status":"ok"},
{"t":8047,"k":"unblock","g":2},
{"t":8047,"k":"run","g":2},
{"t":8048,"k":"taskend","g":2,"obj":"pool work","name":"work-3","status":"ok"},
{"t":8048,"k":"unblock","g":1,"o":2},
{"t":8048,"k":"end","g":2,"status":"ok"},
{"t":8048,"k":"run","g":1},
{"t":8052,"k":"end","g":1,"status":"ok"},
`);

// Deadlock: main and a child each wait on a wait group nobody releases.
const DEAD = ev(`
{"t":0,"k":"spawn","g":1,"name":"main"},
{"t":0,"k":"start","g":1},
{"t":10,"k":"spawn","g":2,"o":1,"line":3},
{"t":12,"k":"block","g":1,"line":4,"reason":"wait group","obj":"wg 1"},
{"t":12,"k":"start","g":2},
{"t":20,"k":"block","g":2,"line":3,"reason":"wait group","obj":"wg 2"},
{"t":20,"k":"stuck","g":1,"line":4,"reason":"wait group","obj":"wg 1"},
{"t":20,"k":"stuck","g":2,"line":3,"reason":"wait group","obj":"wg 2"},
`);

// Preemption of two busy loops, a timeout that cancels, and an error in main.
const BUSY = ev(`
{"t":0,"k":"spawn","g":1,"name":"main"},
{"t":0,"k":"start","g":1},
{"t":4,"k":"spawn","g":2,"o":1,"line":1},
{"t":10000,"k":"preempt","g":1},
{"t":10000,"k":"start","g":2},
{"t":20000,"k":"preempt","g":2},
{"t":20000,"k":"run","g":1},
{"t":26015,"k":"spawn","g":3,"o":1,"line":3},
{"t":26015,"k":"block","g":1,"line":3,"reason":"timeout","obj":"goroutine 3"},
{"t":26015,"k":"run","g":2},
{"t":29015,"k":"unblock","g":1},
{"t":32022,"k":"end","g":2,"status":"ok"},
{"t":32022,"k":"start","g":3},
{"t":32022,"k":"end","g":3,"status":"cancelled","err":"timeout exceeded"},
{"t":32022,"k":"run","g":1},
{"t":32028,"k":"end","g":1,"status":"error","err":"main.lua:5: boom"},
`);

test("spawn, sleep, mark and wait group", () => {
  const l = layout(SPAWN);
  assert.equal(l.end, 10032);
  assert.deepEqual(rows(l), ["g1 main", "g2 sleeper", "g3 "]);
  assert.deepEqual(spans(l.lane(1)), [
    "0-16 running @14", "16-10027 blocked wait group [wg 1] @14", "10027-10028 runnable",
    "10028-10032 running", "10032-10032 done"]);
  assert.deepEqual(spans(l.lane(2)), [
    "10-16 runnable @3", "16-24 running @5", "24-10024 sleeping sleep @5", "10024-10028 running @3", "10028-10028 done"]);
  assert.deepEqual(spans(l.lane(3)), ["14-24 runnable @8", "24-238 running @8", "238-238 done"]);
  assert.deepEqual(arrows(l), [
    "spawn 1@10 -> 2@10 line 3", "spawn 1@14 -> 3@14 line 8", "wake 2@10027 -> 1@10028 wait group line 14"]);
  assert.deepEqual(l.marks, [{ g: 3, t: 234, label: "summed", line: 11 }]);
  assert.deepEqual(l.lane(1)!.links, l.arrows);
  assert.deepEqual(l.lane(2)!.links, [l.arrows[0], l.arrows[2]]);
  assert.deepEqual(l.lane(3)!.links, [l.arrows[1]]);
  assert.deepEqual(totals(l.lane(1)!), { running: 20, runnable: 1, blocked: 10011, sleeping: 0, stuck: 0 });
  assert.deepEqual(totals(l.lane(2)!), { running: 12, runnable: 6, blocked: 0, sleeping: 10000, stuck: 0 });
});

test("async and await", () => {
  const l = layout(ASYNC);
  assert.deepEqual(spans(l.lane(1)), [
    "0-8 running @5", "8-5014 blocked await [goroutine 2] @5", "5014-5018 running", "5018-5018 done"]);
  assert.deepEqual(spans(l.lane(2)), [
    "4-8 runnable @1", "8-12 running @2", "12-5012 sleeping sleep @2", "5012-5014 running @1", "5014-5014 done"]);
  assert.deepEqual(arrows(l), ["spawn 1@4 -> 2@4 line 1", "wake 2@5014 -> 1@5014 await line 5"]);
});

test("pool workers are grouped and run labelled tasks", () => {
  const l = layout(POOL);
  assert.deepEqual(rows(l), ["g1 main", "[pool work] 2", "g2 work worker 1", "g3 work worker 2"]);
  assert.deepEqual(spans(l.lane(1)), [
    "0-36 running @5", "36-8048 blocked pool wait [pool work] @5", "8048-8052 running", "8052-8052 done"]);
  assert.deepEqual(spans(l.lane(2)), [
    "16-36 runnable @3", "36-41 running @3", "41-2041 sleeping sleep @3", "2041-2047 running @3",
    "2047-8047 sleeping sleep @3", "8047-8048 running @3", "8048-8048 done"]);
  const tasks = (g: number) => l.lane(g)!.tasks.map((t) => `${t.start}-${t.end} ${t.name} ${t.pool} ${t.status}`);
  assert.deepEqual(tasks(2), ["36-2042 work-1 pool work ok", "2042-8048 work-3 pool work ok"]);
  assert.deepEqual(tasks(3), ["41-4047 work-2 pool work ok"]);
  assert.deepEqual(arrows(l), [
    "spawn 1@16 -> 2@16 line 3", "spawn 1@23 -> 3@23 line 3", "wake 2@8048 -> 1@8048 pool wait line 5"]);
});

test("a deadlock marks the waits that never end as stuck", () => {
  const l = layout(DEAD);
  assert.equal(l.end, 20);
  assert.deepEqual(spans(l.lane(1)), ["0-12 running @4", "12-20 stuck wait group [wg 1] @4"]);
  assert.deepEqual(spans(l.lane(2)), ["10-12 runnable @3", "12-20 running @3", "20-20 stuck wait group [wg 2] @3"]);
  assert.deepEqual(totals(l.lane(1)!), { running: 12, runnable: 0, blocked: 0, sleeping: 0, stuck: 8 });
});

test("preemption, a cancelled timeout body and a failed main", () => {
  const l = layout(BUSY);
  assert.deepEqual(spans(l.lane(1)), [
    "0-10000 running", "10000-20000 runnable", "20000-26015 running @3",
    "26015-29015 blocked timeout [goroutine 3] @3", "29015-32022 runnable", "32022-32028 running",
    "32028-32028 failed !main.lua:5: boom"]);
  assert.deepEqual(spans(l.lane(2)), [
    "4-10000 runnable @1", "10000-20000 running @1", "20000-26015 runnable", "26015-32022 running @1", "32022-32022 done"]);
  assert.deepEqual(spans(l.lane(3)), ["26015-32022 runnable @3", "32022-32022 cancelled !timeout exceeded"]);
  assert.deepEqual(arrows(l), ["spawn 1@4 -> 2@4 line 1", "spawn 1@26015 -> 3@26015 line 3"]);
});

test("batches give the same layout as the whole trace, open spans follow the end", () => {
  const l = new Layout("virtual");
  l.append(POOL.slice(0, 10));
  assert.equal(l.end, 36);
  assert.deepEqual(spans(l.lane(2)), ["16-36 runnable @3", "36-36 running @3"]);
  assert.equal(l.lane(2)!.tasks[0].end, 36);
  for (let i = 10; i < POOL.length; i += 3) l.append(POOL.slice(i, i + 3));
  const whole = layout(POOL);
  for (const g of [1, 2, 3]) assert.deepEqual(spans(l.lane(g)), spans(whole.lane(g)));
  assert.deepEqual(arrows(l), arrows(whole));
});

test("a channel handoff replaces the wake-up arrow of the same receive", () => {
  const l = layout(ev(`
{"t":0,"k":"spawn","g":1,"name":"main"},
{"t":0,"k":"start","g":1},
{"t":5,"k":"spawn","g":2,"o":1,"line":2},
{"t":9,"k":"block","g":1,"line":4,"reason":"chan receive","obj":"chan 1"},
{"t":9,"k":"start","g":2},
{"t":14,"k":"unblock","g":1,"o":2},
{"t":15,"k":"end","g":2,"status":"ok"},
{"t":15,"k":"run","g":1},
{"t":15,"k":"recv","g":1,"o":2,"obj":"chan 1","from":14},
{"t":20,"k":"end","g":1,"status":"ok"},
`));
  assert.deepEqual(arrows(l), ["spawn 1@5 -> 2@5 line 2", "chan 2@14 -> 1@15 chan 1"]);
  assert.deepEqual(l.lane(1)!.links, l.arrows);
  assert.deepEqual(l.lane(2)!.links, l.arrows);
  assert.deepEqual(l.arrowKinds, { spawn: 1, wake: 0, chan: 1 });
});

test("queries find spans and arrows by time", () => {
  const l = layout(SPAWN);
  const lane = l.lane(1)!;
  assert.equal(spanAt(lane, 16)?.state, "blocked");
  assert.equal(spanAt(lane, 15)?.state, "running");
  assert.equal(spanAt(lane, 10032)?.state, "done");
  assert.equal(spanAt(l.lane(2)!, 5), undefined);
  assert.deepEqual(visibleSpans(lane.spans, 17, 10027), [1, 3]);
  assert.deepEqual(visibleSpans(lane.spans, 20000, 30000), [5, 5]);
  assert.deepEqual(visibleArrows(l.arrows, l.maxArrow, 11000, 12000), []);
  assert.deepEqual(visibleArrows(l.arrows, l.maxArrow, 12, 22).map((a) => a.to), [3]);
  assert.deepEqual(visibleArrows(l.arrows, l.maxArrow, 0, 100).length, 2);
});
