// One embedded example: the reader's code in a text area, Run and Stop,
// the output as a log, an optional small timeline and a link that opens
// the code in the playground. It lives in a shadow root, so the host
// page's CSS and its own never meet.

import { defaultOptions } from "../options";
import { createOutput } from "../output";
import type { RunOptions } from "../protocol";
import type { RunHandle, RunHandlers } from "../runner";
import { encodeShare } from "../share";
import { formatMicros, outcome } from "../stats";
import { createTimeline, type Timeline } from "../timeline/index";
import type { RunResult } from "../trace";
import { joinHidden, shownLines, splitHidden, type Joined } from "./hidden";

/** Engine is what an example needs from the page's one shared engine. */
export interface Engine {
  run(source: string, options: RunOptions, handlers: RunHandlers): RunHandle;
  /** loading says, while the engine loads, how far it is ("" once ready). */
  onLoading(fn: (text: string) => void): () => void;
}

/** ExampleSetup is what the embed script found about one <pre>. */
export interface ExampleSetup {
  pre: HTMLElement;
  index: number; // 1-based position on the page
  stylesheet: string; // embed.css, by absolute URL
  playground: string; // the playground page, by absolute URL
  engine: Engine;
}

const CHUNK = "main.lua";

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, text = ""): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = cls;
  if (text) e.textContent = text;
  return e;
}

/** mountExample replaces setup.pre by a live example; the <pre> stays,
 * unshown, inside the example's host element. */
export function mountExample(setup: ExampleSetup): HTMLElement {
  const { pre, index } = setup;
  const host = document.createElement("lp-example");
  const root = host.attachShadow({ mode: "open" });
  pre.replaceWith(host);
  host.append(pre);
  // Until the stylesheet is in, the <pre> shows through the slot as it was.
  root.append(document.createElement("slot"));
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = setup.stylesheet;
  link.addEventListener("load", () => build(root, setup, link), { once: true });
  link.addEventListener("error", () => link.remove(), { once: true });
  root.append(link);
  host.dataset.example = String(index);
  return host;
}

function build(root: ShadowRoot, setup: ExampleSetup, link: HTMLLinkElement) {
  const { pre, index, engine } = setup;
  const title = pre.dataset.title?.trim() || pre.title.trim() || `Example ${index}`;
  const hidden = splitHidden((pre.textContent ?? "").replace(/\n$/, ""));
  const section = el("section", "lpe");
  section.setAttribute("aria-label", pre.dataset.title ? title : `${title} (Lua)`);
  section.dataset.testid = "lp-embed";
  const head = el("div", "lpe-head", title);
  const code = el("textarea", "lpe-code");
  code.value = hidden.shown;
  code.spellcheck = false;
  code.readOnly = pre.hasAttribute("data-readonly");
  code.setAttribute("aria-label", `Code of ${title}`);
  code.setAttribute("autocapitalize", "off");
  const fit = () => (code.rows = Math.max(2, code.value.split("\n").length));
  fit();
  const bar = el("div", "lpe-bar");
  const run = el("button", "lpe-btn lpe-run", "Run");
  const stop = el("button", "lpe-btn lpe-stop", "Stop");
  for (const b of [run, stop]) b.type = "button";
  const status = el("span", "lpe-status");
  status.setAttribute("role", "status");
  const open = el("a", "lpe-open", "Open in playground");
  open.target = "_blank";
  open.rel = "noopener";
  open.href = setup.playground;
  bar.append(run, stop, status, open);
  const output = createOutput({ chunkName: CHUNK, onLine: (n) => selectLine(code, n) });
  output.dom.setAttribute("aria-label", `Output of ${title}`);
  output.dom.hidden = true;
  section.append(head, code, bar, output.dom);
  let timeline: Timeline | null = null;
  if (pre.hasAttribute("data-timeline")) {
    timeline = createTimeline(document, { maxHeight: 220, styleRoot: root });
    timeline.dom.hidden = true;
    section.append(timeline.dom);
  }
  root.replaceChildren(link, section);

  let current: RunHandle | null = null;
  let joined: Joined = joinHidden(code.value, hidden.regions);
  const setRunning = (on: boolean) => {
    section.dataset.state = on ? "running" : "idle";
    run.setAttribute("aria-disabled", String(on));
    stop.setAttribute("aria-disabled", String(!on));
  };
  setRunning(false);
  const refreshLink = async () => {
    const hash = await encodeShare({ code: joinHidden(code.value, hidden.regions).source, options: { ...defaultOptions, virtualTime: !pre.hasAttribute("data-real-time") } });
    open.href = setup.playground + hash;
  };
  void refreshLink();
  code.addEventListener("input", () => {
    fit();
    void refreshLink();
  });

  function start() {
    if (current) return;
    joined = joinHidden(code.value, hidden.regions);
    output.clear();
    output.dom.hidden = false;
    const realTime = pre.hasAttribute("data-real-time");
    timeline?.reset(realTime ? "real" : "virtual");
    const options: RunOptions = { realTime };
    const timeout = Number(pre.dataset.timeout);
    if (timeout > 0) options.wallTimeoutMs = Math.round(timeout);
    const off = engine.onLoading((text) => (status.textContent = text || "Running…"));
    const handle = engine.run(joined.source, options, {
      onOutput: (stream, text) => output.append(stream, shownLines(text, CHUNK, joined)),
      onEvents: (events) => timeline?.append(events),
    });
    current = handle;
    setRunning(true);
    const end = (label: string) => {
      off();
      if (current !== handle) return;
      current = null;
      setRunning(false);
      status.textContent = label;
      output.update();
      if (timeline) {
        timeline.dom.hidden = false;
        timeline.update();
      }
    };
    handle.result.then(
      (r) => end(summary(r)),
      (e: unknown) => end(`Failed: ${e instanceof Error ? e.message : String(e)}`),
    );
  }
  const stopRun = () => current?.cancel();
  run.addEventListener("click", () => start());
  stop.addEventListener("click", stopRun);
  code.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      start();
    } else if (e.key === "Escape" && current) {
      stopRun();
    }
  });
}

/** summary is the status after a run: its outcome and its run clock. */
function summary(r: RunResult): string {
  const label = outcome(r).label;
  return r.status === "ok" ? `${label} · ${formatMicros(r.stats.clock)} of run clock` : label;
}

/** selectLine selects line n (1-based) of the text area and focuses it. */
function selectLine(code: HTMLTextAreaElement, n: number) {
  const lines = code.value.split("\n");
  const line = Math.min(Math.max(1, n), lines.length);
  const from = lines.slice(0, line - 1).reduce((at, l) => at + l.length + 1, 0);
  code.focus();
  code.setSelectionRange(from, from + lines[line - 1].length);
}
