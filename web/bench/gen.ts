// A synthetic trace shaped like the engine's: many goroutines that run,
// send on channels, sleep and end, in time order. Seeded, so every bench
// run measures the same input.

import type { TraceEvent } from "../src/trace";

/** rng is a small seeded generator (mulberry32); the share-link fuzz test uses it too. */
export function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** synthTrace makes about `events` events over `lanes` goroutines. */
export function synthTrace(lanes: number, events: number, seed = 1): TraceEvent[] {
  const rand = rng(seed);
  const perLane = Math.max(6, Math.floor(events / lanes));
  const out: TraceEvent[] = [{ t: 0, k: "spawn", g: 1, name: "main" }, { t: 0, k: "start", g: 1 }];
  for (let g = 2; g <= lanes; g++) {
    let t = Math.floor(rand() * 1000) + g;
    const group = g % 5 === 0 ? `pool p${g % 7}` : "";
    out.push({ t, k: "spawn", g, o: 1, line: 3, ...(group ? { group, name: `w${g}` } : {}) });
    t += 1 + Math.floor(rand() * 50);
    out.push({ t, k: "start", g });
    let n = 2;
    while (n < perLane - 1) {
      t += 1 + Math.floor(rand() * 200);
      const sleep = rand() < 0.5;
      if (sleep) out.push({ t, k: "block", g, line: 7, reason: "sleep" });
      else out.push({ t, k: "block", g, line: 9, reason: "chan send", obj: `chan ${g % 13}` });
      t += 1 + Math.floor(rand() * 5000);
      out.push(sleep ? { t, k: "unblock", g } : { t, k: "unblock", g, o: 1 + ((g * 7) % lanes) });
      t += Math.floor(rand() * 30);
      out.push({ t, k: "run", g });
      n += 3;
    }
    t += 1 + Math.floor(rand() * 100);
    out.push({ t, k: "end", g, status: "ok" });
  }
  const last = out.reduce((m, e) => Math.max(m, e.t), 0);
  out.push({ t: last + 10, k: "end", g: 1, status: "ok" });
  return out.sort((a, b) => a.t - b.t);
}
