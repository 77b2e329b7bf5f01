// Completion and hover help for the editor, both read from the API
// reference (api.ts).

import type { CompletionContext, CompletionResult } from "@codemirror/autocomplete";
import { hoverTooltip, type Tooltip } from "@codemirror/view";
import type { EditorView } from "@codemirror/view";
import { GLOBALS, METHODS, MODULES, lookup, moduleEntries, names, type ApiEntry } from "./api";
import { appendText } from "./apitext";

const member = new RegExp(`\\b(${MODULES.join("|")})\\.\\w*$`);

/** apiCompletions completes module.function, obj:method and the globals. */
export function apiCompletions(ctx: CompletionContext): CompletionResult | null {
  const m = ctx.matchBefore(member);
  if (m) {
    const module = m.text.slice(0, m.text.indexOf("."));
    return {
      from: m.from + module.length + 1,
      options: moduleEntries(module).flatMap((e) => names(e).map((label) => ({ label, type: "function", detail: e.signature, info: e.summary }))),
      validFor: /^\w*$/,
    };
  }
  const method = ctx.matchBefore(/[\w\])]:\w*$/);
  if (method) {
    return {
      from: method.from + 2,
      options: METHODS.map((mt) => ({
        label: mt.name,
        type: "method",
        detail: mt.entries.map((e) => e.signature).join("  |  "),
        info: mt.entries.map((e) => e.summary).join("\n"),
      })),
      validFor: /^\w*$/,
    };
  }
  const word = ctx.matchBefore(/\w+$/);
  if (!word || !ctx.explicit && word.text.length < 2) return null;
  const options = [
    ...MODULES.map((label) => ({ label, type: "namespace" })),
    ...GLOBALS.map((label) => ({ label, type: "function", detail: lookup("", label)[0]?.signature })),
  ];
  return { from: word.from, options, validFor: /^\w*$/ };
}

/** entryAt finds the documented calls whose name covers pos, if any. */
export function entryAt(text: string, pos: number): { entries: ApiEntry[]; from: number; to: number } | null {
  let from = pos;
  let to = pos;
  while (from > 0 && /\w/.test(text[from - 1])) from--;
  while (to < text.length && /\w/.test(text[to])) to++;
  if (from === to) return null;
  const name = text.slice(from, to);
  const before = text.slice(0, from);
  const module = before.match(/\b(\w+)\.$/);
  let entries: ApiEntry[];
  if (module) entries = lookup(module[1] + ".", name);
  else if (before.endsWith(":")) entries = lookup(":", name);
  else entries = GLOBALS.includes(name) ? lookup("", name) : [];
  return entries.length > 0 ? { entries, from, to } : null;
}

/** apiHover shows the signature and summary of the call under the pointer
 * (every type's, for a method several types have). */
export const apiHover = hoverTooltip((view: EditorView, pos: number): Tooltip | null => {
  const line = view.state.doc.lineAt(pos);
  const found = entryAt(line.text, pos - line.from);
  if (!found) return null;
  return {
    pos: line.from + found.from,
    end: line.from + found.to,
    above: true,
    create() {
      const dom = document.createElement("div");
      dom.className = "lp-hover";
      for (const e of found.entries) {
        const sig = document.createElement("code");
        sig.className = "lp-hover-sig";
        sig.textContent = e.signature;
        const doc = document.createElement("div");
        appendText(doc, e.summary);
        dom.append(sig, doc);
      }
      return { dom };
    },
  };
});
