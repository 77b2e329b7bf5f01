// The timeline benchmark (`go run ./cmd/webtest -bench`): 100,000 events
// over 10,000 goroutines. It measures layout, the first draw and pan and
// zoom frames (as the timeline opens, large groups collapsed, and with
// every group expanded), in Node with a call-counting canvas and then in headless Chromium
// with a real one (skipped when no Chromium is installed). It reports
// against the targets and does not fail on them: timings depend on the
// machine.

import { existsSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { measure, report, TARGETS, type Result } from "./core";
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
    const page = await browser.newPage();
    await page.setContent("<!doctype html><html><body></body></html>");
    await page.addScriptTag({ content: readFileSync(new URL("./timeline.page.js", import.meta.url), "utf8") });
    const warm: Result[] = [];
    for (let run = 0; run < 6; run++) {
      const r = await page.evaluate(() => window.runTimelineBench());
      console.log(report(`chromium, canvas 1200x600 at 2x, ${run ? "warm" : "cold"}`, r));
      if (run === 0) emit(fromSamples(head("first draw, cold page", r.events, `≤ ${TARGETS.firstDrawMs} ms`), [r.firstDrawMs]));
      else warm.push(r);
    }
    const pick = (f: (r: Result) => number) => warm.map(f);
    emit(fromSamples(head("first draw, warm", warm[0].events, `≤ ${TARGETS.firstDrawMs} ms`), pick((r) => r.firstDrawMs)));
    emit(fromSamples(head("group index, built when idle", warm[0].events), pick((r) => r.idleIndexMs)));
    emit(fromSamples(head("pan frame, slowest", warm[0].events, `≤ ${TARGETS.frameMs} ms`), pick((r) => r.pan.max)));
    emit(fromSamples(head("zoom frame, slowest", warm[0].events, `≤ ${TARGETS.frameMs} ms`), pick((r) => r.zoom.max)));
    emit(fromSamples(head("pan frame, median", warm[0].events), pick((r) => r.pan.median)));
    emit(fromSamples(head("pan frame, every group expanded, slowest", warm[0].events, `≤ ${TARGETS.frameMs} ms`), pick((r) => r.expandedPan.max)));
  } finally {
    await browser.close();
  }
}
