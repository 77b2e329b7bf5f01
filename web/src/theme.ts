// The page theme: light, dark, or following the system (the default).

import type { Theme } from "./storage";

/** applyTheme sets <html data-theme>; without it the CSS follows
 * prefers-color-scheme. Components re-read colours in their update(). */
export function applyTheme(t: Theme, doc: Document = document): void {
  if (t === "system") delete doc.documentElement.dataset.theme;
  else doc.documentElement.dataset.theme = t;
}

/** effectiveTheme is the theme in force: the choice, or the system's. */
export function effectiveTheme(t: Theme, win: Window = window): "light" | "dark" {
  if (t !== "system") return t;
  return win.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

/** onSystemThemeChange calls fn when the system switches light/dark;
 * the returned function stops listening. */
export function onSystemThemeChange(fn: () => void, win: Window = window): () => void {
  const mq = win.matchMedia("(prefers-color-scheme: dark)");
  mq.addEventListener("change", fn);
  return () => mq.removeEventListener("change", fn);
}
