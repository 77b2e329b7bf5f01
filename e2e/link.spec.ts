// Output and timeline linked: hovering an output line marks the instant it
// was written on the timeline, a time range selected on the timeline
// highlights the output written in it, and a report's "goroutine N"
// highlights that goroutine's lane (a deadlock's and a leak's).

import { expect, test, type Page } from "@playwright/test";
import { open } from "./open";
import { runExample } from "./pagekit";

const output = (page: Page) => page.getByRole("log", { name: "Output" });
const canvas = (page: Page) => page.getByRole("region", { name: "Timeline" }).getByTestId("timeline-canvas");

test("hovering an output line marks the instant it was printed on the timeline", async ({ page }) => {
  await open(page);
  await runExample(page, "hello.lua");
  // hello.lua's goroutines print at 100, 200 and 300 ms of virtual time.
  const line = output(page).locator("[data-t]", { hasText: "hello from goroutine 3" });
  await expect(line).toHaveAttribute("data-g", "3");
  await line.hover();
  await expect.poll(async () => Number(await canvas(page).getAttribute("data-instant"))).toBeGreaterThanOrEqual(200_000);
  expect(Number(await canvas(page).getAttribute("data-instant"))).toBeLessThan(201_000);
  await page.mouse.move(1, 1);
  await expect(canvas(page)).not.toHaveAttribute("data-instant", /./);
});

test("a time range selected on the timeline highlights the output printed in it", async ({ page }) => {
  await open(page);
  await runExample(page, "hello.lua");
  const c = canvas(page);
  const box = (await c.boundingBox())!;
  const label = Number(await c.getAttribute("data-label-width"));
  const [t0, t1] = (await c.getAttribute("data-range"))!.split(",").map(Number);
  const xAt = (t: number) => box.x + label + ((box.width - label) * (t - t0)) / (t1 - t0);
  const y = box.y + box.height - 20;
  // Shift and drag from 150 ms to 250 ms: only goroutine 3's line (200 ms) is in it.
  await page.keyboard.down("Shift");
  await page.mouse.move(xAt(150_000), y);
  await page.mouse.down();
  await page.mouse.move(xAt(250_000), y, { steps: 5 });
  await page.mouse.up();
  await page.keyboard.up("Shift");
  await expect(c).toHaveAttribute("data-selection", /\d+,\d+/);
  const lit = output(page).locator(".lp-out-in-range");
  await expect(lit).toHaveCount(1);
  await expect(lit).toHaveText("hello from goroutine 3\n");
  await c.focus();
  await page.keyboard.press("Escape");
  await expect(lit).toHaveCount(0);
});

test("clicking a stuck goroutine in the deadlock report highlights it on the timeline", async ({ page }) => {
  await open(page);
  await runExample(page, "deadlock.lua");
  const report = output(page).locator(".lp-out-stderr");
  await expect(report).toContainText("all goroutines are asleep - deadlock!");
  await report.getByRole("button", { name: "goroutine 2", exact: true }).first().click();
  await expect(canvas(page)).toHaveAttribute("data-highlight", "2");
  await report.getByRole("button", { name: "goroutine 1", exact: true }).first().click();
  await expect(canvas(page)).toHaveAttribute("data-highlight", "1");
});

test("a leak's report names the goroutines left behind; clicking one highlights it, and the timeline says what each waits on", async ({ page }) => {
  await open(page);
  await runExample(page, "leak.lua");
  await expect(page.getByRole("status")).toContainText("leaked");
  const report = output(page).locator(".lp-out-stderr");
  await report.getByRole("button", { name: "goroutine 4", exact: true }).first().click();
  await expect(canvas(page)).toHaveAttribute("data-highlight", "4");
  const summary = page.getByTestId("timeline-summary");
  await expect(summary).toContainText("Leak: 2 goroutines never woke.");
  await expect(summary).toContainText("g3 mirror 2 waits on chan 1 (channel send, line 12)");
  await expect(summary).toContainText("g4 mirror 3 waits on chan 1 (channel send, line 12)");
  await expect(canvas(page)).toHaveAttribute("data-wait-edges", /^[1-9]/);
});
