// embed.js: one <script src=".../embed.js" defer> turns every
// <pre class="lua-goroutine"> of a page into a live example (see
// embed/example.ts). The worker, the wasm and embed.css are found next to
// this script, so the site can be served from any path of any host; the
// engine is loaded on the first Run, and every example of the page shares
// it, each run independent of the others. Script attributes:
// data-selector (default "pre.lua-goroutine"), data-playground (the
// playground page for "Open in playground"; default this script's folder).

import { mountExample, type Engine } from "./embed/example";
import { Runner } from "./runner";

const script = (document.currentScript as HTMLScriptElement | null) ?? document.querySelector<HTMLScriptElement>('script[src*="embed.js"]');
const base = new URL(".", script?.src || location.href);
const selector = script?.dataset.selector || "pre.lua-goroutine";
const playground = new URL(script?.dataset.playground || "./", base);
playground.hash = "";

let runner: Runner | null = null;

/** shared is the page's one runner, made on first use and remade after
 * the engine failed to load (a network error need not be final). */
function shared(): Runner {
  if (!runner || runner.loadState.phase === "failed") {
    runner?.dispose();
    runner = new Runner({ workerURL: new URL("worker.js", base).href, concurrent: true });
  }
  return runner;
}

const engine: Engine = {
  run: (source, options, handlers) => shared().run(source, options, handlers),
  chromeTrace: (trace) => shared().chromeTrace(trace),
  onLoading(fn) {
    return shared().onLoadState((s) => {
      if (s.phase === "ready") fn("");
      else if (s.phase === "failed") fn(`The engine failed to load: ${s.message}`);
      else fn(s.total > 0 ? `Loading the engine… ${Math.floor((100 * s.loaded) / s.total)}%` : "Loading the engine…");
    });
  },
};

function mountAll(): void {
  let index = 0;
  for (const found of document.querySelectorAll<HTMLElement>(selector)) {
    index++;
    // A selector for <pre><code class="language-lua"> means its <pre>.
    const pre = found.localName === "code" && found.parentElement?.localName === "pre" ? found.parentElement : found;
    if (pre.parentElement?.localName === "lp-example") continue;
    mountExample({ pre, index, engine, stylesheet: new URL("embed.css", base).href, playground: playground.href });
  }
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll, { once: true });
else mountAll();
