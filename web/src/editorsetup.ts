// What the editor needs from its first paint: line numbers, history,
// folding, selection drawing, indentation, bracket matching and the
// keymaps that go with them (CodeMirror's basicSetup without its
// completion, search and lint parts). Those parts, with the API help, come
// later in their own chunk (editorextras.ts): the page's first output
// does not wait for them.

import { lineNumbers, highlightActiveLineGutter, highlightSpecialChars, drawSelection, dropCursor, rectangularSelection, crosshairCursor, highlightActiveLine, keymap, gutter, EditorView } from "@codemirror/view";
import { EditorState, type Extension } from "@codemirror/state";
import { foldGutter, indentOnInput, syntaxHighlighting, defaultHighlightStyle, bracketMatching, foldKeymap } from "@codemirror/language";
import { history, defaultKeymap, historyKeymap } from "@codemirror/commands";

/** coreSetup are the editor's extensions that the first paint needs. */
export const coreSetup: Extension = [
  lineNumbers(),
  highlightActiveLineGutter(),
  highlightSpecialChars(),
  history(),
  foldGutter(),
  drawSelection(),
  dropCursor(),
  EditorState.allowMultipleSelections.of(true),
  indentOnInput(),
  syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
  bracketMatching(),
  rectangularSelection(),
  crosshairCursor(),
  highlightActiveLine(),
  keymap.of([...defaultKeymap, ...historyKeymap, ...foldKeymap]),
];

/** lintSpace holds the lint gutter's place until the extras bring the
 * gutter itself, so that the text does not move when they arrive. */
export const lintSpace: Extension = [
  gutter({ class: "lp-lint-space" }),
  EditorView.baseTheme({ ".lp-lint-space": { width: "1.4em" } }),
];
