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

type Buttons = Parts["buttons"];

// attrs sets attributes on e and returns it.
function attrs<E extends HTMLElement>(e: E, list: Record<string, string>): E {
  for (const [k, v] of Object.entries(list)) e.setAttribute(k, v);
  return e;
}

function makeButtons(doc: Document, mac: boolean): Buttons {
  const mod = keyText("Mod", mac);
  return {
    fit: button(doc, "Fit", "Show the whole run (0, F or double click)"),
    zoomIn: attrs(button(doc, "+", `Zoom in (+ or ${mod}+wheel)`), { "aria-label": "Zoom in" }),
    zoomOut: attrs(button(doc, "−", `Zoom out (- or ${mod}+wheel)`), { "aria-label": "Zoom out" }),
    exportTrace: button(doc, "Export trace", "Download the trace in Chrome Trace Event Format (chrome://tracing, Perfetto)"),
    exportPNG: button(doc, "Export PNG", "Download the timeline and its legend as an image"),
    shortcuts: attrs(button(doc, "?", "Keyboard shortcuts (?)"), { "aria-label": "Keyboard shortcuts", "aria-keyshortcuts": "?" }),
    clearSelection: attrs(button(doc, "×", "Clear the selected time range (Escape)"), { "aria-label": "Clear the selected time range" }),
    collapseAll: button(doc, "Collapse all", "Show each group of lanes as one row"),
    expandAll: button(doc, "Expand all", "Show every lane of every group"),
  };
}

// toolbar holds zoom, the range shown, the selected range, shortcuts and exports.
function toolbar(doc: Document, b: Buttons): Pick<Parts, "range" | "selection" | "selectionText"> & { bar: HTMLElement } {
  const range = el(doc, "span", "lp-tl-range");
  range.dataset.testid = "timeline-range";
  const selection = el(doc, "span", "lp-tl-selection");
  selection.hidden = true;
  selection.dataset.testid = "timeline-selection";
  const selectionText = el(doc, "span", "");
  selection.append(selectionText, b.clearSelection);
  const bar = attrs(el(doc, "div", "lp-tl-toolbar"), { role: "toolbar", "aria-label": "Timeline controls" });
  bar.append(b.fit, b.zoomIn, b.zoomOut, range, selection, b.shortcuts, b.exportTrace, b.exportPNG);
  return { bar, range, selection, selectionText };
}

// lanesBar holds the lane filter and the group buttons.
function lanesBar(doc: Document, b: Buttons): Pick<Parts, "filter" | "groups"> & { bar: HTMLElement } {
  const filter = attrs(el(doc, "input", "lp-tl-filter"), { "aria-label": "Filter lanes", "aria-keyshortcuts": "/" });
  filter.type = "search";
  filter.placeholder = "Filter: name, g12, pool…";
  filter.title = "Show only the lanes whose id, name or group matches; commas separate alternatives (/)";
  const groups = attrs(el(doc, "div", "lp-tl-groups"), { role: "group", "aria-label": "Lane groups" });
  const bar = el(doc, "div", "lp-tl-lanesbar");
  bar.append(filter, b.collapseAll, b.expandAll, groups);
  return { bar, filter, groups };
}

// stage holds the canvas in its scroller and what shows over it.
function stage(doc: Document, id: string, mac: boolean): Pick<Parts, "stage" | "scroller" | "sizer" | "canvas" | "tooltip" | "wheelHint" | "stale"> {
  const scroller = el(doc, "div", "lp-tl-scroller"), sizer = el(doc, "div", "lp-tl-sizer");
  const canvas = attrs(el(doc, "canvas", "lp-tl-canvas"), {
    role: "img", "aria-describedby": `${id}-summary`,
    "aria-label": "Timeline of goroutines. Zoom with + and -, move with the arrow keys, fit with 0, " +
      "select a time range with shift and drag. A text summary follows.",
  });
  canvas.tabIndex = 0;
  canvas.dataset.testid = "timeline-canvas";
  sizer.append(canvas);
  scroller.append(sizer);
  const tooltip = new Tooltip(doc);
  const wheelHint = attrs(el(doc, "div", "lp-tl-wheelhint", `Use ${keyText("Mod", mac)} + wheel to zoom the timeline`), { "aria-hidden": "true" });
  wheelHint.dataset.testid = "timeline-wheel-hint";
  const stale = attrs(el(doc, "div", "lp-tl-stale", "This timeline shows the previous code. Run to update it."), { role: "status" });
  stale.dataset.testid = "timeline-stale";
  stale.hidden = true;
  const box = el(doc, "div", "lp-tl-stage");
  box.append(scroller, tooltip.dom, wheelHint, stale);
  return { stage: box, scroller, sizer, canvas, tooltip, wheelHint, stale };
}

// texts are the selected lane's totals, the summary and the table view.
function texts(doc: Document, id: string): Pick<Parts, "details" | "summary" | "tableToggle" | "table"> & { box: HTMLElement } {
  const details = attrs(el(doc, "p", "lp-tl-details", "Click a lane to see its totals."), { "aria-live": "polite" });
  details.dataset.testid = "timeline-details";
  const summary = el(doc, "div", "lp-tl-summary");
  summary.id = `${id}-summary`;
  summary.dataset.testid = "timeline-summary";
  const tableToggle = attrs(button(doc, "Show table", "Show the timeline as a table"), { "aria-expanded": "false", "aria-controls": `${id}-table` });
  const table = el(doc, "table", "lp-tl-table");
  table.id = `${id}-table`;
  table.hidden = true;
  const box = el(doc, "div", "lp-tl-text");
  box.append(summary, tableToggle, table);
  return { details, summary, tableToggle, table, box };
}

/** buildParts creates the timeline's elements. */
export function buildParts(doc: Document, p: Palette): Parts {
  const id = `lp-tl-${++counter}`;
  const mac = isMac(doc.defaultView?.navigator);
  const buttons = makeButtons(doc, mac);
  const tools = toolbar(doc, buttons), lanes = lanesBar(doc, buttons), st = stage(doc, id, mac), tx = texts(doc, id);
  const touch = !!doc.defaultView?.matchMedia?.("(pointer: coarse)").matches;
  const hint = el(doc, "p", "lp-tl-hint", zoomHint(mac, touch));
  hint.dataset.testid = "timeline-hint";
  const leg = legend(doc, p);
  const root = el(doc, "div", "lp-timeline");
  root.append(tools.bar, lanes.bar, hint, st.stage, leg, tx.details, tx.box);
  return {
    root, ...st, range: tools.range, selection: tools.selection, selectionText: tools.selectionText,
    filter: lanes.filter, groups: lanes.groups, legend: leg,
    details: tx.details, summary: tx.summary, tableToggle: tx.tableToggle, table: tx.table, buttons,
  };
}
