// The legend: one entry per state family (with the exact reasons it
// covers), goroutine ends, and each kind of arrow. The same entries are
// written as DOM text, in a disclosure that folds on narrow screens, and
// drawn into the exported PNG (export.ts).

import { FAMILIES } from "./families";
import type { Palette } from "./colors";

/** LegendEntry is one item of the legend; swatch says how it is drawn. */
export interface LegendEntry {
  label: string;
  /** detail lists what the entry covers, "" for none. */
  detail: string;
  color: string;
  swatch: "bar" | "line" | "dash" | "cross" | "cap";
}

/** legendEntries lists the legend in palette p's colours. */
export function legendEntries(p: Palette): LegendEntry[] {
  return [
    ...FAMILIES.map((f): LegendEntry => ({ label: f.label, detail: f.covers, color: p.family[f.family], swatch: "bar" })),
    { label: "ended", detail: "the lane stops", color: p.muted, swatch: "cap" },
    { label: "failed", detail: "ended with an error", color: p.failed, swatch: "cross" },
    { label: "spawn", detail: "", color: p.spawn, swatch: "dash" },
    { label: "wake-up", detail: "", color: p.wake, swatch: "line" },
    { label: "channel handoff", detail: "", color: p.chan, swatch: "line" },
    { label: "waits for", detail: "deadlock or leak", color: p.waitFor, swatch: "dash" },
    { label: "mark", detail: "goroutine.mark", color: p.mark, swatch: "cap" },
  ];
}

/** legend builds the legend: a disclosure holding the list. */
export function legend(doc: Document, p: Palette): HTMLDetailsElement {
  const box = doc.createElement("details");
  box.className = "lp-tl-legend-box";
  box.open = true;
  const summary = doc.createElement("summary");
  summary.textContent = "Legend";
  const ul = doc.createElement("ul");
  ul.className = "lp-tl-legend";
  ul.setAttribute("aria-label", "Timeline legend");
  box.append(summary, ul);
  paintLegend(box, p);
  return box;
}

/** paintLegend (re)writes the legend's items in palette p's colours. */
export function paintLegend(box: HTMLElement, p: Palette): void {
  const ul = box.querySelector("ul");
  if (!ul) return;
  const doc = box.ownerDocument;
  ul.replaceChildren(...legendEntries(p).map((e) => {
    const li = doc.createElement("li");
    const sw = doc.createElement("span");
    sw.className = `lp-tl-swatch lp-tl-swatch-${e.swatch}`;
    sw.style.setProperty("--lp-tl-swatch", e.color);
    sw.setAttribute("aria-hidden", "true");
    li.append(sw, doc.createTextNode(e.label));
    if (e.detail) {
      const d = doc.createElement("span");
      d.className = "lp-tl-legend-detail";
      d.textContent = ` (${e.detail})`;
      li.append(d);
    }
    return li;
  }));
}
