// The engine's Web Worker: loads the Go runtime glue and the wasm once,
// then runs scripts through globalThis.luaplay (see wasm/bridge_js.go),
// each under its run id, so several go on at once when the page asks (the
// embedded examples of a page share this worker). A busy script pauses
// every 50 ms (luamod/pause_js.go), so a cancel message is handled promptly.

import { crashReason, keepStderr } from "./crash";
import { maxHeld, Outbox } from "./outbox";
import { cancelledResult, type FromWorker, type ToWorker } from "./protocol";

/** The wasm's size in bytes, set by cmd/sitebuild, for load progress. */
declare const __WASM_BYTES__: number | undefined;

/** Go's JavaScript glue (wasm_exec.js). */
declare class Go {
  importObject: WebAssembly.Imports;
  run(instance: WebAssembly.Instance): Promise<void>;
  /** exit is called with the program's exit code (2 after a fatal error). */
  exit(code: number): void;
}

/** The bridge that the Go program installs. */
interface Luaplay {
  /** When onBatch returns a Promise, the engine waits until it settles. */
  run(source: string, options: string, onBatch: (batch: Uint8Array) => Promise<void> | undefined, key: number): Promise<string>;
  cancel(key: number): boolean;
  chromeTrace(trace: string): Promise<string>;
  /** Batches' buffers handed back (the page has decoded them), for later batches to go out in. */
  buffers: ArrayBuffer[];
}

const scope = self as unknown as DedicatedWorkerGlobalScope;
// A worker started from another origin's bootstrap (embed.ts) has had the
// glue imported by absolute URL already.
if (typeof (globalThis as { Go?: unknown }).Go !== "function") scope.importScripts("wasm_exec.js");
const goStderr = keepStderr();

let engine: Promise<Luaplay> | undefined;
let bridge: Luaplay | undefined; // the engine, once loaded
const running = new Set<number>(); // the runs the engine is executing
const cancelledEarly = new Set<number>(); // runs cancelled before they started

// Flow control: a run's batches that the page has not acknowledged yet.
// Past maxUnacked the engine waits (its onBatch returns a Promise) until
// the page is down to resumeUnacked: a run that makes events faster than
// the page can draw them (a ping-pong) would otherwise queue messages
// without end, and Stop, the run's end and the page itself would wait
// behind them.
// The outbox holds half the window at most, so one flush never fills it.
const maxUnacked = 2 * maxHeld;
const resumeUnacked = 8;
const unacked = new Map<number, { n: number; resume?: () => void }>();

/** sent counts a batch of run id; it returns a Promise when the engine must wait. */
function sent(id: number): Promise<void> | undefined {
  const u = unacked.get(id);
  if (!u) return undefined;
  u.n++;
  if (u.n <= maxUnacked) return undefined;
  return new Promise((resolve) => (u.resume = resolve));
}

/** keepBuffer hands a batch's buffer back to the engine for a later
 * batch, unless as many wait already as batches can be in flight, or it
 * is larger than most batches need (a run whose output lines are long). */
function keepBuffer(buffer: ArrayBuffer): void {
  if (bridge && bridge.buffers.length < maxUnacked && buffer.byteLength <= maxKeptBuffer) bridge.buffers.push(buffer);
}

const maxKeptBuffer = 1 << 20;

function acked(id: number): void {
  const u = unacked.get(id);
  if (!u) return;
  u.n = Math.max(0, u.n - 1);
  if (u.resume && u.n <= resumeUnacked) {
    u.resume();
    u.resume = undefined;
  }
}

function post(msg: FromWorker, transfer: Transferable[] = []): void {
  scope.postMessage(msg, transfer);
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

scope.onmessage = (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  switch (m.type) {
    case "init":
      engine ??= start(m.wasmURL, m.module);
      break;
    case "run":
      void run(m.id, m.source, JSON.stringify(m.options ?? {}), m.hang === true);
      break;
    case "cancel":
      if (running.has(m.id)) bridge?.cancel(m.id);
      else cancelledEarly.add(m.id);
      break;
    case "ack":
      acked(m.id);
      if (m.buffer) keepBuffer(m.buffer);
      break;
    case "chromeTrace":
      void convert(m.id, m.trace);
      break;
  }
};

/** start instantiates the engine and starts the Go program. */
async function start(wasmURL: string, module?: WebAssembly.Module): Promise<Luaplay> {
  const t0 = performance.now();
  try {
    const go = new Go();
    let instance: WebAssembly.Instance;
    if (module) {
      instance = await WebAssembly.instantiate(module, go.importObject);
    } else {
      ({ instance, module } = await compile(wasmURL, go.importObject));
    }
    let exitCode: number | undefined;
    const exit = go.exit;
    go.exit = (code) => {
      exitCode = code;
      exit(code);
    };
    go.run(instance).then(
      () => post({ type: "exited", message: crashReason(goStderr(), exitCode) }),
      (err) => post({ type: "exited", message: message(err) }),
    );
    const lp = (globalThis as { luaplay?: Luaplay }).luaplay;
    if (!lp) throw new Error("the engine did not install globalThis.luaplay");
    bridge = lp;
    post({ type: "ready", ms: Math.round(performance.now() - t0), module });
    return lp;
  } catch (err) {
    post({ type: "loadFailed", message: message(err) });
    throw err;
  }
}

/**
 * compile fetches and compiles the wasm while it downloads. The server's
 * Content-Type is not trusted: when it is not application/wasm the body is
 * re-wrapped with the right type, so streaming compilation still works.
 * Without instantiateStreaming the whole body is read first.
 */
async function compile(url: string, imports: WebAssembly.Imports): Promise<WebAssembly.WebAssemblyInstantiatedSource> {
  const res = await fetch(url);
  if (!res.ok || !res.body) throw new Error(`loading ${url}: HTTP ${res.status}`);
  const total = typeof __WASM_BYTES__ === "number" ? __WASM_BYTES__ : contentLength(res);
  const [forEngine, forProgress] = res.body.tee();
  void countProgress(forProgress, total);
  const wasm = new Response(forEngine, { headers: { "Content-Type": "application/wasm" } });
  if (typeof WebAssembly.instantiateStreaming === "function") {
    return WebAssembly.instantiateStreaming(wasm, imports);
  }
  return WebAssembly.instantiate(await wasm.arrayBuffer(), imports);
}

/** contentLength is the body's size when it is sent uncompressed, else 0. */
function contentLength(res: Response): number {
  if (res.headers.get("Content-Encoding")) return 0;
  return Number(res.headers.get("Content-Length")) || 0;
}

/** countProgress reads a copy of the body and reports every percent. */
async function countProgress(body: ReadableStream<Uint8Array>, total: number): Promise<void> {
  const reader = body.getReader();
  let loaded = 0;
  let reported = -1;
  post({ type: "progress", loaded, total });
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    loaded += value.byteLength;
    const step = total > 0 ? Math.floor((100 * loaded) / total) : Math.floor(loaded / 65536);
    if (step !== reported) {
      reported = step;
      post({ type: "progress", loaded, total });
    }
  }
}

/** run runs one script under its id. */
async function run(id: number, source: string, options: string, hang: boolean): Promise<void> {
  if (hang) spin(30_000);
  let lp: Luaplay;
  try {
    if (!engine) throw new Error("the engine was not initialised");
    lp = await engine;
  } catch (err) {
    post({ type: "runFailed", id, message: `the engine is not loaded: ${message(err)}` });
    return;
  }
  if (cancelledEarly.delete(id)) {
    post({ type: "result", id, result: JSON.stringify(cancelledResult("run cancelled")) });
    return;
  }
  running.add(id);
  unacked.set(id, { n: 0 });
  // A batch goes to the page as the engine encoded it, its buffer
  // transferred: decoding it here would hold up the engine, which
  // shares this thread, and copying the decoded objects too. It goes
  // once the engine lets the event loop run (outbox.ts).
  const batches = new Outbox<Uint8Array>((bytes) => post({ type: "batch", id, bytes }, [bytes.buffer]));
  try {
    const result = await lp.run(source, options, (bytes) => {
      batches.add(bytes);
      return sent(id);
    }, id);
    batches.flush();
    post({ type: "result", id, result });
  } catch (err) {
    batches.flush();
    post({ type: "runFailed", id, message: message(err) });
  } finally {
    running.delete(id);
    unacked.delete(id);
  }
}

/** convert answers a chromeTrace request; it may run beside a script. */
async function convert(id: number, trace: string): Promise<void> {
  try {
    if (!engine) throw new Error("the engine was not initialised");
    const json = await (await engine).chromeTrace(trace);
    post({ type: "chromeTraceDone", id, json });
  } catch (err) {
    post({ type: "chromeTraceDone", id, error: message(err) });
  }
}

/** spin blocks this thread, as an engine that never yields would (test hook). */
function spin(ms: number): void {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    // busy on purpose
  }
}
