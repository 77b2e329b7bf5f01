// A worker whose engine dies for real: the page says so in words, keeps the
// code, the output and the timeline so far, and the next run gets a fresh
// engine.

import { expect, test } from "@playwright/test";
import { open } from "./open";
import { canvas, code, ended, nextRunWorks, output, runScript, status, workerGeneration } from "./script";

// A block of nearly 4 GiB: more than a wasm32 engine can address beside
// its own heap, so the Go runtime dies with "fatal error: out of memory"
// the moment it asks for the memory (no page of it is ever written). The
// engine checks allocations against the run's memory limit, so the test
// raises that limit beyond what wasm can hold: what remains is the real
// exhaustion that no limit inside the engine can see coming.
const EXHAUST = [
  'print("before the crash")',
  "goroutine.spawn(function()",
  '  goroutine.name("bystander")',
  "  goroutine.sleep(10)",
  "end)",
  "-- On the wall clock every goroutine waits: the engine sends the output",
  "-- and the trace so far (its 50 ms batch timer is due first), then dies.",
  "goroutine.sleep(200)",
  'local huge = string.rep("x", 2^32 - 1)',
  'print("never printed", #huge)',
].join("\n");

test("an engine that runs out of memory: the page says so, keeps everything, and the next Run works", async ({ page }) => {
  test.setTimeout(60_000);
  const errors = await open(page);
  await runScript(page, EXHAUST, { maxMemory: 2 ** 40, realTime: true });
  expect(await ended(page)).toBe("failed");
  await expect(status(page)).toHaveText("Failed: the engine crashed (out of memory)");
  await expect(output(page)).toContainText("before the crash");
  await expect(output(page)).toContainText(
    "The engine crashed (out of memory) and a fresh one was started. Your code, the output and the timeline so far are kept",
  );
  await expect(output(page)).not.toContainText("never printed");
  expect(await code(page)).toBe(EXHAUST);
  await expect(canvas(page)).toHaveAttribute("data-lanes", "2");
  expect(await workerGeneration(page)).toBe(2);
  await nextRunWorks(page);
  expect(await workerGeneration(page)).toBe(2);
  expect(errors).toEqual([]);
});
