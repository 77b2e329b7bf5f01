// The code editor once it has loaded (editor.ts shows a plain text area
// until then): CodeMirror 6 with Lua highlighting, help for the goroutine
// API, run/stop shortcuts and error marks. Tab is left to move the focus
// (keyboard users are never trapped); Ctrl/Cmd+] and [ indent. The help,
// completion, search and error marks arrive in a later chunk
// (extrasload.ts).

import { EditorView, keymap } from "@codemirror/view";
import { Annotation, ChangeSet, EditorState, Prec, type ChangeDesc, type Text } from "@codemirror/state";
import { HighlightStyle, StreamLanguage, syntaxHighlighting } from "@codemirror/language";
import type { Diagnostic } from "@codemirror/lint";
import { tags } from "@lezer/highlight";
import { lua } from "@codemirror/legacy-modes/mode/lua";
import { isolateHistory } from "@codemirror/commands";
import { coreSetup } from "./editorsetup";
import { createExtras, warn } from "./extrasload";
import type { Editor, EditorCallbacks, ErrorMark, LineMap } from "./editor";

// replacement marks the transactions of replaceContent.
const replacement = Annotation.define<boolean>();

/** CodeMirrorEditor is the editor once CodeMirror is in (editor.ts). */
export interface CodeMirrorEditor extends Omit<Editor, "view" | "load" | "replaceContent"> {
  view: EditorView;
  /** replaceContent is the Editor's; with scroll false (the hand-over,
   * which keeps the plain area's scroll) it scrolls neither the editor
   * nor the page to the cursor. */
  replaceContent(text: string, scroll?: boolean): void;
}

// Colours come from CSS variables so the page's theme switch restyles code too.
const luaHighlight = HighlightStyle.define([
  { tag: tags.keyword, color: "var(--lp-syn-keyword)", fontWeight: "600" },
  { tag: [tags.string, tags.special(tags.string)], color: "var(--lp-syn-string)" },
  { tag: tags.number, color: "var(--lp-syn-number)" },
  { tag: [tags.comment, tags.lineComment, tags.blockComment], color: "var(--lp-syn-comment)", fontStyle: "italic" },
  { tag: [tags.bool, tags.null, tags.atom], color: "var(--lp-syn-number)" },
  { tag: tags.standard(tags.variableName), color: "var(--lp-syn-builtin)" },
  { tag: [tags.operator, tags.punctuation, tags.bracket], color: "var(--lp-syn-punct)" },
]);

const editorTheme = EditorView.theme({
  "&": { height: "100%", color: "var(--lp-fg)", backgroundColor: "var(--lp-code-bg)" },
  ".cm-content": { caretColor: "var(--lp-fg)", fontFamily: "var(--lp-mono)" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--lp-fg)" },
  ".cm-gutters": { backgroundColor: "var(--lp-gutter-bg)", color: "var(--lp-muted)", border: "none" },
  ".cm-activeLine": { backgroundColor: "var(--lp-active-line)" },
  ".cm-activeLineGutter": { backgroundColor: "var(--lp-active-line)" },
  "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection": { backgroundColor: "var(--lp-selection)" },
  ".cm-scroller": { overflow: "auto", fontFamily: "var(--lp-mono)", lineHeight: "1.5" },
  ".cm-tooltip": { backgroundColor: "var(--lp-panel-bg)", color: "var(--lp-fg)", border: "1px solid var(--lp-border)" },
  ".cm-panels": { backgroundColor: "var(--lp-panel-bg)", color: "var(--lp-fg)" },
  ".lp-hover": { maxWidth: "32rem", padding: "0.35rem 0.5rem", fontSize: "0.85rem" },
  ".lp-hover-sig": { display: "block", marginBottom: "0.2rem", fontFamily: "var(--lp-mono)", color: "var(--lp-syn-builtin)" },
});

function diagnostics(state: EditorState, marks: readonly ErrorMark[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const m of marks) {
    if (m.line < 1 || m.line > state.doc.lines) continue;
    const line = state.doc.line(m.line);
    out.push({ from: line.from, to: line.to, severity: m.severity ?? "error", message: m.message });
  }
  return out;
}

/** createCodeMirror builds an editor holding text; callbacks receive its shortcuts. */
export function createCodeMirror(text: string, callbacks: EditorCallbacks): CodeMirrorEditor {
  const shortcuts = Prec.highest(keymap.of([
    { key: "Mod-Enter", preventDefault: true, run: () => { callbacks.onRun(); return true; } },
    { key: "Escape", run: () => { callbacks.onStop(); return false; } },
  ]));
  const extras = createExtras();
  const extensions = [
    coreSetup,
    shortcuts,
    StreamLanguage.define(lua),
    syntaxHighlighting(luaHighlight),
    editorTheme,
    EditorState.tabSize.of(2),
    EditorView.contentAttributes.of({ "aria-label": "Lua source" }),
    EditorView.updateListener.of((u) => {
      // setContent replaces the whole state, which fires no update, and
      // replaceContent's transactions are marked: only edits reach onChange.
      if (!u.docChanged) return;
      extras.mapPending(u.changes);
      let edited = false;
      for (const tr of u.transactions) {
        if (!tr.docChanged) continue;
        const replacing = tr.annotation(replacement) === true;
        edited ||= !replacing;
        if (tracked) {
          if (replacing) tracked.replaced = true;
          else tracked.changes = tracked.changes.composeDesc(tr.changes.desc);
        }
      }
      if (edited) callbacks.onChange?.(u.state.doc.toString());
    }),
  ];
  let tracked: { doc: Text; changes: ChangeDesc; replaced: boolean } | null = null;
  const newState = (doc: string) => EditorState.create({ doc, extensions: [extensions, extras.current()] });
  // The editor lives in a shadow root: CodeMirror then adopts its styles
  // as a constructed stylesheet instead of adding a <style> element, so
  // the page's Content-Security-Policy needs no 'unsafe-inline'.
  const host = document.createElement("div");
  host.className = "lp-cm";
  const root = host.attachShadow({ mode: "open" });
  const view = new EditorView({ state: newState(text), root, parent: root });
  // The extras load when the user reaches for the editor.
  const loadExtras = () => extras.load(view).catch(warn);
  for (const type of ["focusin", "pointerover"]) host.addEventListener(type, () => void loadExtras());
  return {
    dom: host,
    view,
    getContent: () => view.state.doc.toString(),
    setContent(doc: string) {
      tracked = null;
      extras.mark(view, []);
      view.setState(newState(doc));
    },
    replaceContent(doc: string, scroll = true) {
      extras.mark(view, []);
      view.dispatch({
        changes: { from: 0, to: view.state.doc.length, insert: doc },
        selection: { anchor: 0 },
        scrollIntoView: scroll,
        // One undo step of its own, never merged with the typing around it.
        annotations: [replacement.of(true), isolateHistory.of("full")],
      });
    },
    trackLines(): LineMap {
      const t = { doc: view.state.doc, changes: ChangeSet.empty(view.state.doc.length).desc, replaced: false };
      tracked = t;
      return (line) => {
        if (tracked !== t || t.replaced || line < 1 || line > t.doc.lines) return null;
        const pos = t.changes.mapPos(t.doc.line(Math.floor(line)).from, 1);
        return view.state.doc.lineAt(pos).number;
      };
    },
    goToLine(line: number) {
      const n = Math.min(Math.max(1, Math.floor(line)), view.state.doc.lines);
      const pos = view.state.doc.line(n).from;
      view.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
      view.focus();
    },
    markErrors(marks: readonly ErrorMark[]) {
      extras.mark(view, diagnostics(view.state, marks));
    },
    loadExtras,
    focus: () => view.focus(),
    update: () => view.requestMeasure(),
    destroy: () => view.destroy(),
  };
}
