// The draft: the editor's text, where it came from and the run options
// survive a reload, with the user's own code that an example, Reset or a
// shared link set aside. The theme choice is kept apart.

import { parseOptions, type PageOptions } from "./options";

const DRAFT_KEY = "luaplay.draft.v1";
const THEME_KEY = "luaplay.theme";
const LAYOUT_KEY = "luaplay.layout.v1";

/** Draft is what a reload restores. */
export interface Draft {
  code: string;
  options: PageOptions;
  /** example is the file the draft started from, so the menu can show it. */
  example?: string;
  /** edited tells whether code differs from that example; absent in old
   * drafts, which count as edited, so nothing is ever taken for an example. */
  edited?: boolean;
  /** yours is the user's own code that a replacement set aside. */
  yours?: string;
}

/** Theme is the user's choice; "system" follows prefers-color-scheme. */
export type Theme = "system" | "light" | "dark";

// store is localStorage when the browser allows it (private modes may not).
function store(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** saveDraft keeps d for the next visit; a full or missing store is ignored. */
export function saveDraft(d: Draft): void {
  try {
    store()?.setItem(DRAFT_KEY, JSON.stringify(d));
  } catch {
    // Quota exceeded: the draft is simply not kept.
  }
}

/** loadDraft returns the saved draft, or null when there is none or it is unreadable. */
export function loadDraft(): Draft | null {
  try {
    const raw = store()?.getItem(DRAFT_KEY);
    if (!raw) return null;
    const v = JSON.parse(raw) as Record<string, unknown>;
    if (typeof v.code !== "string") return null;
    return {
      code: v.code,
      options: parseOptions(v.options),
      example: typeof v.example === "string" ? v.example : undefined,
      edited: typeof v.edited === "boolean" ? v.edited : undefined,
      yours: typeof v.yours === "string" ? v.yours : undefined,
    };
  } catch {
    return null;
  }
}

/** SavedLayout is the sizes the user gave the panes; absent means the page's own. */
export interface SavedLayout {
  /** editorShare is the editor's part of the editor and output's width, 0..1. */
  editorShare?: number;
  /** timelineHeight is the timeline pane's height in CSS pixels. */
  timelineHeight?: number;
}

export function saveLayout(l: SavedLayout): void {
  try {
    store()?.setItem(LAYOUT_KEY, JSON.stringify(l));
  } catch {
    // The sizes last for this visit only.
  }
}

/** loadLayout returns the saved sizes, dropping any that make no sense. */
export function loadLayout(): SavedLayout {
  try {
    const v = JSON.parse(store()?.getItem(LAYOUT_KEY) ?? "{}") as Record<string, unknown>;
    const l: SavedLayout = {};
    if (typeof v.editorShare === "number" && v.editorShare > 0.05 && v.editorShare < 0.95) l.editorShare = v.editorShare;
    if (typeof v.timelineHeight === "number" && v.timelineHeight > 0 && v.timelineHeight < 1e5) l.timelineHeight = v.timelineHeight;
    return l;
  } catch {
    return {};
  }
}

export function saveTheme(t: Theme): void {
  try {
    if (t === "system") store()?.removeItem(THEME_KEY);
    else store()?.setItem(THEME_KEY, t);
  } catch {
    // The choice lasts for this visit only.
  }
}

export function loadTheme(): Theme {
  try {
    const t = store()?.getItem(THEME_KEY);
    return t === "light" || t === "dark" ? t : "system";
  } catch {
    return "system";
  }
}
