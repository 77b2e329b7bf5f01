// The playground's behaviour: what Run, Stop, Share, the Examples menu and
// the options do, in terms of the page's components and a runner. It builds
// the components into the page's slots; main.ts only wires it to the runner.
// content.ts keeps the editor's code, runcontrol.ts its runs.

import { createContent } from "./content";
import { createEditor, type Editor } from "./editor";
import { afterPaint } from "./afterpaint";
import { createOutput, type Written } from "./output";
import { createRunControl, type RunFn, type RunListener } from "./runcontrol";
import type { LoadState } from "./runner";
import { encodeShare, isShareFragment } from "./share";
import { createStats, type RunState } from "./stats";
import { loadTheme, saveTheme, type Theme } from "./storage";
import { applyTheme } from "./theme";
import { createToolbar } from "./toolbar";

export type { RunFn, RunListener } from "./runcontrol";

/** AppParts are what the app needs from the page. */
export interface AppParts {
  slots: { toolbar: HTMLElement; editor: HTMLElement; stats: HTMLElement; output: HTMLElement };
  run: RunFn;
  /** examples is the URL of the examples directory (ends with "/"). */
  examples: URL;
  /** timeline is where the output points: the instant a hovered chunk
   * was written (null: none), and a goroutine a report names. */
  timeline?: { instant(at: Written | null): void; goroutine(g: number): void };
}

/** App is the running playground. */
export interface App {
  editor: Editor;
  /** ready settles once the first script is in the editor. */
  ready: Promise<void>;
  run(): void;
  stop(): void;
  listen(l: RunListener): void;
  /** engine follows the engine's loading (Runner.onLoadState). */
  engine(s: LoadState): void;
  /** goToRunLine moves the editor to a line of the last run's code, where
   * that line is now; it says so when that code was replaced. */
  goToRunLine(line: number): void;
  /** highlightOutput marks the output written in a run-time range (µs); null clears. */
  highlightOutput(range: { t0: number; t1: number } | null): void;
  destroy(): void;
}

/** createApp builds the components and loads the first script: a shared
 * link, else the saved draft, else the first example. */
export function createApp(parts: AppParts): App {
  const listeners: RunListener[] = [];
  let theme: Theme = loadTheme();
  let engineLoaded = false;
  let saveTimer = 0;

  const editor = createEditor("", {
    onRun: () => run(),
    onStop: () => stop(),
    onChange: () => {
      dropShareFragment();
      clearTimeout(saveTimer);
      saveTimer = window.setTimeout(persist, 300);
      content.edited();
    },
  });
  const output = createOutput({
    onLine: (n) => goToRunLine(n),
    onGoroutine: (g) => parts.timeline?.goroutine(g),
    onHover: (at) => parts.timeline?.instant(at),
  });
  const stats = createStats();
  const toolbar = createToolbar({
    onRun: () => run(),
    onStop: () => stop(),
    onExample: (file) => void content.open(file),
    onReset: () => void content.reset(),
    onShare: () => void share(),
    onOptions: (o) => {
      content.options = o;
      persist();
    },
    onTheme: (t) => {
      theme = t;
      saveTheme(t);
      applyTheme(t);
      for (const l of listeners) l.theme?.();
    },
  });
  // CodeMirror and the editor's extras load after the first run at the
  // latest, once its output is drawn: the output does not wait for them.
  listeners.push({ end: () => afterPaint(() => void editor.loadExtras()) });
  const runs = createRunControl({ run: parts.run, editor, output, stats, listeners, onState: setState });
  const content = createContent({
    editor,
    examples: parts.examples,
    replaced(kept) {
      dropShareFragment();
      runs.abandon(content.options);
      refresh();
      if (kept) toolbar.flash("Your code is kept: Ctrl+Z or Examples → Your code brings it back");
    },
    changed: () => refresh(),
    note: (text, kind) => output.note(text, kind),
    setExamples: (list) => {
      toolbar.setExamples(list);
      refresh();
    },
  });
  parts.slots.toolbar.append(toolbar.dom);
  parts.slots.editor.append(editor.dom);
  parts.slots.stats.append(stats.dom);
  parts.slots.output.append(output.dom);

  function refresh() {
    toolbar.update({
      running: runs.running,
      canRun: content.ready,
      options: content.options,
      theme,
      menu: content.menu,
      canReset: content.canReset,
    });
  }

  function setState(s: RunState) {
    document.body.dataset.runState = s;
    refresh();
  }

  function persist() {
    clearTimeout(saveTimer);
    content.persist();
  }

  // dropShareFragment forgets a shared link once the code is no longer its.
  function dropShareFragment() {
    if (isShareFragment(location.hash)) history.replaceState(null, "", location.pathname + location.search);
  }

  function run() {
    if (content.ready) runs.start(content.options, engineLoaded);
  }

  function stop() {
    runs.stop();
  }

  function goToRunLine(line: number) {
    const now = runs.line(line);
    if (now === null) toolbar.flash("That line is of code that has been replaced: run again");
    else editor.goToLine(now);
  }

  async function share() {
    let fragment: string;
    try {
      fragment = await encodeShare({ code: editor.getContent(), options: content.options });
    } catch (e) {
      toolbar.flash(e instanceof Error ? e.message : String(e));
      return;
    }
    const url = location.origin + location.pathname + location.search + fragment;
    history.replaceState(null, "", url);
    try {
      await navigator.clipboard.writeText(url);
      toolbar.flash("Link copied");
    } catch {
      toolbar.flash("Link is in the address bar");
    }
  }

  // Shortcuts pressed outside the editor, which handles its own.
  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || editor.dom.contains(e.target as Node)) return;
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      run();
    } else if (e.key === "Escape" && runs.running) {
      stop();
    }
  };
  const onHash = () => {
    if (!isShareFragment(location.hash)) return;
    void content.openShared(location.hash).then((problem) => problem && output.note(problem, "error"));
  };
  document.addEventListener("keydown", onKey);
  window.addEventListener("hashchange", onHash);
  window.addEventListener("pagehide", persist);
  applyTheme(theme);
  setState("idle");

  return {
    editor,
    ready: content.first(),
    run,
    stop,
    listen: (l) => void listeners.push(l),
    engine(s) {
      engineLoaded = s.phase === "ready";
      stats.engine(s);
    },
    goToRunLine,
    highlightOutput: (range) => output.highlight(range),
    destroy() {
      runs.stop();
      document.removeEventListener("keydown", onKey);
      window.removeEventListener("hashchange", onHash);
      window.removeEventListener("pagehide", persist);
      for (const c of [toolbar, editor, stats, output]) c.destroy();
    },
  };
}
