// The status line: the run's state and its numbers (goroutines created,
// peak alive, run-clock and wall time, speedup), live while it runs.

import type { RunStats, TraceEvent } from "./trace";

/** RunState is the page's run state; <body data-run-state> carries it too. */
export type RunState = "idle" | "running" | "done" | "failed";

/** RunSummary is the part of a run's result the status line shows. */
export interface RunSummary {
  status: string; // ok, error, deadlock, limit, cancelled
  error?: string;
  stuck?: readonly unknown[];
  stats: Pick<RunStats, "goroutines" | "peakAlive" | "clock" | "wall" | "speedup">;
}

/** Stats is the status line component. */
export interface Stats {
  dom: HTMLElement;
  /** start shows a run as running, with counts from zero. */
  start(): void;
  /** observe updates the live counts from a batch of trace events. */
  observe(events: readonly TraceEvent[]): void;
  /** finish shows a run's outcome and its final numbers; it returns the new state. */
  finish(result: RunSummary): RunState;
  /** fail shows an outcome without numbers, e.g. the runtime could not start. */
  fail(message: string): void;
  readonly state: RunState;
  update(): void;
  destroy(): void;
}

/** formatMicros writes a duration for people: 850 µs, 12.5 ms, 3.20 s. */
export function formatMicros(us: number): string {
  if (us < 1000) return `${Math.round(us)} µs`;
  if (us < 1_000_000) return `${trimZeros((us / 1000).toPrecision(3))} ms`;
  return `${(us / 1_000_000).toFixed(2)} s`;
}

// trimZeros drops the zeros that end a decimal fraction: 12.50 → 12.5, 3.00 → 3.
function trimZeros(n: string): string {
  return n.includes(".") ? n.replace(/0+$/, "").replace(/\.$/, "") : n;
}

/** outcome names a finished run's state and its one-line summary. */
export function outcome(r: RunSummary): { state: RunState; label: string } {
  const leaks = r.stuck?.length ?? 0;
  switch (r.status) {
    case "ok":
      return { state: "done", label: leaks > 0 ? `Done, ${leaks} goroutine${leaks > 1 ? "s" : ""} leaked` : "Done" };
    case "deadlock":
      return { state: "failed", label: "Deadlock" };
    case "cancelled":
      return { state: "failed", label: "Stopped" };
    case "limit":
      return { state: "failed", label: `Limit exceeded: ${r.error ?? ""}`.trim() };
    default:
      return { state: "failed", label: r.error ? `Failed: ${r.error}` : "Failed" };
  }
}

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

  function show(s: RunState, label: string, numbers: string) {
    current = s;
    dom.dataset.state = s;
    state.textContent = label;
    nums.textContent = numbers;
  }
  const live = () =>
    `${created} goroutines · peak ${peak} alive · run clock ${formatMicros(clock)} · wall ${formatMicros((performance.now() - began) * 1000)}`;

  show("idle", "Idle", "Ctrl+Enter runs, Escape stops");
  return {
    dom,
    get state() {
      return current;
    },
    start() {
      alive = created = peak = clock = 0;
      began = performance.now();
      show("running", "Running…", live());
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
      if (current === "running") nums.textContent = live();
    },
    finish(r) {
      const o = outcome(r);
      const s = r.stats;
      show(o.state, o.label,
        `${s.goroutines} goroutines · peak ${s.peakAlive} alive · run clock ${formatMicros(s.clock)} · wall ${formatMicros(s.wall)} · speedup ${s.speedup.toFixed(1)}×`);
      return o.state;
    },
    fail(message) {
      show("failed", `Failed: ${message}`, "");
    },
    update() {
      if (current === "running") nums.textContent = live();
    },
    destroy() {
      dom.remove();
    },
  };
}
