// Traces of real runs for the TypeScript tests: the golden files that
// luamod's TestGoldenTraces writes from luamod/testdata/traces/*.lua and
// checks natively and under GOOS=js. A change in the engine's timing is one
// `go test ./luamod -run TestGoldenTraces -update`; tests read times from
// the trace with `at` instead of writing them down.

import { readFileSync } from "node:fs";
import type { EventKind, TraceEvent } from "../src/trace";

/** goldenTrace reads the trace of luamod/testdata/traces/NAME.golden. */
export function goldenTrace(name: string): TraceEvent[] {
  const text = readFileSync(`luamod/testdata/traces/${name}.golden`, "utf8");
  const start = text.indexOf("--- trace\n");
  if (start < 0) throw new Error(`${name}.golden has no trace`);
  return text.slice(start + "--- trace\n".length).trim().split("\n").map((line) => JSON.parse(line) as TraceEvent);
}

/** timesOf returns at(g, kind, n): the time of the n-th (from 0) event of
 * kind about goroutine g in trace; it throws when there is none. */
export function timesOf(trace: readonly TraceEvent[]): (g: number, kind: EventKind, n?: number) => number {
  return (g, kind, n = 0) => {
    const found = trace.filter((e) => e.g === g && e.k === kind);
    if (n >= found.length) throw new Error(`no ${kind} #${n} of g${g} in the trace`);
    return found[n].t;
  };
}
