// The legend: one swatch per colour of the timeline, as DOM text so
// screen readers and text search find it.

import { LEGEND, type Palette } from "./colors";

/** legend builds the legend list for palette. */
export function legend(doc: Document, p: Palette): HTMLElement {
  const ul = doc.createElement("ul");
  ul.className = "lp-tl-legend";
  ul.setAttribute("aria-label", "Timeline legend");
  paintLegend(ul, p);
  return ul;
}

/** paintLegend (re)writes the legend's items in palette p's colours. */
export function paintLegend(ul: HTMLElement, p: Palette): void {
  const doc = ul.ownerDocument;
  const arrows: [string, string][] = [["spawn", p.spawn], ["wake-up", p.wake], ["channel handoff", p.chan], ["mark", p.mark]];
  ul.replaceChildren(
    ...LEGEND.map(({ key, label }) => item(doc, label, p.states[key], "lp-tl-swatch")),
    ...arrows.map(([label, color]) => item(doc, label, color, "lp-tl-swatch lp-tl-swatch-line")),
  );
}

function item(doc: Document, label: string, color: string, cls: string): HTMLElement {
  const li = doc.createElement("li");
  const sw = doc.createElement("span");
  sw.className = cls;
  sw.style.backgroundColor = color;
  sw.setAttribute("aria-hidden", "true");
  li.append(sw, doc.createTextNode(label));
  return li;
}
