// The page builds a run's layout as its batches arrive (Layout.append per
// batch, lanes read in between by the text view's refreshes and the
// frames), so the first draw after a run has only the last batch left to
// lay out. These tests hold that to the layout of the whole trace at once:
// every split point of every golden trace, with the lanes worked out at
// the split or not, and the synthetic trace of the bench in the engine's
// batch size.

import { test } from "node:test";
import assert from "node:assert/strict";
import { synthTrace } from "../bench/gen";
import { layout, Layout } from "../src/timeline/layout";
import type { TraceEvent } from "../src/trace";
import { goldenTrace } from "./golden";

const GOLDEN = ["layout_spawn", "layout_async", "layout_pool", "layout_deadlock", "layout_busy", "layout_handoff",
  "async_timeout", "channels_select", "leak_error", "pool_busy", "spawn_sleep", "view_deadlock"];

// snapshot writes down everything a layout gives its readers: lanes with
// their spans, tasks, marks and links, the arrows, marks and stuck waits,
// the channels' users and the state log.
function snapshot(l: Layout): unknown {
  const s = l.states;
  const log: string[] = [];
  for (let i = 0; i < s.length; i++) log.push(`${s.g[i]} ${s.code[i]} ${s.from[i]}-${s.to[i]}`);
  const now: string[] = [];
  for (const lane of l.lanes) now.push(`${lane.g} ${s.now[lane.g]} ${s.since[lane.g]}`);
  return {
    end: l.end, events: l.events, maxArrow: l.maxArrow, arrowKinds: { ...l.arrowKinds },
    lanes: l.lanes.map((lane) => ({
      g: lane.g, name: lane.name, group: lane.group, parent: lane.parent, line: lane.line, created: lane.created,
      spans: lane.spans.map((x) => ({ ...x })), tasks: lane.tasks.map((x) => ({ ...x })),
      marks: lane.marks.map((x) => ({ ...x })), links: lane.links.map((x) => ({ ...x })),
    })),
    arrows: l.arrows.map((x) => ({ ...x })), marks: l.marks.map((x) => ({ ...x })), stuck: l.stuck.map((x) => ({ ...x })),
    chanUsers: [...l.chanUsers].map(([k, v]) => [k, [...v].sort((a, b) => a - b)]).sort(),
    log, now,
  };
}

// settle works every lane out, as the text view's span count does.
function settle(l: Layout): void {
  l.spanCount();
  for (const lane of l.lanes) void lane.tasks;
}

// inBatches lays trace out in batches of size, working the lanes out
// after each one when read is set.
function inBatches(trace: readonly TraceEvent[], size: number, read: boolean): Layout {
  const l = new Layout("virtual");
  for (let i = 0; i < trace.length; i += size) {
    l.append(trace.slice(i, i + size));
    if (read) settle(l);
  }
  return l;
}

test("a golden trace split at any event lays out as the whole trace", () => {
  for (const name of GOLDEN) {
    const trace = goldenTrace(name);
    const want = snapshot(layout(trace));
    for (let k = 0; k <= trace.length; k++) {
      for (const read of [false, true]) {
        const l = new Layout("virtual");
        l.append(trace.slice(0, k));
        if (read) settle(l);
        l.append(trace.slice(k));
        assert.deepEqual(snapshot(l), want, `${name} split at ${k}${read ? ", lanes read at the split" : ""}`);
      }
    }
  }
});

test("a golden trace in batches of any size, lanes read after each, lays out as the whole trace", () => {
  for (const name of GOLDEN) {
    const trace = goldenTrace(name);
    const want = snapshot(layout(trace));
    for (const size of [1, 2, 3, 5, 8, 13]) {
      assert.deepEqual(snapshot(inBatches(trace, size, true)), want, `${name} in batches of ${size}`);
      assert.deepEqual(snapshot(inBatches(trace, size, false)), want, `${name} in batches of ${size}, read at the end`);
    }
  }
});

test("the bench's synthetic trace in the engine's batches lays out as the whole trace", () => {
  const trace = synthTrace(400, 4_000);
  const want = snapshot(layout(trace));
  assert.deepEqual(snapshot(inBatches(trace, 500, true)), want);
  assert.deepEqual(snapshot(inBatches(trace, 500, false)), want);
  assert.deepEqual(snapshot(inBatches(trace, 37, true)), want);
});
