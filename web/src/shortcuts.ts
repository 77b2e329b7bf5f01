// The page's keyboard shortcuts: one list for the editor, the page and the
// timeline. The timeline's `?` overlay and the Help panel both render it
// with renderShortcuts, so they cannot disagree. A key handler that is added
// or changed gets its line here too.

/** ShortcutScope says where a shortcut works. */
export type ShortcutScope = "page" | "editor" | "timeline";

/** Shortcut is one action and the keys (or gestures) that do it. Keys are
 * written as chords joined by "+", with "Mod" for Ctrl (⌘ on a Mac);
 * each entry of keys is an alternative. */
export interface Shortcut {
  scope: ShortcutScope;
  keys: readonly string[];
  action: string;
}

/** SCOPE_TITLES name the scopes, in the order they are shown. */
export const SCOPE_TITLES: Readonly<Record<ShortcutScope, string>> = {
  page: "Anywhere on the page",
  editor: "In the editor",
  timeline: "On the timeline",
};

/** SHORTCUTS is the list. */
export const SHORTCUTS: readonly Shortcut[] = [
  { scope: "page", keys: ["Mod+Enter"], action: "Run the script" },
  { scope: "page", keys: ["Escape"], action: "Stop the run" },
  { scope: "page", keys: ["?"], action: "Show these shortcuts (outside the editor)" },
  { scope: "page", keys: ["F1"], action: "Open the Help panel: the API reference, these shortcuts, the page's words" },

  { scope: "editor", keys: ["Tab", "Shift+Tab"], action: "Leave the editor (Tab does not indent)" },
  { scope: "editor", keys: ["Mod+]", "Mod+["], action: "Indent or dedent the line" },
  { scope: "editor", keys: ["Mod+Z", "Mod+Shift+Z"], action: "Undo or redo" },
  { scope: "editor", keys: ["Mod+F"], action: "Find and replace" },
  { scope: "editor", keys: ["Ctrl+Space"], action: "Complete a goroutine call or a word" },
  { scope: "editor", keys: ["Mod+/"], action: "Comment or uncomment the line" },
  { scope: "editor", keys: ["Alt+ArrowUp", "Alt+ArrowDown"], action: "Move the line up or down" },
  { scope: "editor", keys: ["F8"], action: "Go to the next error" },

  { scope: "timeline", keys: ["Mod+wheel", "pinch"], action: "Zoom at the pointer" },
  { scope: "timeline", keys: ["wheel", "swipe"], action: "Scroll the lanes, then the page" },
  { scope: "timeline", keys: ["Shift+wheel", "drag"], action: "Move along time (a drag also scrolls the lanes)" },
  { scope: "timeline", keys: ["Shift+drag"], action: "Select a time range (the output printed in it is highlighted)" },
  { scope: "timeline", keys: ["+", "-"], action: "Zoom in or out" },
  { scope: "timeline", keys: ["0", "F", "double click"], action: "Show the whole run" },
  { scope: "timeline", keys: ["ArrowLeft", "ArrowRight"], action: "Move along time" },
  { scope: "timeline", keys: ["ArrowUp", "ArrowDown", "PageUp", "PageDown"], action: "Scroll the lanes" },
  { scope: "timeline", keys: ["Escape"], action: "Clear the selected time range" },
  { scope: "timeline", keys: ["/"], action: "Filter the lanes by name, id or group" },
];

const NAMES: Record<string, string> = {
  ArrowUp: "↑", ArrowDown: "↓", ArrowLeft: "←", ArrowRight: "→", Escape: "Esc", "-": "−",
};

/** isMac tells whether Mod means ⌘ for this browser. */
export function isMac(nav: { userAgent: string } | undefined = globalThis.navigator): boolean {
  return !!nav && /Mac|iPhone|iPad/.test(nav.userAgent);
}

/** keyParts splits a chord into the labels of its keys, with Mod written
 * for the platform: ["Ctrl", "Enter"] or ["⌘", "Enter"]. */
export function keyParts(chord: string, mac: boolean): string[] {
  // "+" alone, or a chord ending in "+", names the plus key itself.
  const parts = chord === "+" ? ["+"] : chord.endsWith("++") ? [...chord.slice(0, -2).split("+"), "+"] : chord.split("+");
  return parts.map((k) => (k === "Mod" ? (mac ? "⌘" : "Ctrl") : NAMES[k] ?? k));
}

/** keyText writes a chord as text: "Ctrl+Enter", "⌘+wheel". */
export function keyText(chord: string, mac: boolean): string {
  return keyParts(chord, mac).join("+");
}

/** renderShortcuts builds the list as one definition list per scope, each
 * key in a kbd element; text goes in through textContent only. */
export function renderShortcuts(doc: Document, mac = isMac(doc.defaultView?.navigator)): HTMLElement {
  const root = doc.createElement("div");
  root.className = "lp-shortcuts";
  for (const scope of Object.keys(SCOPE_TITLES) as ShortcutScope[]) {
    const h = doc.createElement("h3");
    h.textContent = SCOPE_TITLES[scope];
    const dl = doc.createElement("dl");
    for (const s of SHORTCUTS.filter((x) => x.scope === scope)) {
      const dt = doc.createElement("dt");
      s.keys.forEach((chord, i) => {
        if (i > 0) dt.append(doc.createTextNode(" or "));
        keyParts(chord, mac).forEach((k, j) => {
          if (j > 0) dt.append(doc.createTextNode("+"));
          const kbd = doc.createElement("kbd");
          kbd.textContent = k;
          dt.append(kbd);
        });
      });
      const dd = doc.createElement("dd");
      dd.textContent = s.action;
      dl.append(dt, dd);
    }
    root.append(h, dl);
  }
  return root;
}
