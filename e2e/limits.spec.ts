// Each limit of a run, as the page shows it: the run ends with a message
// naming the limit, the report names the goroutines still alive, the
// output and the timeline so far stay on the page, and the next Run works.
// Limits the page never sets are lowered through the runner's test hook,
// so each test takes seconds.

import { expect, test } from "@playwright/test";
import { open } from "./open";
import { canvas, ended, nextRunWorks, output, runScript, status } from "./script";
import type { RunOptions } from "../web/src/protocol";

/** PRELUDE prints, and parks a named goroutine that the report must list. */
const PRELUDE = [
  'print("before the limit")',
  "local hold = goroutine.channel()",
  'goroutine.spawn(function() goroutine.name("witness") hold:receive() end)',
  "goroutine.sleep(1)",
];

const LIMITS: { limit: string; options: RunOptions; body: string[] }[] = [
  { limit: "wall time (1s)", options: { wallTimeoutMs: 1000 }, body: ["while true do end"] },
  {
    limit: "live goroutines (20)",
    options: { maxGoroutines: 20 },
    body: ["for i = 1, 100 do goroutine.spawn(function() hold:receive() end) end"],
  },
  {
    limit: "output bytes (1048576)", // the default
    options: {},
    body: ['local line = string.rep("o", 99)', "for i = 1, 20000 do print(line) end"],
  },
  { limit: "trace events (2000)", options: { maxEvents: 2000 }, body: ['for i = 1, 10000 do goroutine.mark("m") end'] },
  {
    limit: "trace bytes (256000)",
    options: { maxEvents: 2000 },
    body: ['local label = string.rep("L", 200)', "for i = 1, 1999 do goroutine.mark(label) end"],
  },
  {
    limit: "memory (16 MiB)",
    options: { maxMemory: 16 << 20 },
    body: ["local t = {}", 'for i = 1, 1e6 do t[i] = string.rep("m", 4096) .. i end'],
  },
];

for (const { limit, options, body } of LIMITS) {
  const name = limit.replace(/ \(.*/, "");
  test(`the ${name} limit ends the run by name, keeps the output and timeline, and the next Run works`, async ({ page }) => {
    test.setTimeout(60_000);
    const errors = await open(page);
    // A first run warms the engine up: on a cold, busy machine compiling
    // its code can take longer than the 1 s wall limit gives the script.
    await nextRunWorks(page);
    await runScript(page, [...PRELUDE, ...body].join("\n"), options);
    expect(await ended(page)).toBe("failed");
    await expect(status(page)).toHaveText(`Limit exceeded: ${limit}`);
    await expect(output(page)).toContainText("before the limit");
    await expect(output(page)).toContainText(`limit exceeded: ${limit}`);
    await expect(output(page)).toContainText(/goroutine 2 \(witness\)/);
    await expect(canvas(page)).toHaveAttribute("data-lanes", /^([2-9]|\d\d+)$/);
    await nextRunWorks(page);
    expect(errors).toEqual([]);
  });
}
