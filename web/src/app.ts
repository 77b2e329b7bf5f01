// The playground's behaviour: what Run, Stop, Share, the Examples menu and
// the options do, in terms of the page's components and a runner. It builds
// the components into the page's slots; main.ts only wires it to the runner.

import { createEditor, type Editor } from "./editor";
import { fetchExample, fetchExampleIndex } from "./examples";
import { errorMarks } from "./marks";
import { defaultOptions, type PageOptions } from "./options";
import { createOutput } from "./output";
import type { RunOptions } from "./protocol";
import type { LoadState, RunHandle, RunHandlers } from "./runner";
import { decodeShare, encodeShare, isShareFragment } from "./share";
import { createStats, type RunState } from "./stats";
import { loadDraft, loadTheme, saveDraft, saveTheme, type Theme } from "./storage";
import { applyTheme } from "./theme";
import { createToolbar } from "./toolbar";
import type { RunResult, TraceEvent } from "./trace";

/** RunFn starts a run: Runner.run of runner.ts. */
export type RunFn = (source: string, options: RunOptions, handlers: RunHandlers) => RunHandle;

/** RunListener follows runs, e.g. the timeline. */
export interface RunListener {
  start?(options: PageOptions): void;
  events?(events: readonly TraceEvent[]): void;
  /** end gets the result, or null when the run failed to start or the engine broke. */
  end?(result: RunResult | null): void;
  /** theme is called after the theme changed, so colours can be re-read. */
  theme?(): void;
}

/** AppParts are what the app needs from the page. */
export interface AppParts {
  slots: { toolbar: HTMLElement; editor: HTMLElement; stats: HTMLElement; output: HTMLElement };
  run: RunFn;
  /** examples is the URL of the examples directory (ends with "/"). */
  examples: URL;
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
  destroy(): void;
}

/** createApp builds the components and loads the first script: a shared
 * link, else the saved draft, else the first example. */
export function createApp(parts: AppParts): App {
  const listeners: RunListener[] = [];
  let options: PageOptions = { ...defaultOptions };
  let theme: Theme = loadTheme();
  let example = "";
  let current: RunHandle | null = null;
  let saveTimer = 0;
  let engineLoaded = false;

  const editor = createEditor("", {
    onRun: () => run(),
    onStop: () => stop(),
    onChange: () => {
      dropShareFragment();
      clearTimeout(saveTimer);
      saveTimer = window.setTimeout(persist, 300);
    },
  });
  const output = createOutput({ onLine: (n) => editor.goToLine(n) });
  const stats = createStats();
  const toolbar = createToolbar({
    onRun: () => run(),
    onStop: () => stop(),
    onExample: (file) => void openExample(file),
    onReset: () => void (example && openExample(example)),
    onShare: () => void share(),
    onOptions: (o) => {
      options = o;
      persist();
    },
    onTheme: (t) => {
      theme = t;
      saveTheme(t);
      applyTheme(t);
      for (const l of listeners) l.theme?.();
    },
  });
  parts.slots.toolbar.append(toolbar.dom);
  parts.slots.editor.append(editor.dom);
  parts.slots.stats.append(stats.dom);
  parts.slots.output.append(output.dom);

  function setState(s: RunState) {
    document.body.dataset.runState = s;
    toolbar.update({ running: s === "running", options, theme, example });
  }

  function persist() {
    clearTimeout(saveTimer);
    saveDraft({ code: editor.getContent(), options, example: example || undefined });
  }

  // dropShareFragment forgets a shared link once the code is no longer its.
  function dropShareFragment() {
    if (isShareFragment(location.hash)) history.replaceState(null, "", location.pathname + location.search);
  }

  // load puts a script in the editor; a run going on is stopped, and its
  // end still sets the state.
  function load(code: string, opts: PageOptions, from: string) {
    stop();
    editor.setContent(code);
    options = opts;
    example = from;
    output.clear();
    if (current) toolbar.update({ running: true, options, theme, example });
    else setState("idle");
  }

  async function openExample(file: string) {
    try {
      load(await fetchExample(parts.examples, file), options, file);
      dropShareFragment();
      persist();
    } catch (e) {
      output.note(`Could not load the example: ${(e as Error).message}`, "error");
    }
  }

  // openShared loads a shared link; it returns why it could not, or "".
  async function openShared(hash: string): Promise<string> {
    try {
      const shared = await decodeShare(hash);
      load(shared.code, shared.options, "");
      output.note("Opened a shared link: press Run.", "info");
      return "";
    } catch (e) {
      return `Could not open the shared link: ${(e as Error).message}`;
    }
  }

  async function first() {
    const problems: string[] = [];
    const index = fetchExampleIndex(parts.examples).then(
      (list) => {
        toolbar.setExamples(list);
        toolbar.update({ running: current !== null, options, theme, example });
        return list;
      },
      (e: Error) => {
        problems.push(`Could not load the examples: ${e.message}`);
        return [];
      },
    );
    let opened = false;
    if (isShareFragment(location.hash)) {
      const problem = await openShared(location.hash);
      if (problem) problems.push(problem);
      opened = !problem;
    }
    const draft = opened ? null : loadDraft();
    if (draft) load(draft.code, draft.options, draft.example ?? "");
    const examples = await index;
    if (!opened && !draft && examples.length > 0) await openExample(examples[0].file);
    for (const problem of problems) output.note(problem, "error");
  }

  function finish(handle: RunHandle, r: RunResult | null, failure = "") {
    if (current !== handle) return;
    current = null;
    if (r) {
      setState(stats.finish(r));
      editor.markErrors(errorMarks(r));
    } else {
      stats.fail(failure);
      output.note(`The run failed: ${failure}`, "error");
      setState("failed");
    }
    for (const l of listeners) l.end?.(r);
  }

  function run() {
    if (current) return;
    output.clear();
    editor.markErrors([]);
    stats.start(engineLoaded);
    for (const l of listeners) l.start?.(options);
    const handle = parts.run(editor.getContent(), { realTime: !options.virtualTime }, {
      onOutput: (stream, text) => output.append(stream, text),
      onEvents: (events) => {
        stats.observe(events);
        for (const l of listeners) l.events?.(events);
      },
    });
    current = handle;
    setState("running");
    handle.result.then(
      (r) => finish(handle, r),
      (e: unknown) => finish(handle, null, e instanceof Error ? e.message : String(e)),
    );
  }

  function stop() {
    current?.cancel();
  }

  async function share() {
    const url = location.origin + location.pathname + location.search + (await encodeShare({ code: editor.getContent(), options }));
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
    } else if (e.key === "Escape" && current) {
      stop();
    }
  };
  const onHash = () => {
    if (!isShareFragment(location.hash)) return;
    void openShared(location.hash).then((problem) => problem && output.note(problem, "error"));
  };
  document.addEventListener("keydown", onKey);
  window.addEventListener("hashchange", onHash);
  window.addEventListener("pagehide", persist);
  applyTheme(theme);
  setState("idle");

  return {
    editor,
    ready: first(),
    run,
    stop,
    listen: (l) => void listeners.push(l),
    engine(s) {
      engineLoaded = s.phase === "ready";
      stats.engine(s);
    },
    destroy() {
      current?.cancel();
      document.removeEventListener("keydown", onKey);
      window.removeEventListener("hashchange", onHash);
      window.removeEventListener("pagehide", persist);
      for (const c of [toolbar, editor, stats, output]) c.destroy();
    },
  };
}
