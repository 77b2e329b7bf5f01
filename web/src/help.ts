// Completion and hover help for the editor, both read from api.ts.

import type { CompletionContext, CompletionResult } from "@codemirror/autocomplete";
import { hoverTooltip, type Tooltip } from "@codemirror/view";
import type { EditorView } from "@codemirror/view";
import { goroutineApi, lookup, methodApi, slothApi, type ApiEntry } from "./api";

function option(e: ApiEntry, label: string, type: string) {
  return { label, type, detail: e.signature, info: e.doc };
}

/** apiCompletions completes goroutine.*, obj:method and sloth-runner globals. */
export function apiCompletions(ctx: CompletionContext): CompletionResult | null {
  const member = ctx.matchBefore(/\bgoroutine\.\w*$/);
  if (member) {
    return {
      from: member.from + "goroutine.".length,
      options: goroutineApi.map((e) => option(e, e.name, "function")),
      validFor: /^\w*$/,
    };
  }
  const method = ctx.matchBefore(/[\w\])]:\w*$/);
  if (method) {
    return {
      from: method.from + 2,
      options: methodApi.map((e) => option(e, e.name, "method")),
      validFor: /^\w*$/,
    };
  }
  const sloth = ctx.matchBefore(/\b(log|workflow)\.\w*$/);
  if (sloth) {
    const prefix = sloth.text.slice(0, sloth.text.indexOf(".") + 1);
    return {
      from: sloth.from + prefix.length,
      options: slothApi.filter((e) => e.name.startsWith(prefix)).map((e) => option(e, e.name.slice(prefix.length), "function")),
      validFor: /^\w*$/,
    };
  }
  const word = ctx.matchBefore(/\w+$/);
  if (!word || !ctx.explicit && word.text.length < 2) return null;
  const globals = ["goroutine", "log", "workflow", "task"].map((label) => ({ label, type: "namespace" }));
  return { from: word.from, options: globals, validFor: /^\w*$/ };
}

/** entryAt finds the documented call whose name covers pos, if any. */
export function entryAt(text: string, pos: number): { entry: ApiEntry; from: number; to: number } | null {
  let from = pos;
  let to = pos;
  while (from > 0 && /\w/.test(text[from - 1])) from--;
  while (to < text.length && /\w/.test(text[to])) to++;
  if (from === to) return null;
  const name = text.slice(from, to);
  const before = text.slice(Math.max(0, from - 10), from);
  let entry: ApiEntry | undefined;
  if (before.endsWith("goroutine.")) entry = lookup("goroutine.", name);
  else if (before.endsWith(":")) entry = lookup(":", name);
  else if (/\b(log|workflow)\.$/.test(before)) entry = lookup(before.slice(before.search(/(log|workflow)\.$/)), name);
  else if (name === "task") entry = lookup("", name);
  return entry ? { entry, from, to } : null;
}

/** apiHover shows the signature and doc line of the call under the pointer. */
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
      const sig = document.createElement("code");
      sig.className = "lp-hover-sig";
      sig.textContent = found.entry.signature;
      const doc = document.createElement("div");
      doc.textContent = found.entry.doc;
      dom.append(sig, doc);
      return { dom };
    },
  };
});
