// The timeline benchmark (`go run ./cmd/webtest -bench`): a synthetic run
// of 120,000 events over 10,000 goroutines. In Node, with a call-counting
// canvas, it measures layout, the first draw and pan and zoom frames (as
// the timeline opens, large groups collapsed, and with every group
// expanded). In headless Chromium (skipped when no Chromium is installed)
// it measures, on a real canvas, the page's path: the component fed the
// run in the engine's batches (feed.ts), timed from the last batch to the
// frame that shows the whole run, on cold pages (a fresh browser context
// each) and warm; then the same whole trace laid out and drawn from
// scratch at once, which the page never does, and the pan and zoom frames.
// It reports against the targets and does not fail on them: timings
// depend on the machine.

import { existsSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import type { Browser, Page } from "playwright";
import { measure, report, TARGETS, type Result } from "./core";
import { BATCH, type FeedResult } from "./feed";
import { emit, fromSamples, type Head } from "./result";
import { countingCtx } from "./countingctx";

// Each setting runs twice: the first run is what a page sees first (cold
// JIT), the second shows the steady state.
for (const run of ["cold", "warm"]) {
  console.log(report(`node, counting canvas 1200x600, ${run}`, measure(countingCtx(), 1200, 600, () => performance.now(), () => {})));
}

/** head names one timeline measurement in Chromium, in milliseconds. */
function head(subject: string, events: number, target?: string): Head {
  return { env: "chromium", name: "timeline", n: events, unit: "ms", subject, baseline: "", ...(target ? { target } : {}) };
}

const COLD = Number(process.env.LP_BENCH_COLD ?? 5);

/** page opens a fresh context (a renderer with a cold JIT) with the bench script. */
async function page(browser: Browser): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 2 });
  const p = await ctx.newPage();
  await p.setContent("<!doctype html><html><body></body></html>");
  await p.addScriptTag({ content: readFileSync(new URL("./timeline.page.js", import.meta.url), "utf8") });
  return p;
}

const f = (x: number) => x.toFixed(1);
function feedLine(name: string, r: FeedResult): string {
  return `${name}: ${r.events} events in ${r.batches} batches of ${BATCH}: last batch to drawn frame ${f(r.lastToFrameMs)} ms ` +
    `(work ${f(r.lastWorkMs)} ms, paint ${f(r.lastPaintMs)} of it; target ${TARGETS.firstDrawMs}) ${r.lastToFrameMs <= TARGETS.firstDrawMs ? "ok" : "OVER"}\n` +
    `  the end's text refresh ${f(r.lastRefreshMs)} ms, appends ${f(r.appendMs)} ms (slowest ${f(r.appendMaxMs)}), ${r.paints} frames while fed ${f(r.paintMs)} ms ` +
    `(slowest ${f(r.paintMaxMs)}), ${r.refreshes} text refreshes ${f(r.refreshMs)} ms (slowest ${f(r.refreshMaxMs)}), fed in ${f(r.feedMs)} ms`;
}

const chromium = process.env.CHROMIUM ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.log(`chromium: skipped (${chromium} not found)`);
} else {
  const { chromium: launcher } = await import("playwright");
  const browser = await launcher.launch({
    executablePath: chromium,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    // Cold pages, the two paths alternating which goes first.
    const feeds: FeedResult[] = [], wholes: Result[] = [];
    for (let i = 0; i < COLD; i++) {
      for (const which of i % 2 ? ["whole", "feed"] : ["feed", "whole"]) {
        const p = await page(browser);
        if (which === "feed") {
          const r = await p.evaluate(() => window.runTimelineFeed());
          console.log(feedLine(`chromium, component fed as the page does, cold page ${i + 1}`, r));
          feeds.push(r);
        } else {
          const r = await p.evaluate(() => window.runTimelineBench());
          console.log(report(`chromium, whole trace at once, canvas 1200x600 at 2x, cold page ${i + 1}`, r));
          wholes.push(r);
        }
        await p.context().close();
      }
    }
    const n = feeds[0].events;
    const cold = (what: (r: FeedResult) => number) => feeds.map(what);
    emit(fromSamples(head(`first draw after a run's last batch (batches of ${BATCH}), cold page`, n, `≤ ${TARGETS.firstDrawMs} ms`), cold((r) => r.lastToFrameMs)));
    emit(fromSamples(head("its work: last append, end, paint, cold page", n), cold((r) => r.lastWorkMs)));
    emit(fromSamples(head("layout as the batches arrive (all appends), cold page", n), cold((r) => r.appendMs)));
    emit(fromSamples(head("slowest frame while the batches arrive, cold page", n), cold((r) => r.paintMaxMs)));
    emit(fromSamples(head("slowest text refresh (summary), cold page", n), cold((r) => r.refreshMaxMs)));
    emit(fromSamples(head("whole trace laid out and drawn at once (no page path), cold page", n), wholes.map((r) => r.firstDrawMs)));

    // Warm: later runs in one page.
    const p = await page(browser);
    const warmFeeds: FeedResult[] = [];
    for (let run = 0; run < 4; run++) {
      const r = await p.evaluate(() => window.runTimelineFeed());
      console.log(feedLine(`chromium, component fed as the page does, ${run ? "warm" : "cold"}`, r));
      if (run) warmFeeds.push(r);
    }
    emit(fromSamples(head(`first draw after a run's last batch (batches of ${BATCH}), warm`, n, `≤ ${TARGETS.firstDrawMs} ms`), warmFeeds.map((r) => r.lastToFrameMs)));
    const warm: Result[] = [];
    for (let run = 0; run < 6; run++) {
      const r = await p.evaluate(() => window.runTimelineBench());
      console.log(report(`chromium, whole trace at once, canvas 1200x600 at 2x, ${run ? "warm" : "first in this page"}`, r));
      if (run) warm.push(r);
    }
    const pick = (fn: (r: Result) => number) => warm.map(fn);
    emit(fromSamples(head("whole trace laid out and drawn at once (no page path), warm", n), pick((r) => r.firstDrawMs)));
    emit(fromSamples(head("group index, built when idle", n), pick((r) => r.idleIndexMs)));
    emit(fromSamples(head("pan frame, slowest", n, `≤ ${TARGETS.frameMs} ms`), pick((r) => r.pan.max)));
    emit(fromSamples(head("zoom frame, slowest", n, `≤ ${TARGETS.frameMs} ms`), pick((r) => r.zoom.max)));
    emit(fromSamples(head("pan frame, median", n), pick((r) => r.pan.median)));
    emit(fromSamples(head("pan frame, every group expanded, slowest", n, `≤ ${TARGETS.frameMs} ms`), pick((r) => r.expandedPan.max)));
  } finally {
    await browser.close();
  }
}
