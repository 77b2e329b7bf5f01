// The draft: the editor's text and the run options survive a reload until
// the user picks an example or resets. The theme choice is kept apart.

import { parseOptions, type PageOptions } from "./options";

const DRAFT_KEY = "luaplay.draft.v1";
const THEME_KEY = "luaplay.theme";

/** Draft is what a reload restores. */
export interface Draft {
  code: string;
  options: PageOptions;
  /** example is the file the draft started from, so the menu can show it. */
  example?: string;
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
    };
  } catch {
    return null;
  }
}

/** clearDraft forgets the draft. */
export function clearDraft(): void {
  try {
    store()?.removeItem(DRAFT_KEY);
  } catch {
    // Nothing to forget.
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
