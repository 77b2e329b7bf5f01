// Colours of the timeline, in a light and a dark palette.

import type { Family } from "./families";

/** Palette is everything the canvas paints with. Bars take one colour per
 * state family; arrows contrast with every bar (dark on a light page,
 * light on a dark one, channel handoffs in magenta). */
export interface Palette {
  dark: boolean;
  family: Record<Family, string>;
  /** Ends of goroutines that failed or were cancelled. */
  failed: string;
  cancelled: string;
  background: string;
  laneAlt: string;
  group: string;
  text: string;
  muted: string;
  grid: string;
  select: string;
  /** Lanes the page highlights (highlightGoroutines). */
  highlight: string;
  spawn: string;
  wake: string;
  chan: string;
  /** The wait-for chain of a deadlock or leak. */
  waitFor: string;
  mark: string;
  task: string;
  /** The page's instant marker and a selected time range. */
  instant: string;
  range: string;
}

/** LIGHT is the palette on a light page. */
export const LIGHT: Palette = {
  dark: false,
  family: { running: "#2e9e44", runnable: "#e8c547", clock: "#8ec5ea", blocked: "#f08c3a", stuck: "#d7102c" },
  failed: "#c62828", cancelled: "#7b5e57",
  background: "#ffffff", laneAlt: "#f5f6f8", group: "#e6e9ef",
  text: "#1d2330", muted: "#5d6678", grid: "rgba(0,0,0,0.08)", select: "rgba(40,110,230,0.16)",
  highlight: "rgba(255,196,0,0.30)",
  spawn: "#1d2330", wake: "#1d2330", chan: "#b0128f", waitFor: "#d7102c", mark: "#0b5cb0", task: "#37474f",
  instant: "#0057d9", range: "rgba(0,87,217,0.12)",
};

/** DARK is the palette on a dark page. */
export const DARK: Palette = {
  dark: true,
  family: { running: "#4cc767", runnable: "#cfae35", clock: "#4a86b0", blocked: "#d9792b", stuck: "#ff3355" },
  failed: "#ff5252", cancelled: "#bcaaa4",
  background: "#16181d", laneAlt: "#1d2027", group: "#2a2f3a",
  text: "#e2e6ee", muted: "#9aa3b5", grid: "rgba(255,255,255,0.08)", select: "rgba(90,150,255,0.22)",
  highlight: "rgba(255,210,60,0.22)",
  spawn: "#eef1f6", wake: "#eef1f6", chan: "#ff70d4", waitFor: "#ff3355", mark: "#6cb6ff", task: "#cfd8dc",
  instant: "#5aa2ff", range: "rgba(90,162,255,0.16)",
};

/** palette chooses the palette for the page: an explicit data-theme or
 * lp-dark class on the root element wins over the system preference. */
export function palette(doc: Document): Palette {
  const root = doc.documentElement;
  const theme = root.dataset.theme ?? root.getAttribute("data-color-scheme");
  if (theme === "dark" || root.classList.contains("lp-dark")) return DARK;
  if (theme === "light" || root.classList.contains("lp-light")) return LIGHT;
  const media = doc.defaultView?.matchMedia?.("(prefers-color-scheme: dark)");
  return media?.matches ? DARK : LIGHT;
}
