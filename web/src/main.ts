// The page shell: wires the source box, the Run and Stop buttons, the output
// and the run state to the runner. With ?test in the URL it exposes the
// runner as window.__lp for the end-to-end tests.

import type { Stream } from "./protocol";
import { Runner, type LoadState, type RunHandle } from "./runner";
import type { RunResult } from "./trace";

type RunState = "idle" | "running" | "done" | "failed";

function el<T extends HTMLElement>(selector: string): T {
  const found = document.querySelector<T>(selector);
  if (!found) throw new Error(`page is missing ${selector}`);
  return found;
}

const source = el<HTMLTextAreaElement>(".lp-source");
const runButton = el<HTMLButtonElement>(".lp-run");
const stopButton = el<HTMLButtonElement>(".lp-stop");
const status = el<HTMLElement>(".lp-status");
const output = el<HTMLPreElement>(".lp-output");
const load = el<HTMLElement>(".lp-load");
const loadBar = el<HTMLProgressElement>(".lp-load-bar");
const loadText = el<HTMLElement>(".lp-load-text");

const runner = new Runner();
let current: RunHandle | undefined;

function setRunState(state: RunState, text: string): void {
  document.body.dataset.runState = state;
  status.textContent = text;
  runButton.disabled = state === "running";
  stopButton.disabled = state !== "running";
}

/** append adds text to the output, extending the last span of the same stream. */
function append(stream: Stream, text: string): void {
  const last = output.lastElementChild as HTMLElement | null;
  if (last?.dataset.stream === stream) {
    last.textContent += text;
  } else {
    const span = document.createElement("span");
    span.className = `lp-out-${stream}`;
    span.dataset.stream = stream;
    span.textContent = text;
    output.append(span);
  }
  output.scrollTop = output.scrollHeight;
}

function describe(r: RunResult): string {
  const ms = (r.stats.clock / 1000).toFixed(1);
  switch (r.status) {
    case "ok":
      return `Done: ${r.stats.goroutines} goroutines, ${ms} ms run clock${r.stuck?.length ? `, ${r.stuck.length} leaked` : ""}`;
    case "cancelled":
      return "Stopped";
    default:
      return `${r.status === "error" ? "Error" : r.status === "deadlock" ? "Deadlock" : "Limit"}: ${r.error ?? ""}`;
  }
}

async function run(): Promise<void> {
  if (current) return;
  output.replaceChildren();
  setRunState("running", "Running…");
  const handle = runner.run(source.value, {}, { onOutput: append });
  current = handle;
  try {
    const r = await handle.result;
    status.dataset.status = r.status;
    setRunState(r.status === "ok" ? "done" : "failed", describe(r));
  } catch (err) {
    status.dataset.status = "failed";
    setRunState("failed", `Failed: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    current = undefined;
  }
}

function showLoad(s: LoadState): void {
  switch (s.phase) {
    case "loading":
      load.hidden = false;
      if (s.total > 0) loadBar.value = Math.min(1, s.loaded / s.total);
      else loadBar.removeAttribute("value");
      loadText.textContent = s.total > 0 ? `Loading the engine… ${Math.floor((100 * Math.min(s.loaded, s.total)) / s.total)}%` : "Loading the engine…";
      break;
    case "ready":
      load.hidden = true;
      break;
    case "failed":
      load.hidden = false;
      loadBar.hidden = true;
      loadText.className = "lp-load-text lp-load-error";
      loadText.setAttribute("role", "alert");
      loadText.textContent = `The engine failed to load: ${s.message}`;
      break;
  }
}

runButton.addEventListener("click", () => void run());
stopButton.addEventListener("click", () => current?.cancel());
source.addEventListener("keydown", (e) => {
  if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    void run();
  }
});
runner.onLoadState(showLoad);
setRunState("idle", "Idle");

if (new URLSearchParams(location.search).has("test")) {
  (window as unknown as { __lp: { runner: Runner } }).__lp = { runner };
}
