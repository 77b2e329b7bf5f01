// The messages between the page (runner.ts) and the engine's Web Worker
// (worker.ts). Results cross as JSON strings made by the Go bridge
// (wasm/bridge_js.go), forwarded without parsing; output and events cross
// in the bridge's compact encoding, forwarded as bytes, which the page
// decodes (batchcodec.ts).

import type { RunResult, TraceEvent } from "./trace";

/** Run options: the JSON form of luamod.Options (luamod/options.go, the one
 * definition; luamod/options_test.go checks this mirror). Absent means the
 * default; times are milliseconds. */
export interface RunOptions {
  realTime?: boolean;
  seed?: number;
  wallTimeoutMs?: number;
  /** Run-clock time the other goroutines get once main has ended. */
  gracePeriodMs?: number;
  maxGoroutines?: number;
  maxOutputBytes?: number;
  maxEvents?: number;
  maxMemory?: number;
  quantum?: number;
  chunkName?: string;
}

/** DEFAULT_WALL_MS is the engine's wall limit when wallTimeoutMs is absent (luamod.DefaultWallTimeout). */
export const DEFAULT_WALL_MS = 10_000;

export type Stream = "stdout" | "stderr";

/** Text written to one stream (luamod.OutputChunk, wasm/batchcodec.go): g is the goroutine
 * that wrote it (0 or absent: the run's own report), t the run clock (µs). */
export interface OutputChunk {
  stream: Stream;
  text: string;
  g?: number;
  t?: number;
}

/** What a run produced since the previous batch. */
export interface Batch {
  output?: OutputChunk[];
  events?: TraceEvent[];
}

/** Messages from the page to the worker. */
export type ToWorker =
  /** Load the engine: compile wasmURL, or instantiate module when a previous worker compiled it. */
  | { type: "init"; wasmURL: string; module?: WebAssembly.Module }
  /** Run source; hang is a test hook: the worker spins in JavaScript and never answers. */
  | { type: "run"; id: number; source: string; options: RunOptions; hang?: boolean }
  | { type: "cancel"; id: number }
  /** The page has handled a batch of run id (the worker's flow control);
   * buffer is the batch's, handed back for a later batch to go out in. */
  | { type: "ack"; id: number; buffer?: ArrayBuffer }
  /** Convert a trace (the JSON of a Trace) to the Chrome trace-event format. */
  | { type: "chromeTrace"; id: number; trace: string };

/** Messages from the worker to the page. */
export type FromWorker =
  /** Bytes of the wasm downloaded so far; total is 0 when unknown. */
  | { type: "progress"; loaded: number; total: number }
  /** The engine is ready; module can start the next worker without compiling. */
  | { type: "ready"; ms: number; module: WebAssembly.Module }
  | { type: "loadFailed"; message: string }
  /** A batch's bytes as the engine encoded them (batchcodec.ts decodes them). */
  | { type: "batch"; id: number; bytes: Uint8Array }
  /** result is the JSON of a RunResult. */
  | { type: "result"; id: number; result: string }
  /** The run could not start (bad options, engine not loaded). */
  | { type: "runFailed"; id: number; message: string }
  /** The answer to chromeTrace: json, or error when the conversion failed. */
  | { type: "chromeTraceDone"; id: number; json?: string; error?: string }
  /** The Go program ended: this worker can run nothing more. */
  | { type: "exited"; message: string };

/** cancelledResult is the result of a run stopped before the engine could report one. */
export function cancelledResult(error: string): RunResult {
  return {
    status: "cancelled",
    error,
    stats: { goroutines: 0, peakAlive: 0, clock: 0, wall: 0, speedup: 1, events: 0, output: 0 },
  };
}
