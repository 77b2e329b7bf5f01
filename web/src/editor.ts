// The code editor. The page opens with the code in a plain text area,
// which runs, edits and follows lines like the full editor; CodeMirror
// (cmeditor.ts, a chunk of its own: 85 KiB of the first download) takes
// its place when the user reaches for the editor (pointer over it, focus)
// or once the first run has ended and its output is drawn. It takes the text, selection,
// scroll position, focus, undo step of a replaced text, followed lines and
// error marks with it: nothing typed in either is lost.

import type { EditorView } from "@codemirror/view";
import type { CodeMirrorEditor } from "./cmeditor";
import { mapLine, lineStart } from "./linemap";

/** EditorCallbacks are what the editor's shortcuts and edits call. */
export interface EditorCallbacks {
  /** Ctrl/Cmd+Enter. */
  onRun(): void;
  /** Escape; the key still reaches the editor (Escape then Tab leaves it). */
  onStop(): void;
  /** The text changed by an edit (not by setContent or replaceContent). */
  onChange?(text: string): void;
}

/** LineMap finds a line (1-based) of an earlier text in the current one. */
export type LineMap = (line: number) => number | null;

/** ErrorMark is a script line to flag, with the message shown on hover. */
export interface ErrorMark {
  line: number;
  message: string;
  /** severity is "error" unless given: a leak is only a warning. */
  severity?: "error" | "warning";
}

/** Editor is the editor component. */
export interface Editor {
  dom: HTMLElement;
  /** view is CodeMirror's, once it is in (load); null before. */
  readonly view: EditorView | null;
  getContent(): string;
  /** setContent replaces the whole text, clearing marks and the undo history. */
  setContent(text: string): void;
  /** replaceContent replaces the whole text as one step that Ctrl+Z undoes,
   * clearing marks and moving the cursor to the start. */
  replaceContent(text: string): void;
  /** trackLines starts following the current text through later edits;
   * the returned function finds one of its lines in the text of now, or
   * gives null once the text was replaced or another tracking began. */
  trackLines(): LineMap;
  /** goToLine moves the cursor to the start of line (1-based), scrolls and focuses. */
  goToLine(line: number): void;
  /** markErrors flags lines (lint diagnostics); an empty list clears them. */
  markErrors(marks: readonly ErrorMark[]): void;
  /** load puts CodeMirror in place of the plain text area (once; the
   * editor loads it itself when reached for); it settles when it is in. */
  load(): Promise<void>;
  /** loadExtras loads CodeMirror, then its completion, hover help, search
   * and lint gutter (once); it settles when they are in, or failed to
   * load (a warning says so). */
  loadExtras(): Promise<void>;
  focus(): void;
  update(): void;
  destroy(): void;
}

/** Tracking is a line tracking begun before CodeMirror: the text it
 * began on and, once CodeMirror took over, the text it took and its map. */
interface Tracking {
  base: string;
  handedOver?: { text: string; map: LineMap };
}

/** createEditor builds an editor holding text; callbacks receive its shortcuts. */
export function createEditor(text: string, callbacks: EditorCallbacks): Editor {
  const host = document.createElement("div");
  host.className = "lp-editor";
  const area = plainArea(text);
  host.append(area);
  let cm: CodeMirrorEditor | null = null;
  let loading: Promise<void> | null = null;
  let destroyed = false;
  let tracking: Tracking | null = null;
  // The plain area's last replaced text and what replaced it: CodeMirror
  // gets both, so that Ctrl+Z still brings the old text back.
  let replaced: { before: string; after: string } | null = null;
  // Error marks asked for before CodeMirror, on the text they were for.
  let marks: { text: string; marks: readonly ErrorMark[] } | null = null;

  area.addEventListener("keydown", (e) => {
    const mod = e.ctrlKey || e.metaKey;
    if (e.key === "Enter" && mod) {
      e.preventDefault();
      callbacks.onRun();
    } else if (e.key === "Escape") callbacks.onStop();
    else if (mod && !e.shiftKey && e.key.toLowerCase() === "z" && replaced && area.value === replaced.after) {
      // The area's own undo forgets a text set by script: bring the
      // replaced one back, as CodeMirror's Ctrl+Z does.
      e.preventDefault();
      area.value = replaced.before;
      replaced = null;
      callbacks.onChange?.(area.value);
    }
  });
  area.addEventListener("input", () => callbacks.onChange?.(area.value));
  for (const type of ["focusin", "pointerover"]) host.addEventListener(type, () => void load().catch(warnLoad));

  function load(): Promise<void> {
    loading ??= import("./cmeditor").then(
      (m) => {
        if (!destroyed && !cm) cm = takeOver(m.createCodeMirror);
      },
      (e: unknown) => {
        loading = null;
        throw e;
      },
    );
    return loading;
  }

  // takeOver builds CodeMirror from the plain area's state and swaps it in.
  function takeOver(create: typeof import("./cmeditor").createCodeMirror): CodeMirrorEditor {
    const text = area.value, focused = host.contains(document.activeElement);
    const { selectionStart, selectionEnd, scrollTop } = area;
    const next = create(replaced ? replaced.before : text, callbacks);
    if (replaced) {
      // Not scrolled into view: CodeMirror would scroll the page too, to
      // the cursor, pulling away a user who scrolled down to the timeline
      // while it loaded after a run.
      next.replaceContent(replaced.after, false);
      if (text !== replaced.after) next.view.dispatch({ changes: { from: 0, to: next.view.state.doc.length, insert: text } });
    }
    const backward = area.selectionDirection === "backward";
    next.view.dispatch({ selection: { anchor: backward ? selectionEnd : selectionStart, head: backward ? selectionStart : selectionEnd } });
    if (tracking) tracking.handedOver = { text, map: next.trackLines() };
    if (marks) next.markErrors(marks.marks.flatMap((m) => {
      const line = mapLine(marks!.text, text, m.line);
      return line === null ? [] : [{ ...m, line }];
    }));
    host.replaceChild(next.dom, area);
    next.view.scrollDOM.scrollTop = scrollTop;
    if (focused) next.focus();
    return next;
  }

  function plainReset(): void {
    tracking = null;
    marks = null;
  }

  return {
    dom: host,
    get view() {
      return cm ? cm.view : null;
    },
    getContent: () => (cm ? cm.getContent() : area.value),
    setContent(doc: string) {
      if (cm) return cm.setContent(doc);
      plainReset();
      replaced = null;
      area.value = doc;
    },
    replaceContent(doc: string) {
      if (cm) return cm.replaceContent(doc);
      plainReset();
      replaced = { before: area.value, after: doc };
      area.value = doc;
      area.setSelectionRange(0, 0);
      area.scrollTop = 0;
    },
    trackLines(): LineMap {
      if (cm) return cm.trackLines();
      const t: Tracking = { base: area.value };
      tracking = t;
      return (line) => {
        if (cm && t.handedOver) {
          const at = mapLine(t.base, t.handedOver.text, line);
          return at === null ? null : t.handedOver.map(at);
        }
        return tracking === t ? mapLine(t.base, area.value, line) : null;
      };
    },
    goToLine(line: number) {
      if (cm) return cm.goToLine(line);
      const lines = area.value.split("\n").length;
      const at = lineStart(area.value, Math.min(Math.max(1, Math.floor(line)), lines));
      area.setSelectionRange(at, at);
      area.focus();
    },
    markErrors(list: readonly ErrorMark[]) {
      if (cm) return cm.markErrors(list);
      marks = list.length > 0 ? { text: area.value, marks: list } : null;
    },
    load,
    loadExtras: () => load().then(() => cm?.loadExtras(), warnLoad),
    focus: () => (cm ? cm.focus() : area.focus()),
    update: () => cm?.update(),
    destroy() {
      destroyed = true;
      cm?.destroy();
    },
  };
}

// plainArea is the text area the page opens with, labelled as CodeMirror's
// content is.
function plainArea(text: string): HTMLTextAreaElement {
  const area = document.createElement("textarea");
  area.className = "lp-plain";
  area.value = text;
  area.spellcheck = false;
  area.wrap = "off";
  area.setAttribute("aria-label", "Lua source");
  area.setAttribute("autocapitalize", "off");
  area.setAttribute("autocomplete", "off");
  return area;
}

/** warnLoad reports an editor that failed to load: the plain one still works. */
function warnLoad(e: unknown): void {
  console.warn("The code editor failed to load; the plain one stays:", e);
}
