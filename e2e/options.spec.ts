// The page's run options reach the engine: the grace period after main and
// the trace-event limit.

import { expect, test, type Page } from "@playwright/test";
import { open } from "./open";
import { fillSource } from "./pagekit";

/** openLimits opens the toolbar's Limits, where the fields are. */
async function openLimits(page: Page): Promise<void> {
  if ((await page.locator(".lp-limits").getAttribute("open")) === null) {
    await page.getByText("Limits", { exact: true }).click();
  }
}

test("the Grace field sets how long goroutines may run after main, and is kept", async ({ page }) => {
  const errors = await open(page);
  await openLimits(page);
  const grace = page.getByLabel("Grace (s)");
  await expect(grace).toHaveValue("10");
  await grace.fill("1.5");
  await grace.press("Enter");
  await fillSource(page, 'goroutine.spawn(function() while true do goroutine.sleep(100) end end)\nprint("main done")');
  await page.getByRole("button", { name: "Run" }).click();
  await expect(page.locator("body")).toHaveAttribute("data-run-state", "done");
  const output = page.getByRole("log", { name: "Output" });
  await expect(output).toContainText("main done");
  await expect(output).toContainText("still running 1.5s after main ended");
  await expect(output).toContainText("[sleep] at main.lua:1");
  await openLimits(page);
  await grace.fill("-3");
  await grace.press("Enter");
  await expect(grace).toHaveValue("1.5");
  await page.reload();
  await expect(page.getByLabel("Grace (s)")).toHaveValue("1.5");
  expect(errors).toEqual([]);
});

test("the Max events field sets the trace-event limit, and is kept", async ({ page }) => {
  const errors = await open(page);
  await openLimits(page);
  const field = page.getByLabel("Max events");
  await expect(field).toHaveValue("500000");
  await field.fill("300");
  await field.press("Enter");
  await fillSource(page, 'for i = 1, 1000 do goroutine.mark("m") end\nprint("all marked")');
  await page.getByRole("button", { name: "Run" }).click();
  await expect(page.locator("body")).toHaveAttribute("data-run-state", "failed");
  const output = page.getByRole("log", { name: "Output" });
  await expect(output).toContainText("limit exceeded: trace events (300)");
  await expect(output).not.toContainText("all marked");
  await openLimits(page);
  await field.fill("2.5");
  await field.press("Enter");
  await expect(field).toHaveValue("300");
  await field.fill("5000");
  await field.press("Enter");
  await page.getByRole("button", { name: "Run" }).click();
  await expect(page.locator("body")).toHaveAttribute("data-run-state", "done");
  await expect(output).toContainText("all marked");
  await page.reload();
  await expect(page.getByLabel("Max events")).toHaveValue("5000");
  expect(errors).toEqual([]);
});
