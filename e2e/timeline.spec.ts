// End-to-end tests of the timeline (web/src/timeline): what the examples
// draw, hover and click, state families, zoom and pan, the exports and a
// deadlock. The canvas publishes its counts and visible range as data
// attributes.
// timeline-*.spec.ts test the rest, one concern each.

import { expect, test } from "@playwright/test";
import { open } from "./open";
import { pngColours } from "./png";
import { readFileSync } from "node:fs";
import { canvas, count, exampleLine, lanePoint, pixel, range, runExample, runScript, timeline, type LP } from "./timelinekit";

test("the pool example draws grouped worker lanes with spawn and wake-up arrows", async ({ page }) => {
  const errors = await open(page);
  await runExample(page, "pool_etl.lua");
  const c = canvas(page);
  await expect(c).toHaveAttribute("data-lanes", "5");
  await count(c, "spans").toBeGreaterThan(20);
  await count(c, "drawn-spans").toBeGreaterThan(10);
  await count(c, "spawn-arrows").toBe(4);
  await count(c, "wake-arrows").toBeGreaterThan(0);
  await count(c, "drawn-arrows").toBeGreaterThan(0);
  await timeline(page).getByRole("button", { name: "Show table" }).click();
  const table = timeline(page).getByRole("table");
  await expect(table.getByRole("row")).toHaveCount(6);
  await expect(table).toContainText("pool etl");
  expect(errors).toEqual([]);
});

test("the channels example draws channel handoffs", async ({ page }) => {
  await open(page);
  await runExample(page, "channels.lua");
  const c = canvas(page);
  await expect(c).toHaveAttribute("data-lanes", "2");
  await count(c, "chan-arrows").toBeGreaterThan(3);
  await count(c, "drawn-arrows").toBeGreaterThan(3);
});

test("hovering a span shows its line and clicking it moves the editor there", async ({ page }) => {
  await open(page);
  await runExample(page, "async_await.lua");
  const c = canvas(page);
  await expect(c).toHaveAttribute("data-lanes", "5");
  await count(c, "spawn-arrows").toBe(4);
  await count(c, "wake-arrows").toBeGreaterThan(0);
  const p = await lanePoint(c, 0, 0.5);
  await c.hover({ position: p });
  const tip = timeline(page).getByRole("tooltip");
  await expect(tip).toBeVisible();
  await expect(tip).toContainText("g1 main");
  await expect(tip).toContainText("blocked: await");
  await expect(tip).toContainText("on goroutine");
  const line = Number(/line (\d+)/.exec(await tip.innerText())![1]);
  expect(line).toBeGreaterThan(1);
  await c.click({ position: p });
  await expect(page.locator(".cm-activeLine")).toHaveText(exampleLine("async_await.lua", line));
  await expect(timeline(page).getByTestId("timeline-details")).toContainText(/g1 main: running .*blocked/);
});

// FAMILIES blocks main on a wait group, one goroutine on a mutex and one
// on a channel send while a fourth sleeps: all along, three reasons share
// the blocked colour and the sleep has the clock's.
const FAMILIES = `local m, ch, wg = goroutine.mutex(), goroutine.channel(), goroutine.wait_group()
wg:add(1)
m:lock()
goroutine.spawn(function() goroutine.name("locker") m:lock() m:unlock() end)
goroutine.spawn(function() goroutine.name("sender") ch:send(1) end)
goroutine.spawn(function() goroutine.name("sleeper") goroutine.sleep(100) wg:done() end)
wg:wait()
m:unlock()
print(ch:receive())
`;

test("waits of different kinds share their family's colour and the tooltip names the exact reason", async ({ page }) => {
  await open(page);
  await page.getByLabel("Theme").selectOption("light");
  await runScript(page, FAMILIES);
  const c = canvas(page);
  await expect(c).toHaveAttribute("data-rows", "4");
  const blocked = "240,140,58", clock = "142,197,234";
  const want: [number, string, string][] = [
    [1, "blocked: wait group", blocked], [2, "blocked: mutex", blocked],
    [3, "blocked: channel send", blocked], [4, "waiting on the clock: sleep", clock],
  ];
  for (const [g, text, colour] of want) {
    // Four points along the wait: the handoff arrow crosses at most one.
    const ps = await page.evaluate((g) => {
      const t = (window as unknown as LP).__lp.timeline;
      return [0.2, 0.4, 0.6, 0.8].map((f) => t.locate(g, t.layout.end * f)!);
    }, g);
    const seen = await Promise.all(ps.map((q) => pixel(c, q.x, q.y)));
    expect(seen.filter((s) => s === colour).length, seen.join(" ")).toBeGreaterThanOrEqual(3);
    // Hover where no arrow passes within 5 px, or the tooltip is the arrow's.
    const clear = await Promise.all(ps.map(async (q) => {
      const column = await Promise.all([-5, -3, -1, 1, 3, 5].map((dy) => pixel(c, q.x, q.y + dy)));
      return column.every((s) => s === colour);
    }));
    await c.hover({ position: ps[clear.indexOf(true)] });
    await expect(timeline(page).getByRole("tooltip")).toContainText(text);
  }
});

test("zoom and pan change the visible range, fit restores it", async ({ page }) => {
  await open(page);
  await runExample(page, "pool_etl.lua");
  const c = canvas(page);
  const [f0, f1] = await range(c);
  expect(f0).toBe(0);
  await c.focus();
  await page.keyboard.press("+");
  await page.keyboard.press("+");
  // Each press is drawn on a frame of its own: wait for both.
  await expect.poll(async () => { const [a, b] = await range(c); return b - a; }).toBeLessThan((f1 - f0) * 0.7);
  const [z0, z1] = await range(c);
  expect(z1 - z0).toBeLessThan((f1 - f0) * 0.7);
  await page.keyboard.press("ArrowRight");
  await expect.poll(async () => (await range(c))[0]).toBeGreaterThan(z0);
  const box = (await c.boundingBox())!;
  const [d0] = await range(c);
  await page.mouse.move(box.x + 600, box.y + 60);
  await page.mouse.down();
  await page.mouse.move(box.x + 500, box.y + 60, { steps: 4 });
  await page.mouse.up();
  await expect.poll(async () => (await range(c))[0]).toBeGreaterThan(d0);
  await page.mouse.move(box.x + 500, box.y + 60);
  await page.keyboard.down("Control");
  await page.mouse.wheel(0, 200);
  await page.keyboard.up("Control");
  await expect.poll(async () => { const [a, b] = await range(c); return b - a; }).toBeGreaterThan(z1 - z0);
  await page.keyboard.press("0");
  await expect.poll(() => range(c)).toEqual([f0, f1]);
  await page.keyboard.down("Control");
  await page.mouse.wheel(0, -200);
  await page.keyboard.up("Control");
  await expect.poll(() => range(c)).not.toEqual([f0, f1]);
  await c.dblclick({ position: { x: box.width / 2, y: 60 } });
  await expect.poll(() => range(c)).toEqual([f0, f1]);
});

test("Export trace downloads Chrome trace JSON with one thread per goroutine", async ({ page }) => {
  await open(page);
  await runExample(page, "pool_etl.lua");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    timeline(page).getByRole("button", { name: "Export trace" }).click(),
  ]);
  const file = JSON.parse(readFileSync((await download.path())!, "utf8"));
  const names = file.traceEvents.filter((e: { name: string; ph: string }) => e.ph === "M" && e.name === "thread_name");
  expect(names.map((e: { tid: number }) => e.tid)).toEqual([1, 2, 3, 4, 5]);
  expect(names[0].args.name).toBe("g1 main");
  expect(file.traceEvents.some((e: { ph: string }) => e.ph === "X")).toBe(true);
});

test("Export PNG downloads the timeline with its legend under it", async ({ page }) => {
  await open(page);
  await page.getByLabel("Theme").selectOption("light");
  await runExample(page, "channels.lua");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    timeline(page).getByRole("button", { name: "Export PNG" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("timeline.png");
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  const height = bytes.readUInt32BE(20);
  const canvasHeight = await canvas(page).evaluate((c: HTMLCanvasElement) => c.height);
  expect(height).toBeGreaterThan(canvasHeight + 40);
  // Under the timeline, the legend's swatches: running, blocked, stuck.
  const { colours } = await pngColours(page, bytes, canvasHeight);
  expect([0x2e9e44, 0xf08c3a, 0xd7102c].filter((c) => colours.includes(c))).toEqual([0x2e9e44, 0xf08c3a, 0xd7102c]);
});

test("a deadlock shows its stuck goroutines", async ({ page }) => {
  await open(page);
  await runExample(page, "deadlock.lua", "failed");
  const summary = timeline(page).getByTestId("timeline-summary");
  await expect(summary).toContainText("Deadlock: 2 goroutines can never wake");
  await expect(summary).toContainText("g1 main waits on chan");
  await expect(summary).toContainText("g2");
  const c = canvas(page);
  await c.hover({ position: await lanePoint(c, 0, 0.9) });
  await expect(timeline(page).getByRole("tooltip")).toContainText("stuck");
  await timeline(page).getByRole("button", { name: "Show table" }).click();
  await expect(timeline(page).getByRole("table")).toContainText("stuck");
});

test("the timeline grows while a run streams, and a new run starts afresh", async ({ page }) => {
  await open(page);
  await page.evaluate((src) => (window as unknown as LP).__lp.app.editor.setContent(src), [
    "while true do",
    "  goroutine.spawn(function() goroutine.sleep(1) end)",
    "  local s = 0",
    "  for j = 1, 20000 do s = s + j end",
    "end",
  ].join("\n"));
  await page.getByRole("button", { name: "Run", exact: true }).click();
  const c = canvas(page);
  await expect.poll(async () => Number(await c.getAttribute("data-lanes")), { timeout: 10_000 }).toBeGreaterThan(3);
  await expect(page.locator("body")).toHaveAttribute("data-run-state", "running");
  const first = Number(await c.getAttribute("data-lanes"));
  await expect.poll(async () => Number(await c.getAttribute("data-lanes"))).toBeGreaterThan(first);
  await expect(page.locator("body")).toHaveAttribute("data-run-state", "running");
  await page.getByRole("button", { name: "Stop" }).click();
  await expect(page.locator("body")).not.toHaveAttribute("data-run-state", "running");
  await runExample(page, "channels.lua");
  await expect(c).toHaveAttribute("data-lanes", "2");
});

test("the timeline follows the page theme", async ({ page }) => {
  await open(page);
  const swatch = timeline(page).getByRole("list", { name: "Timeline legend" }).locator("li").first().locator("span").first();
  await page.getByLabel("Theme").selectOption("light");
  await expect(swatch).toHaveCSS("background-color", "rgb(46, 158, 68)");
  await page.getByLabel("Theme").selectOption("dark");
  await expect(swatch).toHaveCSS("background-color", "rgb(76, 199, 103)");
});
