// One run at a time, from Run to its result: feeds the output pane, the
// status line, the editor's marks and the page's listeners. A run whose
// code was replaced while it went on is abandoned: it is stopped and
// nothing more of it is shown. Lines named by a run (output links,
// timeline spans, error marks) are followed through later edits.

import { crashNote, EngineCrash } from "./crash";
import type { Editor, LineMap } from "./editor";
import { errorMarks } from "./marks";
import { runOptions, type PageOptions } from "./options";
import type { Output } from "./output";
import type { RunOptions } from "./protocol";
import type { RunHandle, RunHandlers } from "./runner";
import type { RunState, Stats } from "./stats";
import type { RunResult, TraceEvent } from "./trace";

/** RunFn starts a run: Runner.run of runner.ts. */
export type RunFn = (source: string, options: RunOptions, handlers: RunHandlers) => RunHandle;

/** RunListener follows runs, e.g. the timeline. */
export interface RunListener {
  start?(options: PageOptions): void;
  events?(events: readonly TraceEvent[]): void;
  /** end gets the result, or null when the run failed to start or the engine broke. */
  end?(result: RunResult | null): void;
  /** replaced is called when new code replaced the code of the last run. */
  replaced?(options: PageOptions): void;
  /** theme is called after the theme changed, so colours can be re-read. */
  theme?(): void;
}

/** RunControl runs the editor's code. */
export interface RunControl {
  readonly running: boolean;
  start(options: PageOptions, engineLoaded: boolean): void;
  stop(): void;
  /** abandon forgets the last run (its code was replaced) and stops it if it goes on. */
  abandon(options: PageOptions): void;
  /** line finds a line of the last run's code in the editor now, or null. */
  line(n: number): number | null;
}

/** RunParts are what a RunControl drives. */
export interface RunParts {
  run: RunFn;
  editor: Editor;
  output: Output;
  stats: Stats;
  listeners: readonly RunListener[];
  /** onState is called when the page's run state changes. */
  onState(s: RunState): void;
}

/** createRunControl builds the run lifecycle over parts. */
export function createRunControl(p: RunParts): RunControl {
  let current: RunHandle | null = null;
  let abandoned = false;
  let lines: LineMap | null = null;
  const line = (n: number) => lines?.(n) ?? null;

  // finish shows how a run ended: its result, or why it has none. The
  // output and the timeline so far stay as they are.
  function finish(handle: RunHandle, r: RunResult | null, failure?: unknown) {
    if (current !== handle) return;
    current = null;
    if (abandoned) {
      abandoned = false;
      p.stats.clear();
      return p.onState("idle");
    }
    if (r) {
      p.onState(p.stats.finish(r));
      const marks = errorMarks(r).map((m) => ({ ...m, line: line(m.line) ?? 0 }));
      p.editor.markErrors(marks.filter((m) => m.line > 0));
    } else {
      const why = failure instanceof Error ? failure.message : String(failure);
      p.stats.fail(why);
      p.output.note(failure instanceof EngineCrash ? crashNote(failure) : `The run failed: ${why}`, "error");
      p.onState("failed");
    }
    for (const l of p.listeners) l.end?.(r);
  }

  return {
    get running() {
      return current !== null;
    },
    start(options, engineLoaded) {
      if (current) return;
      p.output.clear();
      p.editor.markErrors([]);
      p.stats.start(engineLoaded);
      lines = p.editor.trackLines();
      for (const l of p.listeners) l.start?.(options);
      const handle = p.run(p.editor.getContent(), runOptions(options), {
        onOutput: (stream, text, at) => abandoned || p.output.append(stream, text, at),
        onEvents: (events) => {
          if (abandoned) return;
          p.stats.observe(events);
          for (const l of p.listeners) l.events?.(events);
        },
      });
      current = handle;
      p.onState("running");
      handle.result.then(
        (r) => finish(handle, r),
        (e: unknown) => finish(handle, null, e),
      );
    },
    stop() {
      current?.cancel();
    },
    abandon(options) {
      lines = null;
      if (current) {
        abandoned = true;
        current.cancel();
      }
      p.output.clear();
      p.stats.clear();
      for (const l of p.listeners) l.replaced?.(options);
    },
    line,
  };
}
