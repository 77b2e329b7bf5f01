// The page's wasm build through its JavaScript bridge under Node, against
// wasmoon and fengari on the same Lua source (coroutines where the peers
// lack goroutines): fib, ping-pong and spawn-like creation. Runs alternate
// between the engine and each peer. Needs dist/ built (./build.sh bench
// builds it). Prints Result lines for cmd/benchreport.

import { performance } from "node:perf_hooks";
import { compare, emit, type Head } from "./result";
import { loadEngine } from "./engine";
import { fengariRunner, peerSources, wasmoon, type LuaRunner } from "./peers";

const quick = process.env.LP_BENCH_QUICK === "1";
const runs = quick ? 2 : 5;
const size = (n: number) => (quick ? Math.max(10, n / 100) : n);

const engine = await loadEngine();
const peers: [string, LuaRunner][] = [["wasmoon", await wasmoon()], ["fengari", fengariRunner()]];

/** The engine's sources, as cmd/luabench/workloads.go writes them. */
const engineSources = {
  fib: peerSources.fib,
  pingpong: (n: number) =>
    `local ping, pong = goroutine.channel(), goroutine.channel()\n` +
    `goroutine.spawn(function() for i = 1, ${n} do pong:send(ping:receive()) end end)\n` +
    `for i = 1, ${n} do ping:send(i); pong:receive() end`,
  spawn: (n: number) =>
    `local wg = goroutine.wait_group()\n` +
    `for i = 1, ${n} do wg:add(1) goroutine.spawn(function() wg:done() end) end\n` +
    `wg:wait()`,
};

const workloads: { name: keyof typeof engineSources; n: number; unit: string; per: number; target?: string }[] = [
  { name: "fib", n: quick ? 20 : 27, unit: "ms", per: 1 },
  { name: "pingpong", n: size(100_000), unit: "µs/round trip", per: 0, target: "ratio ≤ 1 (wasmoon)" },
  { name: "spawn", n: size(10_000), unit: "µs/goroutine", per: 0 },
];

async function timed(per: number, n: number, f: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await f();
  const ms = performance.now() - t0;
  return per === 1 ? ms : (ms * 1000) / n;
}

for (const w of workloads) {
  const src = engineSources[w.name](w.n);
  const opts = { maxEvents: 10 * w.n + 1000, maxGoroutines: w.n + 100, wallTimeoutMs: 600_000 }; // a loaded machine can take more than the default 10 s
  for (const [peer, runPeer] of peers) {
    const head: Head = { env: "node", name: w.name, n: w.n, unit: w.unit, subject: "engine via bridge", baseline: peer };
    if (peer === "wasmoon" && w.target) head.target = w.target;
    const peerSrc = peerSources[w.name](w.n);
    emit(await compare(head, runs,
      () => timed(w.per, w.n, () => engine(src, opts)),
      () => timed(w.per, w.n, () => runPeer(peerSrc))));
  }
}
process.exit(0);
