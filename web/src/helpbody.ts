// The Help panel's content: what the page is, the words it uses, the
// keyboard shortcuts (the one list of shortcuts.ts) and the API reference
// with search (apiview.ts). A chunk of its own, loaded when Help first
// opens (helppanel.ts): the page starts without it.

import { createApiView } from "./apiview";
import { renderShortcuts } from "./shortcuts";

/** WORDS explains what the page's status line, timeline and reports say. */
const WORDS: readonly [string, string][] = [
  ["Virtual time", "The default clock. It starts at 0; every Lua instruction moves it on by 1 µs, and when every goroutine waits it jumps to the next timer. Sleeps cost no real time, and a script prints the same output and draws the same timeline on every run. Switch it off to run on the wall clock."],
  ["Run clock", "How long the run took on its clock (virtual or real); wall is the real time it took."],
  ["Speedup", "The work of all goroutines (time running or sleeping, not time waiting for one another) divided by the run clock: how many times longer the same work would take one goroutine after another. Three goroutines sleeping 100 ms side by side make about 3×."],
  ["goroutine 3", "Goroutines are numbered from 1, the main chunk, in the order they start; goroutine.name gives one a label."],
  ["chan 3, mutex 4, wg 5", "Objects are numbered in the order the run made them, all kinds counted together, so a blocked span, a tooltip or a deadlock report can say which channel, lock or wait group a goroutine waits on."],
  ["Deadlock, leak", "When goroutines wait for something that can never happen, the run stops: a deadlock if the main goroutine is among them (the run fails), a leak if not (the run succeeds with a warning). Both list what each waits on, and where."],
];

function section(id: string, title: string, ...body: Node[]): HTMLElement {
  const s = document.createElement("section");
  s.className = "lp-help-part";
  const h = document.createElement("h2");
  h.id = id;
  h.textContent = title;
  s.append(h, ...body);
  return s;
}

function para(text: string): HTMLParagraphElement {
  const p = document.createElement("p");
  p.textContent = text;
  return p;
}

/** helpBody builds the panel's content; docs is the docs site's folder URL. */
export function helpBody(docs: URL): HTMLElement {
  const docsLink = document.createElement("a");
  docsLink.href = new URL("index.html", docs).href;
  docsLink.target = "_blank";
  docsLink.rel = "noopener";
  docsLink.textContent = "The guides";
  const about = para("Write Lua that uses Go-style concurrency (goroutines, channels, select, wait groups, pools, async/await, mutexes, contexts) and run it here, in your browser, with nothing sent to a server. The output shows what the script printed; the timeline shows every goroutine: when it ran, what it waited on, and who woke it.");
  const guides = document.createElement("p");
  guides.append(docsLink, document.createTextNode(" explain each pattern with live examples."));

  const words = document.createElement("dl");
  words.className = "lp-help-words";
  for (const [term, text] of WORDS) {
    const dt = document.createElement("dt");
    dt.textContent = term;
    const dd = document.createElement("dd");
    dd.textContent = text;
    words.append(dt, dd);
  }
  const api = createApiView(new URL("api.html", docs).href);
  const body = document.createElement("div");
  body.className = "lp-help-body";
  const parts: [string, string, Node][] = [
    ["lp-help-part-api", "API reference", api.dom],
    ["lp-help-part-keys", "Keyboard shortcuts", renderShortcuts(document)],
    ["lp-help-part-words", "Words on the page", words],
  ];
  const contents = document.createElement("nav");
  contents.className = "lp-help-contents";
  contents.setAttribute("aria-label", "Help contents");
  for (const [id, title] of parts) {
    const a = document.createElement("a");
    a.href = `#${id}`;
    a.textContent = title;
    contents.append(a);
  }
  body.append(section("lp-help-part-about", "What this page is", about, guides, contents), ...parts.map(([id, title, node]) => section(id, title, node)));
  return body;
}
