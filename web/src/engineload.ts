// The engine's load indicator: a thin progress bar while the wasm downloads
// (the status line says it in words), an alert if it fails, nothing once it
// is ready.

import type { LoadState } from "./runner";

/** EngineLoad is the indicator component. */
export interface EngineLoad {
  dom: HTMLElement;
  update(s: LoadState): void;
  destroy(): void;
}

/** createEngineLoad builds the indicator in its loading state. */
export function createEngineLoad(): EngineLoad {
  const dom = document.createElement("div");
  dom.className = "lp-load";
  dom.dataset.testid = "engine-load";
  const bar = document.createElement("progress");
  bar.className = "lp-load-bar";
  bar.max = 1;
  bar.setAttribute("aria-label", "Loading the engine");
  const text = document.createElement("span");
  text.className = "lp-load-text";
  text.textContent = "Loading the engine…";
  dom.append(bar, text);
  return {
    dom,
    update(s) {
      dom.hidden = s.phase === "ready";
      if (s.phase === "loading") {
        const part = s.total > 0 ? Math.min(1, s.loaded / s.total) : -1;
        if (part >= 0) bar.value = part;
        else bar.removeAttribute("value");
        text.textContent = part >= 0 ? `Loading the engine… ${Math.floor(part * 100)}%` : "Loading the engine…";
      } else if (s.phase === "failed") {
        bar.hidden = true;
        dom.classList.add("lp-load-failed");
        text.className = "lp-load-text lp-load-error";
        text.setAttribute("role", "alert");
        text.textContent = `The engine failed to load: ${s.message}`;
      }
    },
    destroy: () => dom.remove(),
  };
}
