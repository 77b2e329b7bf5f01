// Smoke tests of the browser runtime: the wasm engine in its Web Worker,
// the runner, Stop, and the replacement of a worker that does not answer.

import { expect, test, type Page } from "@playwright/test";
import { open } from "./open";
import { fillSource } from "./pagekit";
import { runScript as runWith } from "./script";
import type { LoadState, Runner } from "../web/src/runner";
import type { App } from "../web/src/app";

declare global {
  interface Window {
    __lp: { runner: Runner }; // installed by web/src/main.ts with ?test
  }
}


async function runScript(page: Page, src: string): Promise<void> {
  await fillSource(page, src);
  await page.getByRole("button", { name: "Run" }).click();
}

const output = (page: Page) => page.getByRole("log", { name: "Output" });

test("the page loads the engine with no console error", async ({ page }) => {
  const errors = await open(page);
  await expect(page.locator("body")).toHaveAttribute("data-run-state", "idle");
  await expect(page.getByRole("status")).toHaveText("Idle");
  expect(errors).toEqual([]);
});

test("a script's output and errors appear", async ({ page }) => {
  const errors = await open(page);
  await runScript(page, 'print("hello from lua")\ngoroutine.spawn(function() print("child", goroutine.id()) end)');
  await expect(page.locator("body")).toHaveAttribute("data-run-state", "done");
  await expect(output(page)).toHaveText("hello from lua\nchild\t2\n");
  await runScript(page, "local x = 1\nerror('boom')");
  await expect(page.locator("body")).toHaveAttribute("data-run-state", "failed");
  await expect(output(page).locator(".lp-out-stderr")).toContainText("main.lua:2: boom");
  await expect(page.getByRole("status")).toContainText("boom");
  expect(errors).toEqual([]);
});

test("the default script runs", async ({ page }) => {
  await open(page);
  await page.getByRole("button", { name: "Run" }).click();
  await expect(page.locator("body")).toHaveAttribute("data-run-state", "done");
  await expect(output(page)).toContainText("all done");
});

/** watchStop records, in the page, when Stop is clicked and when the
 * status line says Stopped: the latency a user sees, free of the test's
 * own round trips. */
function watchStop(page: Page): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as { __stop: { clicked: number; stopped: number } };
    w.__stop = { clicked: 0, stopped: 0 };
    const button = [...document.querySelectorAll("button")].find((b) => b.textContent === "Stop")!;
    button.addEventListener("click", () => (w.__stop.clicked = performance.now()), { capture: true });
    const status = document.querySelector('[role="status"]')!;
    new MutationObserver(() => {
      if (status.textContent === "Stopped" && !w.__stop.stopped) w.__stop.stopped = performance.now();
    }).observe(status, { childList: true, characterData: true, subtree: true });
  });
}

function stopLatency(page: Page): Promise<number> {
  return page.evaluate(() => {
    const w = window as unknown as { __stop: { clicked: number; stopped: number } };
    return w.__stop.stopped - w.__stop.clicked;
  });
}

// The engine answers Stop itself; how fast is a number for the log (a
// busy machine slows it), and the runner's grace bounds it in any case
// (the next test). The grace is made long here, so that a slow answer
// on a loaded machine is still the engine's own.
test("Stop ends a busy loop: the engine answers it, and the next run works", async ({ page }) => {
  const errors = await open(page);
  await page.evaluate(() => window.__lp.runner.setCancelGrace(20_000));
  await runScript(page, 'print("spinning")\nwhile true do end');
  await expect(output(page)).toHaveText("spinning\n");
  await watchStop(page);
  await page.getByRole("button", { name: "Stop" }).click();
  await expect(page.getByRole("status")).toHaveText("Stopped");
  console.log(`Stop to "Stopped" during a busy loop: ${Math.round(await stopLatency(page))} ms`);
  expect(await page.evaluate(() => window.__lp.runner.workerGeneration)).toBe(1);
  await runScript(page, 'print("again")');
  await expect(output(page)).toHaveText("again\n");
  await expect(page.locator("body")).toHaveAttribute("data-run-state", "done");
  expect(errors).toEqual([]);
});

// A run of handoffs never uses up a quantum: each goroutine runs a few
// instructions and blocks. The engine still lets the page's Stop through.
test("Stop ends an endless ping-pong: the engine answers it", async ({ page }) => {
  const errors = await open(page);
  await page.evaluate(() => window.__lp.runner.setCancelGrace(20_000));
  await runWith(page, [
    "local ping, pong = goroutine.channel(), goroutine.channel()",
    "goroutine.spawn(function() while true do pong:send(ping:receive()) end end)",
    'print("playing")',
    "while true do ping:send(1); pong:receive() end",
  ].join("\n"), { maxEvents: 100_000_000, wallTimeoutMs: 600_000 });
  await expect(output(page)).toHaveText("playing\n");
  await watchStop(page);
  await page.getByRole("button", { name: "Stop" }).click();
  await expect(page.getByRole("status")).toHaveText("Stopped", { timeout: 10_000 });
  console.log(`Stop to "Stopped" during a ping-pong: ${Math.round(await stopLatency(page))} ms`);
  expect(await page.evaluate(() => window.__lp.runner.workerGeneration)).toBe(1);
  expect(errors).toEqual([]);
});

test("a worker that does not answer Stop is replaced once the grace is over", async ({ page }) => {
  await open(page);
  await page.evaluate(() => window.__lp.runner.hangNextRun());
  await runScript(page, 'print("never")');
  await expect(page.locator("body")).toHaveAttribute("data-run-state", "running");
  await watchStop(page);
  await page.getByRole("button", { name: "Stop" }).click();
  await expect(page.getByRole("status")).toHaveText("Stopped");
  expect(await stopLatency(page)).toBeGreaterThanOrEqual(950); // the runner waited 1 s for the engine first
  expect(await page.evaluate(() => window.__lp.runner.workerGeneration)).toBe(2);
  await runScript(page, 'print("fresh worker")');
  // The fresh worker compiles the engine again first: on a loaded
  // machine that took more than the default 10 s (a clean-clone CI run).
  await expect(output(page)).toHaveText("fresh worker\n", { timeout: 30_000 });
  await expect(page.locator("body")).toHaveAttribute("data-run-state", "done");
});

test("cancel is answered by the engine during a busy loop; timings are reported", async ({ page }) => {
  await open(page);
  const t = await page.evaluate(async () => {
    const runner = window.__lp.runner;
    runner.setCancelGrace(20_000);
    const first = await runner.run('print("x")').result;
    const firstRunMs = performance.now(); // since navigation started
    let spinning = () => {};
    const started = new Promise<void>((r) => (spinning = r));
    const busy = runner.run('print("spin") local n = 0 while true do n = n + 1 end', {}, { onOutput: () => spinning() });
    await started;
    const t0 = performance.now();
    busy.cancel();
    const stopped = await busy.result;
    const load = runner.loadState;
    return {
      first: first.status,
      firstRunMs,
      stopped: stopped.status,
      error: stopped.error,
      stopMs: performance.now() - t0,
      loadMs: load.phase === "ready" ? load.ms : -1,
      generation: runner.workerGeneration,
    };
  });
  console.log(`engine load ${t.loadMs} ms, first run done ${Math.round(t.firstRunMs)} ms after navigation, cancel answered in ${Math.round(t.stopMs)} ms`);
  expect(t.first).toBe("ok");
  expect(t.stopped).toBe("cancelled");
  expect(t.error).not.toContain("restarted");
  expect(t.generation).toBe(1); // the engine answered: no restart
});

test("events stream to the page and convert to a Chrome trace", async ({ page }) => {
  await open(page);
  const t = await page.evaluate(async () => {
    const runner = window.__lp.runner;
    const events: unknown[] = [];
    const r = await runner.run("for i = 1, 3 do goroutine.spawn(function() goroutine.sleep(i) end) end", { seed: 1 }, {
      onEvents: (es) => events.push(...es),
    }).result;
    const chrome = JSON.parse(await runner.chromeTrace({ version: 1, clock: "virtual", events: events as never }));
    const bad = await runner.chromeTrace({ version: 99, clock: "virtual", events: [] }).catch((e: Error) => e.message);
    return { streamed: events.length, counted: r.stats.events, chrome: chrome.traceEvents.length, bad };
  });
  expect(t.streamed).toBe(t.counted);
  expect(t.streamed).toBeGreaterThan(10);
  expect(t.chrome).toBeGreaterThan(4);
  expect(t.bad).toContain("trace version 99");
});

test("the page hands each batch's buffer back to the engine, and runs after it stream whole", async ({ page }) => {
  await open(page);
  // Count the batches the worker posts and the buffers it hands the
  // engine back: worker.ts pushes each buffer an ack carries onto the
  // bridge's buffers array.
  const worker = page.workers()[0];
  await worker.evaluate(() => {
    const g = globalThis as unknown as { luaplay: { buffers: ArrayBuffer[] }; posted: number; recycled: number[] };
    const push = g.luaplay.buffers.push.bind(g.luaplay.buffers);
    g.posted = 0;
    g.recycled = [];
    g.luaplay.buffers.push = (...bs: ArrayBuffer[]) => {
      for (const b of bs) g.recycled.push(b.byteLength);
      return push(...bs);
    };
    const scope = self as unknown as { postMessage(m: { type?: string }, t?: Transferable[]): void };
    const post = scope.postMessage.bind(scope);
    scope.postMessage = (m, t) => {
      if (m.type === "batch") g.posted++;
      post(m, t ?? []);
    };
  });
  const runs = await page.evaluate(async () => {
    const runner = window.__lp.runner;
    const out = [];
    for (let i = 0; i < 3; i++) {
      let events = 0;
      const r = await runner.run("for i = 1, 600 do goroutine.spawn(function() end) end print('done')", {}, {
        onEvents: (es) => { events += es.length; },
      }).result;
      out.push({ status: r.status, counted: r.stats.events, events });
    }
    return out;
  });
  for (const r of runs) expect(r).toMatchObject({ status: "ok", events: r.counted });
  const seen = () => worker.evaluate(() => {
    const g = globalThis as unknown as { posted: number; recycled: number[] };
    return { posted: g.posted, recycled: g.recycled.length, whole: g.recycled.every((n) => n > 0) };
  });
  await expect.poll(async () => (await seen()).recycled).toBe((await seen()).posted);
  const s = await seen();
  expect(s.posted).toBeGreaterThan(6); // 1,800 goroutines' events come in batches of 500
  expect(s.whole).toBe(true); // whole buffers, not detached ones
});

test("loading reports progress, and a wasm served with the wrong type still loads", async ({ page }) => {
  await open(page);
  let intercepted = 0;
  await page.context().route("**/luaplay.wasm", async (route) => {
    intercepted++;
    const res = await route.fetch();
    await route.fulfill({ response: res, headers: { ...res.headers(), "content-type": "application/octet-stream" } });
  });
  const seen = await page.evaluate(async () => {
    // A second runner, made with the page runner's class, loads from scratch.
    const Fresh = window.__lp.runner.constructor as new () => Runner;
    const runner = new Fresh();
    const states: LoadState[] = [];
    runner.onLoadState((s) => states.push(s));
    await runner.ready();
    const r = await runner.run('print("ok")').result;
    runner.dispose();
    return { states, status: r.status };
  });
  expect(intercepted).toBe(1);
  expect(seen.status).toBe("ok");
  const progress = seen.states.filter((s) => s.phase === "loading" && s.total > 0);
  expect(progress[0]).toMatchObject({ loaded: 0 });
  const last = progress[progress.length - 1];
  expect(last.phase === "loading" && last.loaded === last.total).toBe(true);
  expect(seen.states[seen.states.length - 1].phase).toBe("ready");
});

test("a run stuck in one instruction past its wall limit is ended and the worker replaced", async ({ page }) => {
  await open(page);
  await page.evaluate(() => {
    window.__lp.runner.hangNextRun(); // as t[2^26-1] = 1 would be
    window.__lp.runner.overrideNextRun({ wallTimeoutMs: 500 });
  });
  const script = 'local t = {} t[2^26 - 1] = 1';
  await runScript(page, script);
  await expect(page.locator("body")).toHaveAttribute("data-run-state", "running");
  await expect(page.getByRole("status")).toHaveText(
    "Limit exceeded: wall time (500ms); the engine was stuck in one instruction and was restarted", { timeout: 5000 });
  expect(await page.evaluate(() => window.__lp.runner.workerGeneration)).toBe(2);
  await expect.poll(() => page.evaluate(() => (window as unknown as { __lp: { app: App } }).__lp.app.editor.getContent())).toBe(script);
  await runScript(page, 'print("fresh worker")');
  // The fresh worker compiles the engine again first: on a loaded
  // machine that took more than the default 10 s (a clean-clone CI run).
  await expect(output(page)).toHaveText("fresh worker\n", { timeout: 30_000 });
  await expect(page.locator("body")).toHaveAttribute("data-run-state", "done");
});
