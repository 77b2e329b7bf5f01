// Collapsed groups' columns: what the counting gives (whole-run slots, or
// the view's columns, searched in the group's index when zoomed in, or
// walked while the run goes on) must be, column for column, what a plain
// count of every stretch in the state log gives, on random traces, for
// random groups and views, as the run streams in.

import { test } from "node:test";
import assert from "node:assert/strict";
import type { TraceEvent } from "../src/trace";
import { SLOTS, columnFamilies, zoomedIn } from "../src/timeline/groupstates";
import { groupIndex, indexGroups } from "../src/timeline/groupindex";
import { Layout } from "../src/timeline/layout";
import type { GroupRow } from "../src/timeline/model";
import { STUCK } from "../src/timeline/statelog";
import { rng } from "../bench/gen";

// reference counts each stretch of the group's lanes into the slots from
// the one its start rounds to up to the one before its end's (at least
// one), sums each column's slots and picks stuck if any, else the most.
function reference(l: Layout, row: GroupRow, t0: number, t1: number, cols: number): Int8Array {
  const end = Math.max(l.end, 1), log = l.states;
  const w = zoomedIn(l, t0, t1, cols) ? { t0, t1, n: cols } : { t0: 0, t1: end, n: SLOTS };
  const k = w.n / (w.t1 - w.t0), counts = Array.from({ length: w.n }, () => [0, 0, 0, 0, 0]);
  const add = (code: number, from: number, to: number) => {
    const a = Math.max(0, Math.min(w.n - 1, Math.round((from - w.t0) * k)));
    const b = Math.min(w.n, Math.max(a + 1, Math.round((to - w.t0) * k)));
    for (let s = a; s < b; s++) counts[s][code]++;
  };
  const member = new Set(row.lanes.map((lane) => lane.g));
  for (let i = 0; i < log.length; i++) {
    if (member.has(log.g[i]) && log.to[i] >= w.t0 && log.from[i] <= w.t1) add(log.code[i], log.from[i], log.to[i]);
  }
  for (const g of member) if (log.now[g] >= 0 && log.since[g] <= w.t1) add(log.now[g], log.since[g], Math.max(end, log.since[g]));
  const out = new Int8Array(cols), colT = (t1 - t0) / cols, slotT = (w.t1 - w.t0) / w.n;
  for (let col = 0; col < cols; col++) {
    const ta = t0 + col * colT;
    const s0 = Math.min(w.n, Math.max(0, Math.round((ta - w.t0) / slotT)));
    const s1 = Math.min(w.n, Math.max(s0 + 1, Math.round((ta + colT - w.t0) / slotT)));
    const sum = [0, 0, 0, 0, 0];
    for (let s = s0; s < s1; s++) for (let f = 0; f < 5; f++) sum[f] += counts[s][f];
    const most = sum.reduce((best, x, f) => (x > (best < 0 ? 0 : sum[best]) ? f : best), -1);
    out[col] = sum[STUCK] > 0 ? STUCK : most;
  }
  return out;
}

// randomTrace makes goroutines that run, wait on the clock or on others,
// get preempted, end, get stuck or go on past the end, at integer times
// close enough together that many stretches are shorter than a column.
function randomTrace(rand: () => number, lanes: number, span: number): TraceEvent[] {
  const out: TraceEvent[] = [{ t: 0, k: "spawn", g: 1, name: "main" }, { t: 0, k: "start", g: 1 }];
  const step = () => Math.floor(rand() * rand() * span / 4);
  for (let g = 2; g <= lanes; g++) {
    let t = Math.floor(rand() * span / 2);
    out.push({ t, k: "spawn", g, o: 1, line: 3 }, { t: (t += step()), k: "start", g });
    while (t < span && rand() < 0.9) {
      const r = rand();
      if (r < 0.3) out.push({ t: (t += step()), k: "block", g, reason: rand() < 0.5 ? "sleep" : "chan send", obj: "chan 1" },
        { t: (t += step()), k: "unblock", g }, { t: (t += step()), k: "run", g });
      else if (r < 0.4) out.push({ t: (t += step()), k: "preempt", g }, { t: (t += step()), k: "run", g });
      else out.push({ t: (t += step()), k: "block", g, reason: "chan receive", obj: "chan 2" }, { t: (t += step()), k: "unblock", g });
    }
    const r = rand();
    if (r < 0.4) out.push({ t: (t += step()), k: "end", g, status: "ok" });
    else if (r < 0.6) out.push({ t: (t += step()), k: "block", g, reason: "chan receive", obj: "chan 3" }, { t: span, k: "stuck", g, reason: "chan receive", obj: "chan 3" });
  }
  return out.map((e, i) => ({ e, i })).sort((a, b) => a.e.t - b.e.t || a.i - b.i).map(({ e }) => e);
}

// randomView is a window somewhere around the run, from a whole run wide
// to a few µs, on up to 400 columns.
function randomView(rand: () => number, end: number): [number, number, number] {
  const width = end * 1.2 * 10 ** (-5 * rand() ** 0.7), t0 = -end * 0.1 + rand() * (end * 1.2 - width * 0.5);
  const at = rand() < 0.5 ? Math.round(t0) : t0;
  return [at, at + width, 1 + Math.floor(rand() * 400)];
}

test("a collapsed group's columns are a plain count's, zoomed in or not, as a run streams in", () => {
  const rand = rng(7);
  let zoomed = 0, views = 0;
  for (let trace = 0; trace < 12; trace++) {
    const events = randomTrace(rand, 2 + Math.floor(rand() * 60), 50 + Math.floor(rand() * 5000));
    const l = new Layout();
    for (let at = 0; at < events.length;) {
      const next = at + 1 + Math.floor(rand() * events.length / 2);
      l.append(events.slice(at, next));
      at = next;
      // Three groups indexed together, some lanes in none.
      const parts = [0, 1, 2].map((p) => l.lanes.filter((lane) => lane.g % 4 === p && rand() < 0.9));
      const rows = parts.map((lanes, p): GroupRow => ({ kind: "group", key: `t${trace}-${at}-${p}`, name: "g", lanes, collapsed: true }));
      indexGroups(l, rows);
      for (const row of rows) {
        const ix = groupIndex(l, row);
        const follow = ix.to.next.code.subarray(0, ix.to.n).filter((f) => f >= 0).length;
        assert.equal(ix.firsts.n + follow, ix.to.n, "every stretch is a goroutine's first or follows one");
        for (let v = 0; v < 30; v++) {
          const [t0, t1, cols] = randomView(rand, Math.max(l.end, 1));
          if (zoomedIn(l, t0, t1, cols)) zoomed++;
          views++;
          const want = reference(l, row, t0, t1, cols);
          const where = `trace ${trace} at ${at}, view ${t0}..${t1} on ${cols}`;
          assert.deepEqual(columnFamilies(l, row, t0, t1, cols), want, where);
          assert.deepEqual(columnFamilies(l, row, t0, t1, cols, true), want, `${where}, live`);
        }
      }
    }
  }
  assert.ok(zoomed > views / 3 && zoomed < views, `${zoomed} of ${views} views zoomed in`);
});
