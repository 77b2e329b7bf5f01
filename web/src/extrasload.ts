// Loading the editor's extras (editorextras.ts, a chunk of its own) into
// an editor: a compartment that holds a placeholder for the lint gutter
// until they arrive, and the error marks asked for meanwhile, kept in
// step with the edits and shown on arrival.

import { Compartment, type ChangeDesc, type Extension } from "@codemirror/state";
import type { EditorView } from "@codemirror/view";
import type { Diagnostic } from "@codemirror/lint";
import { lintSpace } from "./editorsetup";
import { afterPaint } from "./afterpaint";

type ExtrasModule = typeof import("./editorextras");

/** Extras are one editor's extras, loaded or not. */
export interface Extras {
  /** current is the compartment with what is in now, for a new state. */
  current(): Extension;
  /** load fetches the extras once and puts them into view; a failed
   * load is tried again on the next call. */
  load(view: EditorView): Promise<void>;
  /** mark shows diagnostics, at once when the lint gutter is in, else
   * when it arrives (and loads it once the page is idle); [] clears them. */
  mark(view: EditorView, diagnostics: Diagnostic[]): void;
  /** mapPending carries the marks still waiting through an edit. */
  mapPending(changes: ChangeDesc): void;
}

/** createExtras makes the extras of one editor. */
export function createExtras(): Extras {
  const compartment = new Compartment();
  let loaded: ExtrasModule | null = null;
  let loading: Promise<void> | null = null;
  let pending: Diagnostic[] = [];

  function load(view: EditorView): Promise<void> {
    loading ??= import("./editorextras").then(
      (m) => {
        loaded = m;
        view.dispatch({ effects: compartment.reconfigure(m.extensions) });
        if (pending.length > 0) view.dispatch(m.setDiagnostics(view.state, pending));
        pending = [];
      },
      (e: unknown) => {
        loading = null;
        throw e;
      },
    );
    return loading;
  }

  return {
    current: () => compartment.of(loaded ? loaded.extensions : lintSpace),
    load,
    mark(view, diagnostics) {
      if (loaded) {
        view.dispatch(loaded.setDiagnostics(view.state, diagnostics));
        return;
      }
      pending = diagnostics;
      if (pending.length > 0) afterPaint(() => void load(view).catch(warn));
    },
    mapPending(changes) {
      pending = pending.map((d) => {
        const from = changes.mapPos(d.from, 1);
        return { ...d, from, to: Math.max(from, changes.mapPos(d.to, -1)) };
      });
    },
  };
}

/** warn reports extras that failed to load: the editor works without them. */
export function warn(e: unknown): void {
  console.warn("The editor's completion and help failed to load:", e);
}
