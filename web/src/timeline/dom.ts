// The timeline's DOM: toolbar, lane controls (filter and groups), a hint on
// how to zoom, the canvas in a scroller with tooltip, zoom hint and stale
// note over it, the legend, the selected lane's totals, and the text
// alternative. Built with createElement and textContent only.

import { keyText, isMac } from "../shortcuts";
import type { Palette } from "./colors";
import { legend } from "./legend";
import { Tooltip } from "./tooltip";

/** Parts are the elements the component updates. */
export interface Parts {
  root: HTMLElement;
  canvas: HTMLCanvasElement;
  stage: HTMLElement;
  /** scroller scrolls the lanes natively; sizer is as tall as all rows. */
  scroller: HTMLElement;
  sizer: HTMLElement;
  tooltip: Tooltip;
  /** wheelHint says how to zoom, over the canvas, after a plain wheel. */
  wheelHint: HTMLElement;
  stale: HTMLElement;
  range: HTMLElement;
  selection: HTMLElement;
  selectionText: HTMLElement;
  filter: HTMLInputElement;
  groups: HTMLElement;
  legend: HTMLDetailsElement;
  details: HTMLElement;
  summary: HTMLElement;
  tableToggle: HTMLButtonElement;
  table: HTMLTableElement;
  buttons: Record<"fit" | "zoomIn" | "zoomOut" | "exportTrace" | "exportPNG" | "shortcuts" | "clearSelection" |
    "collapseAll" | "expandAll", HTMLButtonElement>;
}

let counter = 0;

/** el creates an element with a class and text. */
export function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, cls: string, text = ""): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  if (cls) e.className = cls;
  if (text) e.textContent = text;
  return e;
}

function button(doc: Document, label: string, title: string): HTMLButtonElement {
  const b = el(doc, "button", "lp-tl-button", label);
  b.type = "button";
  b.title = title;
  return b;
}

/** zoomHint is how to zoom on this platform: with a touch screen, or a
 * mouse or touchpad. */
export function zoomHint(mac: boolean, touch: boolean): string {
  return touch ? "Pinch to zoom, drag sideways to move in time, swipe to scroll" :
    `${keyText("Mod", mac)}+wheel or pinch to zoom, drag to move, ? for shortcuts`;
}

/** buildParts creates the timeline's elements. */
export function buildParts(doc: Document, p: Palette): Parts {
  const id = `lp-tl-${++counter}`;
  const mac = isMac(doc.defaultView?.navigator);
  const root = el(doc, "div", "lp-timeline");
  const buttons = {
    fit: button(doc, "Fit", "Show the whole run (0, F or double click)"),
    zoomIn: button(doc, "+", `Zoom in (+ or ${keyText("Mod", mac)}+wheel)`),
    zoomOut: button(doc, "−", `Zoom out (- or ${keyText("Mod", mac)}+wheel)`),
    exportTrace: button(doc, "Export trace", "Download the trace in Chrome Trace Event Format (chrome://tracing, Perfetto)"),
    exportPNG: button(doc, "Export PNG", "Download the timeline and its legend as an image"),
    shortcuts: button(doc, "?", "Keyboard shortcuts (?)"),
    clearSelection: button(doc, "×", "Clear the selected time range (Escape)"),
    collapseAll: button(doc, "Collapse all", "Show each group of lanes as one row"),
    expandAll: button(doc, "Expand all", "Show every lane of every group"),
  };
  buttons.zoomIn.setAttribute("aria-label", "Zoom in");
  buttons.zoomOut.setAttribute("aria-label", "Zoom out");
  buttons.shortcuts.setAttribute("aria-label", "Keyboard shortcuts");
  buttons.shortcuts.setAttribute("aria-keyshortcuts", "?");
  buttons.clearSelection.setAttribute("aria-label", "Clear the selected time range");
  const range = el(doc, "span", "lp-tl-range");
  range.dataset.testid = "timeline-range";
  const selection = el(doc, "span", "lp-tl-selection");
  selection.hidden = true;
  selection.dataset.testid = "timeline-selection";
  const selectionText = el(doc, "span", "");
  selection.append(selectionText, buttons.clearSelection);
  const bar = el(doc, "div", "lp-tl-toolbar");
  bar.setAttribute("role", "toolbar");
  bar.setAttribute("aria-label", "Timeline controls");
  bar.append(buttons.fit, buttons.zoomIn, buttons.zoomOut, range, selection, buttons.shortcuts, buttons.exportTrace, buttons.exportPNG);

  const filter = el(doc, "input", "lp-tl-filter");
  filter.type = "search";
  filter.placeholder = "Filter: name, g12, pool…";
  filter.setAttribute("aria-label", "Filter lanes");
  filter.setAttribute("aria-keyshortcuts", "/");
  filter.title = "Show only the lanes whose id, name or group matches; commas separate alternatives (/)";
  const groups = el(doc, "div", "lp-tl-groups");
  groups.setAttribute("role", "group");
  groups.setAttribute("aria-label", "Lane groups");
  const lanesBar = el(doc, "div", "lp-tl-lanesbar");
  lanesBar.append(filter, buttons.collapseAll, buttons.expandAll, groups);

  const touch = !!doc.defaultView?.matchMedia?.("(pointer: coarse)").matches;
  const hint = el(doc, "p", "lp-tl-hint", zoomHint(mac, touch));
  hint.dataset.testid = "timeline-hint";

  const stage = el(doc, "div", "lp-tl-stage");
  const scroller = el(doc, "div", "lp-tl-scroller");
  const sizer = el(doc, "div", "lp-tl-sizer");
  const canvas = el(doc, "canvas", "lp-tl-canvas");
  canvas.tabIndex = 0;
  canvas.setAttribute("role", "img");
  canvas.setAttribute("aria-label", "Timeline of goroutines. Zoom with + and -, move with the arrow keys, fit with 0, " +
    "select a time range with shift and drag. A text summary follows.");
  canvas.setAttribute("aria-describedby", `${id}-summary`);
  canvas.dataset.testid = "timeline-canvas";
  sizer.append(canvas);
  scroller.append(sizer);
  const tooltip = new Tooltip(doc);
  const wheelHint = el(doc, "div", "lp-tl-wheelhint", `Use ${keyText("Mod", mac)} + wheel to zoom the timeline`);
  wheelHint.setAttribute("aria-hidden", "true");
  wheelHint.dataset.testid = "timeline-wheel-hint";
  const stale = el(doc, "div", "lp-tl-stale", "This timeline shows the previous code. Run to update it.");
  stale.setAttribute("role", "status");
  stale.dataset.testid = "timeline-stale";
  stale.hidden = true;
  stage.append(scroller, tooltip.dom, wheelHint, stale);

  const details = el(doc, "p", "lp-tl-details", "Click a lane to see its totals.");
  details.setAttribute("aria-live", "polite");
  details.dataset.testid = "timeline-details";

  const text = el(doc, "div", "lp-tl-text");
  const summary = el(doc, "div", "lp-tl-summary");
  summary.id = `${id}-summary`;
  summary.dataset.testid = "timeline-summary";
  const tableToggle = button(doc, "Show table", "Show the timeline as a table");
  tableToggle.setAttribute("aria-expanded", "false");
  tableToggle.setAttribute("aria-controls", `${id}-table`);
  const table = el(doc, "table", "lp-tl-table");
  table.id = `${id}-table`;
  table.hidden = true;
  text.append(summary, tableToggle, table);

  const leg = legend(doc, p);
  root.append(bar, lanesBar, hint, stage, leg, details, text);
  return {
    root, canvas, stage, scroller, sizer, tooltip, wheelHint, stale, range, selection, selectionText, filter, groups,
    legend: leg, details, summary, tableToggle, table, buttons,
  };
}
