// The status line: the run's state and its numbers (goroutines created,
// peak alive, run-clock and wall time, speedup), live while it runs.

import { count, formatMicros, numbers, outcome, type RunState, type RunSummary } from "./outcome";
import type { LoadState } from "./runner";
import type { TraceEvent } from "./trace";

export { formatMicros, outcome, type RunState, type RunSummary } from "./outcome";

/** Stats is the status line component. */
export interface Stats {
  dom: HTMLElement;
  /** start shows a run as running, with counts from zero; while the
   * engine is still loading it says the run waits for it instead. */
  start(engineLoaded: boolean): void;
  /** observe updates the live counts from a batch of trace events. */
  observe(events: readonly TraceEvent[]): void;
  /** finish shows a run's outcome and its final numbers; it returns the new state. */
  finish(result: RunSummary): RunState;
  /** fail shows an outcome without numbers, e.g. the runtime could not start. */
  fail(message: string): void;
  /** engine shows the engine's loading: in words while idle, and a waiting
   * run starts its clock once the engine is ready. */
  engine(s: LoadState): void;
  /** clear forgets the last run (its code was replaced) and shows idle;
   * a run going on is being abandoned. */
  clear(): void;
  readonly state: RunState;
  update(): void;
  destroy(): void;
}

const HINT = "Ctrl+Enter runs, Escape stops";

/** createStats builds an idle status line. */
export function createStats(): Stats {
  const dom = document.createElement("div");
  dom.className = "lp-stats";
  const state = document.createElement("span");
  state.className = "lp-stats-state";
  state.setAttribute("role", "status");
  const nums = document.createElement("span");
  nums.className = "lp-stats-numbers";
  nums.title =
    "speedup: how much longer the same work would take one goroutine after another " +
    "(each goroutine's lifetime less its waits on other goroutines, summed, over the run clock)";
  dom.append(state, nums);

  let current: RunState = "idle";
  let alive = 0;
  let created = 0;
  let peak = 0;
  let clock = 0;
  let began = 0;
  let waiting = false; // a run waits for the engine to load
  let load: LoadState = { phase: "ready", ms: 0 };

  function show(s: RunState, label: string, text: string) {
    current = s;
    dom.dataset.state = s;
    state.textContent = label;
    nums.textContent = text;
  }
  const live = () =>
    `${count(created, "goroutine")} · peak ${peak} alive · run clock ${formatMicros(clock)} · ` +
    `wall ${formatMicros((performance.now() - began) * 1000)}`;
  const percent = () =>
    load.phase === "loading" && load.total > 0 ? ` ${Math.floor(Math.min(1, load.loaded / load.total) * 100)}%` : "";
  const loading = () => `Loading the engine…${percent()}`;
  const waitingLabel = () => `Waiting for the engine to load…${percent()}`;
  function idle() {
    if (load.phase === "loading") show("idle", loading(), "You can write code meanwhile; Run starts it once the engine is ready");
    else if (load.phase === "failed") show("failed", "The engine failed to load", load.message);
    else show("idle", "Idle", HINT);
  }
  function begin() {
    waiting = false;
    began = performance.now();
    show("running", "Running…", live());
  }

  idle();
  return {
    dom,
    get state() {
      return current;
    },
    start(engineLoaded) {
      alive = created = peak = clock = 0;
      if (engineLoaded) return begin();
      waiting = true;
      show("running", waitingLabel(), "the run starts as soon as it has loaded");
    },
    observe(events) {
      for (const e of events) {
        if (e.k === "spawn") {
          created++;
          alive++;
          peak = Math.max(peak, alive);
        } else if (e.k === "end") {
          alive--;
        }
        clock = Math.max(clock, e.t);
      }
      if (current === "running" && !waiting) nums.textContent = live();
    },
    finish(r) {
      waiting = false;
      const o = outcome(r);
      show(o.state, o.label, numbers(r.stats));
      return o.state;
    },
    fail(message) {
      waiting = false;
      show("failed", `Failed: ${message}`, "");
    },
    engine(s) {
      load = s;
      if (current === "running" && waiting) {
        if (s.phase === "ready") begin();
        else if (s.phase === "loading") state.textContent = waitingLabel();
      } else if (current === "idle" || (s.phase === "failed" && current !== "running")) {
        idle();
      }
    },
    clear() {
      waiting = false;
      idle();
    },
    update() {
      if (current === "running" && !waiting) nums.textContent = live();
    },
    destroy() {
      dom.remove();
    },
  };
}
