// The page's handle on the engine: starts the Web Worker, reports its load
// progress, runs scripts (one at a time, or several at once for the
// embedded examples of a page) and stops them. A worker that does not
// answer a cancel within a second is terminated and replaced, without a
// page reload.

import { EngineCrash, STUCK_GRACE_MS, stuckResult } from "./crash";
import { cancelledResult, DEFAULT_WALL_MS, type Batch, type FromWorker, type RunOptions, type Stream, type ToWorker } from "./protocol";
import type { RunResult, Trace, TraceEvent } from "./trace";
import { BatchDecoder } from "./batchcodec";
import { startWorker } from "./workerstart";

/** Where the engine is in loading. total is 0 when the size is unknown. */
export type LoadState =
  | { phase: "loading"; loaded: number; total: number }
  | { phase: "ready"; ms: number }
  | { phase: "failed"; message: string };

/** Callbacks of one run, called while it goes on. */
export interface RunHandlers {
  /** onOutput gets text as written, with the goroutine g and run time t (µs) that wrote it. */
  onOutput?(stream: Stream, text: string, at: { g: number; t: number }): void;
  onEvents?(events: TraceEvent[]): void;
}

/**
 * A started run. result resolves with the engine's result, or with status
 * "cancelled" when the engine had to be restarted to stop it; it rejects
 * when the run could not start or the engine failed: with an EngineCrash
 * when the engine's worker died (a fresh one is already starting).
 */
export interface RunHandle {
  result: Promise<RunResult>;
  cancel(): void;
}

export interface RunnerOptions {
  workerURL?: string; // default "worker.js", relative to the page; may be on another origin
  wasmURL?: string; // default "luaplay.wasm", relative to the worker
  cancelGraceMs?: number; // default 1000
  /** concurrent lets runs go on at once; by default a second run rejects. */
  concurrent?: boolean;
}

interface Current {
  id: number;
  handlers: RunHandlers;
  /** Decodes the run's batches here rather than in the worker, which runs the engine. */
  batches: BatchDecoder;
  resolve(r: RunResult): void;
  reject(err: Error): void;
  timer?: ReturnType<typeof setTimeout>;
  wallTimer?: ReturnType<typeof setTimeout>; // guardWall's
}

export class Runner {
  private worker!: Worker;
  private module?: WebAssembly.Module;
  private state: LoadState = { phase: "loading", loaded: 0, total: 0 };
  private listeners = new Set<(s: LoadState) => void>();
  private runs = new Map<number, Current>();
  private conversions = new Map<number, { resolve(json: string): void; reject(err: Error): void }>();
  private nextId = 1;
  private hangNext = false;
  private nextOptions: RunOptions = {};
  private generation = 0;
  private opts: Required<RunnerOptions>;

  constructor(opts: RunnerOptions = {}) {
    this.opts = { workerURL: "worker.js", wasmURL: "luaplay.wasm", cancelGraceMs: 1000, concurrent: false, ...opts };
    this.spawn();
  }

  /** loadState is where the engine is in loading. */
  get loadState(): LoadState {
    return this.state;
  }

  /** onLoadState calls fn now and on every change; it returns the unsubscribe. */
  onLoadState(fn: (s: LoadState) => void): () => void {
    this.listeners.add(fn);
    fn(this.state);
    return () => this.listeners.delete(fn);
  }

  /** ready resolves once the engine has loaded, or rejects if it failed to. */
  ready(): Promise<void> {
    return new Promise((resolve, reject) => {
      const off = this.onLoadState((s) => {
        if (s.phase === "loading") return;
        queueMicrotask(() => off());
        if (s.phase === "ready") resolve();
        else reject(new Error(s.message));
      });
    });
  }

  /** busy tells whether a run is going on. */
  get busy(): boolean {
    return this.runs.size > 0;
  }

  /** workerGeneration counts the workers started so far (1 until a restart). */
  get workerGeneration(): number {
    return this.generation;
  }

  /** hangNextRun is a test hook: the next run's worker never answers, as a stuck engine would not. */
  hangNextRun(): void {
    this.hangNext = true;
  }

  /** setCancelGrace is a test hook: how long Stop waits for the engine
   * before restarting it. A test on a busy machine waits longer, to see
   * the engine answer Stop by itself. */
  setCancelGrace(ms: number): void {
    this.opts = { ...this.opts, cancelGraceMs: ms };
  }

  /** overrideNextRun is a test hook: options merged into the next run's,
   * such as limits the page itself never sets. */
  overrideNextRun(options: RunOptions): void {
    this.nextOptions = options;
  }

  /** run starts source; unless the runner is concurrent, a run already
   * going makes the result reject. */
  run(source: string, options: RunOptions = {}, handlers: RunHandlers = {}): RunHandle {
    if (this.busy && !this.opts.concurrent) {
      return { result: Promise.reject(new Error("a run is already going")), cancel: () => {} };
    }
    const id = this.nextId++;
    const result = new Promise<RunResult>((resolve, reject) => {
      this.runs.set(id, { id, handlers, batches: new BatchDecoder(), resolve, reject });
    });
    const hang = this.hangNext;
    this.hangNext = false;
    options = { ...options, ...this.nextOptions };
    this.nextOptions = {};
    this.send({ type: "run", id, source, options, hang });
    this.guardWall(id, options.wallTimeoutMs ?? DEFAULT_WALL_MS);
    return { result, cancel: () => this.cancel(id) };
  }

  /** chromeTrace converts trace to the Chrome trace-event format (JSON), for Perfetto and chrome://tracing. */
  chromeTrace(trace: Trace): Promise<string> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.conversions.set(id, { resolve, reject });
      this.send({ type: "chromeTrace", id, trace: JSON.stringify(trace) });
    });
  }

  /** dispose stops the worker; a run or conversion going on rejects. */
  dispose(): void {
    this.worker.terminate();
    this.failAll(new Error("the runner was disposed"));
  }

  /** failAll rejects everything the current worker was asked for. */
  private failAll(err: Error): void {
    for (const id of [...this.runs.keys()]) this.finish(id, (c) => c.reject(err));
    for (const conv of this.conversions.values()) conv.reject(err);
    this.conversions.clear();
  }

  /** guardWall ends run id when its result has not come a second after
   * its wall limit: the engine cannot interrupt one Lua instruction
   * (t[2^26-1] = 1 fills 67M slots), so the worker is replaced. The time
   * counts from when the engine is ready: a run sent while it loads waits. */
  private guardWall(id: number, wallMs: number): void {
    const arm = () => {
      const c = this.runs.get(id);
      if (!c) return;
      c.wallTimer = setTimeout(() => this.abandon(id, stuckResult(wallMs)), wallMs + STUCK_GRACE_MS);
    };
    if (this.state.phase === "ready") return arm();
    const off = this.onLoadState((s) => {
      if (s.phase === "loading") return;
      queueMicrotask(() => off());
      if (s.phase === "ready") arm();
    });
  }

  private cancel(id: number): void {
    const c = this.runs.get(id);
    if (!c || c.timer !== undefined) return;
    this.send({ type: "cancel", id });
    const result = cancelledResult("run cancelled: the engine did not stop in time and was restarted");
    c.timer = setTimeout(() => this.abandon(id, result), this.opts.cancelGraceMs);
  }

  /** abandon ends run id with result and replaces the worker stuck in it. */
  private abandon(id: number, result: RunResult): void {
    this.finish(id, (cur) => cur.resolve(result));
    this.restart();
    this.failAll(new Error("the engine was restarted to stop another run"));
  }

  private send(msg: ToWorker, transfer: Transferable[] = []): void {
    this.worker.postMessage(msg, transfer);
  }

  private setState(s: LoadState): void {
    this.state = s;
    for (const fn of this.listeners) fn(s);
  }

  /** finish ends run id with settle. */
  private finish(id: number, settle: (c: Current) => void): void {
    const c = this.runs.get(id);
    if (!c) return;
    this.runs.delete(id);
    clearTimeout(c.timer);
    clearTimeout(c.wallTimer);
    settle(c);
  }

  private spawn(): void {
    const worker = startWorker(this.opts.workerURL);
    this.worker = worker;
    this.generation++;
    worker.onmessage = (e: MessageEvent<FromWorker>) => {
      if (worker === this.worker) this.receive(e.data);
    };
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      if (worker === this.worker) this.crashed(e.message || "the engine's worker failed");
    };
    this.setState({ phase: "loading", loaded: 0, total: 0 });
    const wasmURL = new URL(this.opts.wasmURL, new URL(this.opts.workerURL, location.href)).href;
    this.send({ type: "init", wasmURL, module: this.module });
  }

  private restart(): void {
    this.worker.terminate();
    for (const conv of this.conversions.values()) conv.reject(new Error("the engine was restarted"));
    this.conversions.clear();
    this.spawn();
  }

  /** crashed replaces a worker whose engine died and fails what it had
   * with an EngineCrash. */
  private crashed(message: string): void {
    if (this.state.phase !== "ready") {
      // Dying while loading would die again: report it instead of looping.
      this.worker.terminate();
      this.setState({ phase: "failed", message });
      this.failAll(new Error(`the engine failed to load: ${message}`));
      return;
    }
    this.restart();
    this.failAll(new EngineCrash(message));
  }

  /** decode hands the bytes of one of c's batches to its handlers. Bytes
   * that are not a batch stop the run and fail it. */
  private decode(c: Current, bytes: Uint8Array): void {
    let batch: Batch;
    try {
      batch = c.batches.decode(bytes);
    } catch (err) {
      this.send({ type: "cancel", id: c.id });
      this.finish(c.id, (cur) => cur.reject(err instanceof Error ? err : new Error(String(err))));
      return;
    }
    deliver(batch, c.handlers);
  }

  private receive(m: FromWorker): void {
    switch (m.type) {
      case "progress":
        this.setState({ phase: "loading", loaded: m.loaded, total: m.total });
        break;
      case "ready":
        this.module = m.module;
        this.setState({ phase: "ready", ms: m.ms });
        break;
      case "loadFailed":
        this.setState({ phase: "failed", message: m.message });
        break;
      case "batch": {
        const c = this.runs.get(m.id);
        if (c) this.decode(c, m.bytes);
        // Acknowledged once handled, known run or not: the worker holds
        // the run back while too many are outstanding. The decoded batch
        // keeps nothing of its bytes, so their buffer goes back with the
        // ack: the engine sends a later batch in it rather than making a
        // new one, which took up to 0.1 ms in Chromium's worker.
        const buffer = m.bytes.buffer as ArrayBuffer;
        this.send({ type: "ack", id: m.id, buffer }, [buffer]);
        break;
      }
      case "result":
        this.finish(m.id, (c) => c.resolve(JSON.parse(m.result) as RunResult));
        break;
      case "runFailed":
        this.finish(m.id, (c) => c.reject(new Error(m.message)));
        break;
      case "chromeTraceDone": {
        const conv = this.conversions.get(m.id);
        this.conversions.delete(m.id);
        if (m.json !== undefined) conv?.resolve(m.json);
        else conv?.reject(new Error(m.error ?? "chromeTrace failed"));
        break;
      }
      case "exited":
        this.crashed(m.message);
        break;
    }
  }
}

function deliver(batch: Batch, h: RunHandlers): void {
  for (const chunk of batch.output ?? []) h.onOutput?.(chunk.stream, chunk.text, { g: chunk.g ?? 0, t: chunk.t ?? 0 });
  if (batch.events?.length) h.onEvents?.(batch.events);
}
