// One embedded example: the reader's code in a text area, Run and Stop,
// the output as a log, an optional small timeline and a link that opens
// the code in the playground (elements: exampledom.ts). It lives in a
// shadow root, so the host page's CSS and its own never meet.

import { defaultOptions } from "../options";
import type { RunOptions } from "../protocol";
import type { RunHandle, RunHandlers } from "../runner";
import { encodeShare } from "../share";
import { formatMicros, outcome } from "../stats";
import type { RunResult, Trace } from "../trace";
import { CHUNK, buildExampleDom, type ExampleDom } from "./exampledom";
import { joinHidden, shownLines, splitHidden, type Hidden } from "./hidden";

/** Engine is what an example needs from the page's one shared engine. */
export interface Engine {
  run(source: string, options: RunOptions, handlers: RunHandlers): RunHandle;
  /** chromeTrace converts a run's trace for the timeline's Export trace. */
  chromeTrace(trace: Trace): Promise<string>;
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
  const { pre, index } = setup;
  const title = pre.dataset.title?.trim() || pre.title.trim() || `Example ${index}`;
  const hidden = splitHidden((pre.textContent ?? "").replace(/\n$/, ""));
  const dom = buildExampleDom(root, pre, title, hidden.shown, (trace) => setup.engine.chromeTrace(trace));
  root.replaceChildren(link, dom.section);
  const ex = new Example(dom, hidden, setup);
  const { code, run, stop } = dom;
  run.addEventListener("click", () => ex.start());
  stop.addEventListener("click", () => ex.stop());
  code.addEventListener("input", () => ex.edited());
  code.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      ex.start();
    } else if (e.key === "Escape") {
      ex.stop();
    }
  });
}

/** Example runs one example's code and shows what happens. */
class Example {
  private current: RunHandle | null = null;

  constructor(private dom: ExampleDom, private hidden: Hidden, private setup: ExampleSetup) {
    this.setRunning(false);
    void this.refreshLink();
  }

  /** source is the code to run: the shown text with the hidden set-up put back. */
  private source() {
    return joinHidden(this.dom.code.value, this.hidden.regions);
  }

  private get realTime(): boolean {
    return this.setup.pre.hasAttribute("data-real-time");
  }

  private setRunning(on: boolean) {
    this.dom.section.dataset.state = on ? "running" : "idle";
    this.dom.run.setAttribute("aria-disabled", String(on));
    this.dom.stop.setAttribute("aria-disabled", String(!on));
  }

  /** refreshLink points "Open in playground" at the code as it is now. */
  private async refreshLink() {
    const hash = await encodeShare({ code: this.source().source, options: { ...defaultOptions, virtualTime: !this.realTime } });
    this.dom.open.href = this.setup.playground + hash;
  }

  edited() {
    this.dom.fit();
    void this.refreshLink();
    this.dom.timeline?.setStale(true); // it shows the code as it was; the next run resets it
  }

  start() {
    if (this.current) return;
    const { output, timeline, status } = this.dom;
    const joined = this.source();
    output.clear();
    output.dom.hidden = false;
    timeline?.setStale(false);
    timeline?.reset(this.realTime ? "real" : "virtual");
    const options: RunOptions = { realTime: this.realTime };
    const timeout = Number(this.setup.pre.dataset.timeout);
    if (timeout > 0) options.wallTimeoutMs = Math.round(timeout);
    const off = this.setup.engine.onLoading((text) => (status.textContent = text || "Running…"));
    const handle = this.setup.engine.run(joined.source, options, {
      onOutput: (stream, text) => output.append(stream, shownLines(text, CHUNK, joined)),
      onEvents: (events) => timeline?.append(events),
    });
    this.current = handle;
    this.setRunning(true);
    handle.result.then(
      (r) => this.end(handle, off, summary(r), r),
      (e: unknown) => this.end(handle, off, `Failed: ${e instanceof Error ? e.message : String(e)}`, null),
    );
  }

  stop() {
    this.current?.cancel();
  }

  private end(handle: RunHandle, off: () => void, label: string, result: RunResult | null) {
    off();
    if (this.current !== handle) return;
    this.current = null;
    this.setRunning(false);
    this.dom.status.textContent = label;
    this.dom.output.update();
    const tl = this.dom.timeline;
    if (tl) {
      tl.end(result);
      tl.dom.hidden = false;
      tl.update();
    }
  }
}

/** summary is the status after a run: its outcome and its run clock. */
function summary(r: RunResult): string {
  const label = outcome(r).label;
  return r.status === "ok" ? `${label} · ${formatMicros(r.stats.clock)} of run clock` : label;
}
