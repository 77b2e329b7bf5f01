// The API reference as the Help panel shows it: every section and entry of
// api.json, with a search box that narrows them. Text goes in through
// textContent and text nodes only (apitext.ts).

import { SECTIONS, anchor, type ApiEntry } from "./api";
import { appendText } from "./apitext";

/** ApiView is the reference with its search box. */
export interface ApiView {
  dom: HTMLElement;
  /** search shows only the entries whose text contains every word of query. */
  search(query: string): void;
  focusSearch(): void;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, text = ""): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text) e.textContent = text;
  return e;
}

/** entryText is what the search looks in. */
function entryText(e: ApiEntry): string {
  return [e.name, ...(e.also ?? []), e.type ?? "", e.signature, e.summary, e.doc ?? "", ...(e.errors ?? [])].join(" ").toLowerCase();
}

function renderEntry(e: ApiEntry, docsURL: string): HTMLElement {
  const item = el("article", "lp-help-entry");
  item.dataset.name = e.name;
  const sig = el("h4", "lp-help-sig");
  sig.append(el("code", "", e.signature));
  const summary = el("p", "");
  appendText(summary, e.summary);
  item.append(sig, summary);
  if (e.doc) {
    const doc = el("p", "");
    appendText(doc, e.doc);
    item.append(doc);
  }
  if (e.errors?.length) {
    const list = el("ul", "lp-help-errors");
    list.setAttribute("aria-label", "Errors");
    for (const msg of e.errors) {
      const li = el("li", "");
      appendText(li, msg);
      list.append(li);
    }
    item.append(list);
  }
  const example = el("details", "lp-help-example");
  example.append(el("summary", "", "Example"), el("pre", "lp-help-code", e.example.join("\n")));
  if (e.output.length) example.append(el("div", "lp-help-label", "Output"), el("pre", "lp-help-out", e.output.join("\n")));
  const run = el("a", "lp-help-run", "Run it in the docs");
  run.href = `${docsURL}#${encodeURIComponent(anchor(e))}`;
  run.target = "_blank";
  run.rel = "noopener";
  example.append(run);
  item.append(example);
  return item;
}

/** createApiView builds the reference; docsURL is the docs site's reference page. */
export function createApiView(docsURL: string): ApiView {
  const dom = el("div", "lp-help-api");
  const label = el("label", "lp-help-search");
  label.append(el("span", "", "Search the API "));
  const input = el("input", "");
  input.type = "search";
  input.placeholder = "spawn, channel, timeout…";
  label.append(input);
  const count = el("p", "lp-help-count");
  count.setAttribute("role", "status");
  dom.append(label, count);
  const rows: { section: HTMLElement; entries: { dom: HTMLElement; text: string }[] }[] = [];
  for (const s of SECTIONS) {
    const section = el("section", "lp-help-section");
    section.setAttribute("aria-label", s.title);
    const intro = el("p", "lp-help-intro");
    appendText(intro, s.intro);
    section.append(el("h3", "", s.title), intro);
    const entries = s.entries.map((e) => ({ dom: renderEntry(e, docsURL), text: entryText(e) }));
    section.append(...entries.map((x) => x.dom));
    rows.push({ section, entries });
    dom.append(section);
  }
  const total = rows.reduce((n, r) => n + r.entries.length, 0);

  function search(query: string) {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const r of rows) {
      let any = false;
      for (const x of r.entries) {
        const hit = words.every((w) => x.text.includes(w));
        x.dom.hidden = !hit;
        if (hit) {
          any = true;
          shown++;
        }
      }
      r.section.hidden = !any;
    }
    count.textContent = words.length === 0 ? `${total} calls` : shown === 0 ? "No call matches." : `${shown} of ${total} calls match`;
  }
  input.addEventListener("input", () => search(input.value));
  search("");
  return { dom, search: (q) => ((input.value = q), search(q)), focusSearch: () => input.focus() };
}
