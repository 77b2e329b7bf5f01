// The timeline's DOM: toolbar, legend, canvas with tooltip, the selected
// lane's totals, and the text alternative. Built with createElement and
// textContent only.

import { legend } from "./legend";
import type { Palette } from "./colors";
import { Tooltip } from "./tooltip";

/** Parts are the elements the component updates. */
export interface Parts {
  root: HTMLElement;
  canvas: HTMLCanvasElement;
  stage: HTMLElement;
  tooltip: Tooltip;
  range: HTMLElement;
  legend: HTMLElement;
  details: HTMLElement;
  summary: HTMLElement;
  tableToggle: HTMLButtonElement;
  table: HTMLTableElement;
  buttons: Record<"fit" | "zoomIn" | "zoomOut" | "exportTrace" | "exportPNG", HTMLButtonElement>;
}

let counter = 0;

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, cls: string, text = ""): HTMLElementTagNameMap[K] {
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

/** buildParts creates the timeline's elements. */
export function buildParts(doc: Document, p: Palette): Parts {
  const id = `lp-tl-${++counter}`;
  const root = el(doc, "div", "lp-timeline");
  const bar = el(doc, "div", "lp-tl-toolbar");
  bar.setAttribute("role", "toolbar");
  bar.setAttribute("aria-label", "Timeline controls");
  const buttons = {
    fit: button(doc, "Fit", "Show the whole run (0, f or double click)"),
    zoomIn: button(doc, "+", "Zoom in (+ or the wheel)"),
    zoomOut: button(doc, "−", "Zoom out (- or the wheel)"),
    exportTrace: button(doc, "Export trace", "Download the trace in Chrome Trace Event Format (chrome://tracing, Perfetto)"),
    exportPNG: button(doc, "Export PNG", "Download the timeline as an image"),
  };
  buttons.zoomIn.setAttribute("aria-label", "Zoom in");
  buttons.zoomOut.setAttribute("aria-label", "Zoom out");
  const range = el(doc, "span", "lp-tl-range");
  range.dataset.testid = "timeline-range";
  bar.append(buttons.fit, buttons.zoomIn, buttons.zoomOut, range, buttons.exportTrace, buttons.exportPNG);

  const stage = el(doc, "div", "lp-tl-stage");
  const canvas = el(doc, "canvas", "lp-tl-canvas");
  canvas.tabIndex = 0;
  canvas.setAttribute("role", "img");
  canvas.setAttribute("aria-label", "Timeline of goroutines. Zoom with + and -, pan with the arrow keys, fit with 0. A text summary follows.");
  canvas.setAttribute("aria-describedby", `${id}-summary`);
  canvas.dataset.testid = "timeline-canvas";
  const tooltip = new Tooltip(doc);
  stage.append(canvas, tooltip.dom);

  const details = el(doc, "p", "lp-tl-details", "Click a lane's name to see its totals.");
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
  root.append(bar, stage, leg, details, text);
  return { root, canvas, stage, tooltip, range, legend: leg, details, summary, tableToggle, table, buttons };
}
