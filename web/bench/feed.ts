// The page's path into the timeline, for the Chromium bench: the component
// (createTimeline, as main.ts mounts it) is handed a run's trace the way
// the page hands it one, in batches of at most BATCH events, each in a task
// of its own (as each of the worker's messages is), as fast as the page
// takes them, with the component drawing on animation frames and
// refreshing its text on its timer meanwhile. After the last batch the run
// ends, and the frame the component then draws is the first draw of the
// whole run: that is what a user waits for.

import { createTimeline } from "../src/timeline/index";
import { Frame } from "../src/timeline/frame";
import { TextView } from "../src/timeline/textview";
import type { RunResult, TraceEvent } from "../src/trace";

/** BATCH is the most events a batch of the engine holds (wasm/batch.go's
 * batchItems: events and output chunks together). */
export const BATCH = 500;

/** FeedResult is what one fed run measured, in milliseconds. */
export interface FeedResult {
  events: number;
  batches: number;
  /** lastToFrameMs runs from the last batch's arrival to the end of the
   * frame that shows the whole run (rasterised), the wait for that
   * animation frame included. */
  lastToFrameMs: number;
  /** lastWorkMs is the work of that stretch: the last append, end() and
   * the component's paint. */
  lastWorkMs: number;
  /** lastPaintMs is the paint, of that work. */
  lastPaintMs: number;
  /** lastRefreshMs is the text refresh of the run's end (the summary),
   * whether the frame waited for it or not. */
  lastRefreshMs: number;
  /** appendMs sums every append() of the run: the layout built as the
   * batches arrive. */
  appendMs: number;
  appendMaxMs: number;
  /** The component's paints while the batches came (its last excluded):
   * how many, their sum and the slowest. */
  paints: number;
  paintMs: number;
  paintMaxMs: number;
  /** The text refreshes (summary, span count) on the component's timer
   * and at the end: how many, their sum and the slowest. */
  refreshes: number;
  refreshMs: number;
  refreshMaxMs: number;
  /** feedMs runs from the first batch to the frame after the last. */
  feedMs: number;
}

// timed wraps a prototype's method so that each call's duration goes to
// sink; it returns what restores the method.
function timed<T extends object>(proto: T, name: keyof T & string, sink: (ms: number) => void): () => void {
  const orig = proto[name] as unknown as (...args: unknown[]) => unknown;
  (proto as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
    const s = performance.now();
    try {
      return orig.apply(this, args);
    } finally {
      sink(performance.now() - s);
    }
  };
  return () => void ((proto as Record<string, unknown>)[name] = orig);
}

const frameDone = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** feedTimeline mounts a timeline in host (width by host, canvas at most
 * maxHeight CSS pixels), lets it draw its empty state as the page does on
 * load, then feeds it events and ends the run. */
export async function feedTimeline(host: HTMLElement, events: readonly TraceEvent[], maxHeight: number): Promise<FeedResult> {
  const tl = createTimeline(document, { maxHeight });
  host.append(tl.dom);
  await frameDone();
  await frameDone();
  tl.reset("virtual");
  const batches: TraceEvent[][] = [];
  for (let i = 0; i < events.length; i += BATCH) batches.push(events.slice(i, i + BATCH));
  const paints: number[] = [], refreshes: number[] = [];
  const restore = [timed(Frame.prototype, "paint", (ms) => paints.push(ms)), timed(TextView.prototype, "refresh", (ms) => refreshes.push(ms))];
  const canvas = tl.dom.querySelector("canvas")!;
  let appendMs = 0, appendMaxMs = 0;
  const ended: RunResult = { status: "ok", stats: {} as RunResult["stats"] };
  try {
    const t0 = performance.now();
    const last = await new Promise<{ at: number; work: number }>((resolve) => {
      const ch = new MessageChannel();
      let i = 0;
      ch.port1.onmessage = () => {
        const b = batches[i++];
        if (i < batches.length) {
          const s = performance.now();
          tl.append(b);
          const ms = performance.now() - s;
          appendMs += ms;
          appendMaxMs = Math.max(appendMaxMs, ms);
          ch.port2.postMessage(0);
          return;
        }
        const at = performance.now();
        refreshes.push(-1); // the refreshes after this one are end()'s
        tl.append(b);
        const appended = performance.now();
        tl.end(ended);
        const work = performance.now() - at;
        appendMs += appended - at;
        paints.push(-1); // the paints after this one are the last frame's
        // The component's frame was requested before this one, so it has
        // been painted when this runs.
        requestAnimationFrame(() => {
          ch.port1.close();
          void canvas.getContext("2d")!.getImageData(0, 0, 1, 1);
          resolve({ at, work });
        });
      };
      ch.port2.postMessage(0);
    });
    const t1 = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 50)); // for a refresh that comes after the frame
    const cut = paints.indexOf(-1);
    const during = paints.slice(0, cut), after = paints.slice(cut + 1);
    const rcut = refreshes.indexOf(-1), atEnd = refreshes.slice(rcut + 1);
    refreshes.splice(rcut, 1);
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    return {
      events: events.length, batches: batches.length,
      lastToFrameMs: t1 - last.at, lastWorkMs: last.work + sum(after), lastRefreshMs: sum(atEnd), lastPaintMs: sum(after),
      appendMs, appendMaxMs,
      paints: during.length, paintMs: sum(during), paintMaxMs: Math.max(0, ...during),
      refreshes: refreshes.length, refreshMs: sum(refreshes), refreshMaxMs: Math.max(0, ...refreshes),
      feedMs: t1 - t0,
    };
  } finally {
    for (const r of restore) r();
    tl.destroy();
  }
}
