// The timeline benchmark (`go run ./cmd/webtest -bench`): 100,000 events
// over 10,000 goroutines. It measures layout, the first draw and pan and
// zoom frames, in Node with a call-counting canvas and then in headless Chromium
// with a real one (skipped when no Chromium is installed). It reports
// against the targets and does not fail on them: timings depend on the
// machine.

import { existsSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { measure, report } from "./core";
import { countingCtx } from "./countingctx";

// Each setting runs twice: the first run is what a page sees first (cold
// JIT), the second shows the steady state.
for (const run of ["cold", "warm"]) {
  console.log(report(`node, counting canvas 1200x600, ${run}`, measure(countingCtx(), 1200, 600, () => performance.now(), () => {})));
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
    for (const run of ["cold", "warm"]) {
      const r = await page.evaluate(() => window.runTimelineBench());
      console.log(report(`chromium, canvas 1200x600 at 2x, ${run}`, r));
    }
  } finally {
    await browser.close();
  }
}
