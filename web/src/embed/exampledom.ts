// The elements of one embedded example, built into its shadow root: a
// heading, the code in a text area, Run, Stop, a status, "Open in
// playground", the output log and, with data-timeline, a timeline.
// Text reaches the DOM through textContent only.

import { createOutput, type Output } from "../output";
import { createTimeline, type Timeline } from "../timeline/index";
import type { Trace } from "../trace";

/** CHUNK is the script's name in the engine's messages. */
export const CHUNK = "main.lua";

/** ExampleDom is what example.ts wires up. */
export interface ExampleDom {
  section: HTMLElement;
  code: HTMLTextAreaElement;
  run: HTMLButtonElement;
  stop: HTMLButtonElement;
  status: HTMLElement;
  open: HTMLAnchorElement;
  output: Output;
  timeline: Timeline | null;
  /** fit sizes the text area to its lines. */
  fit(): void;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, text = ""): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = cls;
  if (text) e.textContent = text;
  return e;
}

/** buildExampleDom builds the example for pre (its data- attributes,
 * with title a name for it) around the shown code, into root;
 * exportTrace converts the timeline's trace for its Export trace. */
export function buildExampleDom(root: ShadowRoot, pre: HTMLElement, title: string, shown: string,
  exportTrace: (trace: Trace) => Promise<string>): ExampleDom {
  const section = el("section", "lpe");
  section.setAttribute("aria-label", pre.dataset.title ? title : `${title} (Lua)`);
  const code = el("textarea", "lpe-code");
  code.value = shown;
  code.spellcheck = false;
  code.readOnly = pre.hasAttribute("data-readonly");
  code.setAttribute("aria-label", `Code of ${title}`);
  code.setAttribute("autocapitalize", "off");
  const fit = () => void (code.rows = Math.max(2, code.value.split("\n").length));
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
  bar.append(run, stop, status, open);
  const output = createOutput({ chunkName: CHUNK, onLine: (n) => selectLine(code, n) });
  output.dom.setAttribute("aria-label", `Output of ${title}`);
  output.dom.hidden = true;
  section.append(el("div", "lpe-head", title), code, bar, output.dom);
  let timeline: Timeline | null = null;
  if (pre.hasAttribute("data-timeline")) {
    timeline = createTimeline(document, { maxHeight: 220, styleRoot: root, onExportTrace: exportTrace });
    timeline.dom.hidden = true;
    section.append(timeline.dom);
  }
  return { section, code, run, stop, status, open, output, timeline, fit };
}

/** selectLine selects line n (1-based) of the text area and focuses it. */
function selectLine(code: HTMLTextAreaElement, n: number) {
  const lines = code.value.split("\n");
  const line = Math.min(Math.max(1, n), lines.length);
  const from = lines.slice(0, line - 1).reduce((at, l) => at + l.length + 1, 0);
  code.focus();
  code.setSelectionRange(from, from + lines[line - 1].length);
}
