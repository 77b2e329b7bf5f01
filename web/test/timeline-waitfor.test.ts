// Wait-for chain tests: who a stuck goroutine waits on, where the trace
// tells it (a mutex's holder, an awaited goroutine, a channel's peers),
// and the sentences the summary makes of it, cycles included.

import { test } from "node:test";
import assert from "node:assert/strict";
import type { TraceEvent } from "../src/trace";
import { layout } from "../src/timeline/layout";
import { chainLines, waitEdges } from "../src/timeline/waitfor";

const MUTEX: TraceEvent[] = [
  { t: 0, k: "spawn", g: 1, name: "main" }, { t: 0, k: "start", g: 1 },
  { t: 1, k: "spawn", g: 2, o: 1, name: "left" }, { t: 2, k: "spawn", g: 3, o: 1, name: "right" },
  { t: 3, k: "block", g: 1, reason: "wait group", obj: "wg 3", line: 6 },
  { t: 3, k: "start", g: 2 }, { t: 4, k: "block", g: 2, reason: "sleep", line: 4 },
  { t: 4, k: "start", g: 3 }, { t: 5, k: "block", g: 3, reason: "sleep", line: 5 },
  { t: 9, k: "unblock", g: 2 }, { t: 9, k: "run", g: 2 }, { t: 10, k: "block", g: 2, reason: "mutex", obj: "mutex 2", line: 4 },
  { t: 10, k: "unblock", g: 3 }, { t: 10, k: "run", g: 3 }, { t: 11, k: "block", g: 3, reason: "mutex", obj: "mutex 1", line: 5 },
  { t: 11, k: "stuck", g: 1, reason: "wait group", obj: "wg 3", line: 6 },
  { t: 11, k: "stuck", g: 2, o: 3, reason: "mutex", obj: "mutex 2", line: 4 },
  { t: 11, k: "stuck", g: 3, o: 2, reason: "mutex", obj: "mutex 1", line: 5 },
];

test("a mutex deadlock is a cycle of holders", () => {
  const l = layout(MUTEX);
  const edges = waitEdges(l);
  assert.deepEqual(edges, [
    { from: 2, to: 3, t: 10, obj: "mutex 2", relation: "holds" },
    { from: 3, to: 2, t: 11, obj: "mutex 1", relation: "holds" },
  ]);
  assert.deepEqual(chainLines(l, edges), [
    "g1 main waits on wg 3 (wait group, line 6).",
    "g2 left waits on mutex 2 (mutex, line 4), held by g3 right, which waits on mutex 1 (mutex, line 5), held by g2 left: a cycle, none can go on.",
  ]);
});

test("an await names the awaited goroutine, and a channel the goroutines that used it", () => {
  const l = layout([
    { t: 0, k: "spawn", g: 1, name: "main" }, { t: 0, k: "start", g: 1 },
    { t: 1, k: "spawn", g: 2, o: 1, name: "producer" }, { t: 2, k: "spawn", g: 3, o: 1, name: "consumer" },
    { t: 3, k: "block", g: 1, reason: "await", obj: "goroutine 3", line: 9 },
    { t: 3, k: "start", g: 2 }, { t: 4, k: "block", g: 2, reason: "chan send", obj: "chan 1", line: 3 },
    { t: 4, k: "start", g: 3 }, { t: 5, k: "unblock", g: 2, o: 3 }, { t: 5, k: "recv", g: 3, o: 2, obj: "chan 1", from: 4 },
    { t: 6, k: "block", g: 3, reason: "chan receive", obj: "chan 1", line: 7 },
    { t: 6, k: "run", g: 2 }, { t: 1000, k: "end", g: 2, status: "ok" },
    { t: 1000, k: "stuck", g: 1, reason: "await", obj: "goroutine 3", line: 9 },
    { t: 1000, k: "stuck", g: 3, reason: "chan receive", obj: "chan 1", line: 7 },
  ]);
  const edges = waitEdges(l);
  assert.deepEqual(edges.map((e) => `${e.from}->${e.to} ${e.relation} ${e.obj} @${e.t}`), [
    "1->3 awaited goroutine 3 @3", "3->2 peer chan 1 @6"]);
  assert.deepEqual(chainLines(l, edges), [
    "g1 main waits on goroutine 3 (await, line 9), which is g3 consumer, which waits on chan 1 (channel receive, line 7); chan 1 was used by g2 producer (ended at 1.00 ms).",
  ]);
});
