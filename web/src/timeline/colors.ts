// Colours of the timeline: one per state and block reason, in a light and a
// dark palette, and the legend that names them.

import type { Span } from "./model";

/** ColorKey is what a span's colour depends on: its state, and for a
 * blocked goroutine the kind of thing it waits for. */
export type ColorKey =
  | "running" | "runnable" | "sleeping"
  | "chan send" | "chan receive" | "select" | "await" | "wait group"
  | "mutex" | "semaphore" | "cond" | "timeout" | "other"
  | "done" | "failed" | "cancelled" | "stuck";

/** LEGEND lists every colour key with its label, in legend order. */
export const LEGEND: readonly { key: ColorKey; label: string }[] = [
  { key: "running", label: "running" },
  { key: "runnable", label: "runnable" },
  { key: "sleeping", label: "sleeping" },
  { key: "chan send", label: "blocked: channel send" },
  { key: "chan receive", label: "blocked: channel receive" },
  { key: "select", label: "blocked: select" },
  { key: "await", label: "blocked: await" },
  { key: "wait group", label: "blocked: wait group" },
  { key: "mutex", label: "blocked: mutex" },
  { key: "semaphore", label: "blocked: semaphore" },
  { key: "cond", label: "blocked: cond" },
  { key: "timeout", label: "blocked: timeout" },
  { key: "other", label: "blocked: other (pool, context)" },
  { key: "done", label: "done" },
  { key: "failed", label: "failed" },
  { key: "cancelled", label: "cancelled" },
  { key: "stuck", label: "stuck (leak or deadlock)" },
];

const REASONS: Record<string, ColorKey> = {
  "chan send": "chan send", "chan receive": "chan receive", select: "select",
  await: "await", "wait group": "wait group", mutex: "mutex", rwmutex: "mutex",
  semaphore: "semaphore", cond: "cond", timeout: "timeout",
};

/** colorKey picks the colour of a span. */
export function colorKey(span: Span): ColorKey {
  if (span.state === "blocked") return REASONS[span.reason] ?? "other";
  return span.state;
}

/** Palette is everything the canvas paints with. */
export interface Palette {
  dark: boolean;
  states: Record<ColorKey, string>;
  background: string;
  laneAlt: string;
  group: string;
  text: string;
  muted: string;
  grid: string;
  select: string;
  spawn: string;
  wake: string;
  chan: string;
  mark: string;
  task: string;
}

const STATES_LIGHT: Record<ColorKey, string> = {
  running: "#2e9e44", runnable: "#c5e07a", sleeping: "#9ecae1",
  "chan send": "#f39c4a", "chan receive": "#e0663a", select: "#e8b83a",
  await: "#a26bc4", "wait group": "#7a74d6", mutex: "#d14d86", semaphore: "#a8326e",
  cond: "#e39bc2", timeout: "#3f8fd2", other: "#b49a72",
  done: "#b5b5b5", failed: "#d32f2f", cancelled: "#8d6e63", stuck: "#e0102f",
};

const STATES_DARK: Record<ColorKey, string> = {
  running: "#4cc767", runnable: "#8fa84a", sleeping: "#4f8fb5",
  "chan send": "#e08a3c", "chan receive": "#d0603a", select: "#c9a030",
  await: "#9a66c0", "wait group": "#7b75e0", mutex: "#d0588f", semaphore: "#b8457f",
  cond: "#c688ab", timeout: "#4f9be0", other: "#a08a66",
  done: "#6b6b6b", failed: "#ff5252", cancelled: "#a1887f", stuck: "#ff3355",
};

/** LIGHT is the palette on a light page. */
export const LIGHT: Palette = {
  dark: false, states: STATES_LIGHT, background: "#ffffff", laneAlt: "#f5f6f8", group: "#e6e9ef",
  text: "#1d2330", muted: "#5d6678", grid: "rgba(0,0,0,0.08)", select: "rgba(40,110,230,0.16)",
  spawn: "#3b4a66", wake: "#7a3fb0", chan: "#c4501c", mark: "#0b6bcb", task: "#37474f",
};

/** DARK is the palette on a dark page. */
export const DARK: Palette = {
  dark: true, states: STATES_DARK, background: "#16181d", laneAlt: "#1d2027", group: "#2a2f3a",
  text: "#e2e6ee", muted: "#9aa3b5", grid: "rgba(255,255,255,0.08)", select: "rgba(90,150,255,0.22)",
  spawn: "#c3cde0", wake: "#c79af0", chan: "#ff9b6b", mark: "#6cb6ff", task: "#cfd8dc",
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
