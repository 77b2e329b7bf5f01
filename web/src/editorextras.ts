// The editor's extras, a chunk of their own that editor.ts loads once the
// user reaches for the editor (focus or pointer), opens Help or the first
// run has ended: completion with the API reference, hover help, bracket
// closing, search, selection matches and the lint gutter that marks a
// run's failing lines. The page's first output does not wait for them.

import { autocompletion, closeBrackets, closeBracketsKeymap, completeAnyWord, ifNotIn } from "@codemirror/autocomplete";
import { lintGutter, lintKeymap, setDiagnostics } from "@codemirror/lint";
import { highlightSelectionMatches, searchKeymap } from "@codemirror/search";
import { Prec, type Extension } from "@codemirror/state";
import { keymap } from "@codemirror/view";
import { apiCompletions, apiHover } from "./help";

/** extensions go into the editor's extras compartment. Their keys come
 * before the core keymap's, as in CodeMirror's basicSetup (Backspace
 * deletes a closed pair before it deletes a character). */
export const extensions: Extension = [
  closeBrackets(),
  // None in a comment: its list would open on a word being written there,
  // and the Enter that ends the line would take the first suggestion.
  autocompletion({ override: [ifNotIn(["comment"], apiCompletions), ifNotIn(["comment"], completeAnyWord)] }),
  highlightSelectionMatches(),
  apiHover,
  lintGutter(),
  Prec.high(keymap.of([...closeBracketsKeymap, ...searchKeymap, ...lintKeymap])),
];

export { setDiagnostics };
