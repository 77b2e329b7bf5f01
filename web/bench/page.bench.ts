// The page in headless Chromium, served by cmd/sitebuild from dist/
// (./build.sh bench builds it): cold start (navigation to the engine being
// ready and to the first output of the example it opens, and the bytes
// transferred meanwhile, with an empty cache each time; then the whole
// page's, with the chunks it loads later) and real time
// (1,000 goroutines that each sleep 100 ms, run by the page's worker,
// against the 100 ms floor). Prints Result lines for cmd/benchreport.

import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { emit, fromSamples, single, type Head } from "./result";
import type { App } from "../src/app";
import type { Runner } from "../src/runner";

const quick = process.env.LP_BENCH_QUICK === "1";
const runs = quick ? 2 : 5;
/** settle is how many more untimed runs the settled page's sleep row waits. */
const settle = quick ? 1 : 10;
const port = Number(process.env.LP_BENCH_PORT ?? 8107);
const base = `http://127.0.0.1:${port}/`;
const chromium = process.env.CHROMIUM ?? "/usr/bin/chromium";

/** serve starts cmd/sitebuild on dist/ and waits until it answers. */
async function serve(): Promise<ChildProcess> {
  // A process group of its own: go run's child, the server, ends with it.
  const server = spawn("go", ["run", "./cmd/sitebuild", "-serve", "-nobuild", "-dist", process.env.LP_DIST ?? "dist", "-addr", `127.0.0.1:${port}`], { stdio: "ignore", detached: true });
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(base)).ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  stop(server);
  throw new Error(`the site did not come up on ${base}`);
}

/** stop ends the server's process group (go run and the server it
 * started), unless it has ended already. */
function stop(server: ChildProcess): void {
  try {
    if (server.pid !== undefined) process.kill(-server.pid);
  } catch {
    // already gone
  }
}

const head = (name: string, subject: string, unit: string, target?: string): Head =>
  ({ env: "chromium", name, n: 1, unit, subject, baseline: "", ...(target ? { target } : {}) });

if (!existsSync(chromium)) {
  console.log(`chromium: skipped (${chromium} not found)`);
  process.exit(0);
}
const server = await serve();
const { chromium: launcher } = await import("playwright");
const browser = await launcher.launch({
  executablePath: chromium,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  // Cold start: a fresh context has an empty cache.
  const ready: number[] = [], first: number[] = [], bytes: number[] = [], whole: number[] = [];
  for (let i = 0; i < runs; i++) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    // Each finished request's bytes (body and headers, as sent) and what it was.
    const sizes: Promise<number>[] = [];
    const fetches: Promise<{ path: string; encoding: string }>[] = [];
    page.on("requestfinished", (req) => {
      sizes.push(req.sizes().then((s) => s.responseBodySize + s.responseHeadersSize, () => 0));
      fetches.push(req.response().then(async (res) => ({ path: new URL(req.url()).pathname, encoding: (await res?.headerValue("content-encoding")) ?? "" })));
    });
    const sum = async (ps: Promise<number>[]) => (await Promise.all(ps)).reduce((a, b) => a + b, 0) / 1024;
    await page.goto(`${base}?test`);
    await page.waitForFunction(() => (window as unknown as { __lp: { runner: Runner } }).__lp?.runner.loadState.phase === "ready", null, { timeout: 120_000 });
    ready.push(await page.evaluate(() => performance.now()));
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await page.waitForFunction(() => (document.querySelector('[role="log"]')?.textContent ?? "").length > 0, null, { timeout: 60_000 });
    // The requests finished by now are those of the first output; what
    // the page loads after it (the editor's extras) is not counted.
    const before = sizes.length, beforeFetches = fetches.slice();
    first.push(await page.evaluate(() => performance.now()));
    bytes.push(await sum(sizes.slice(0, before)));
    // What was fetched, for cmd/benchreport's page download table.
    if (i === 0) for (const f of await Promise.all(beforeFetches)) console.log(JSON.stringify({ pageFetch: f }));
    // The whole page: the editor's extras and the Help panel too.
    await page.evaluate(() => (window as unknown as { __lp: { app: App } }).__lp.app.editor.loadExtras());
    await page.keyboard.press("F1");
    await page.getByRole("searchbox", { name: "Search the API" }).waitFor();
    await page.waitForTimeout(200); // let the last requestfinished events land
    whole.push(await sum(sizes));
    await ctx.close();
  }
  emit(fromSamples(head("cold start", "navigation to engine ready", "ms"), ready));
  emit(fromSamples(head("cold start", "navigation to first output", "ms"), first));
  emit(fromSamples(head("cold start", "bytes transferred to first output", "KiB", "≤ 1126 KiB (1.1 MiB)"), bytes));
  emit(fromSamples(head("cold start", "bytes transferred, whole page (editor extras and Help loaded)", "KiB"), whole));

  // Real time, through the page's runner and worker.
  const page = await browser.newPage();
  await page.goto(`${base}?test`);
  await page.waitForFunction(() => (window as unknown as { __lp: { runner: Runner } }).__lp?.runner.loadState.phase === "ready", null, { timeout: 120_000 });
  const sleepers = `local wg = goroutine.wait_group()
for i = 1, 1000 do wg:add(1) goroutine.spawn(function() goroutine.sleep(100) wg:done() end) end
wg:wait()`;
  const sleepRun = () =>
    page.evaluate(async (src) => {
      const runner = (window as unknown as { __lp: { runner: Runner } }).__lp.runner;
      const t0 = performance.now();
      const res = await runner.run(src, { realTime: true }).result;
      if (res.status !== "ok") throw new Error(`run ${res.status}: ${res.error}`);
      return performance.now() - t0;
    }, sleepers);
  // A fresh page's first runs also pay for Chromium compiling the wasm's
  // hot code with its optimizing tier, and for Go's first collection
  // (bench/NOTES.md): they are reported as they are, and the target is
  // checked once the page's runs have settled, as they have for a user
  // who runs a script again.
  emit(await single(head("sleep", `page build, real time, 1000 × sleep(100), fresh page (runs 2–${runs + 1})`, "ms"), runs, sleepRun, 100));
  for (let i = 0; i < settle; i++) await sleepRun();
  emit(await single(head("sleep", `page build, real time, 1000 × sleep(100), settled page (after ${settle + runs + 1} runs)`, "ms", "ratio ≤ 1.1"), runs, sleepRun, 100));
} finally {
  await browser.close();
  stop(server);
}
process.exit(0);
