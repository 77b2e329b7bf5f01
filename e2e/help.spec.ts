// The Help panel: the ? button and F1 open it; it explains the page and
// its words, lists the shortcuts of shortcuts.ts, and shows the API
// reference with a search that narrows it and links into the docs.

import { expect, test } from "@playwright/test";
import { open } from "./open";
import { readFileSync } from "node:fs";

/** ENTRIES are the reference's entries, read as the page bundles them. */
const ENTRIES: unknown[] = JSON.parse(readFileSync("web/src/api.json", "utf8")).sections.flatMap((s: { entries: unknown[] }) => s.entries);

test("the ? button opens Help with the page's words, the shortcuts and every API entry", async ({ page }) => {
  const errors = await open(page);
  await page.getByRole("button", { name: "Help" }).click();
  const help = page.getByRole("dialog", { name: "Help" });
  await expect(help).toBeVisible();
  for (const word of ["Virtual time", "Speedup", "chan 3, mutex 4, wg 5"]) await expect(help.getByText(word, { exact: true })).toBeVisible();
  await expect(help.locator(".lp-shortcuts")).toContainText("Run the script");
  await expect(help.locator(".lp-shortcuts")).toContainText("Open the Help panel");
  await expect(help.locator(".lp-help-entry")).toHaveCount(ENTRIES.length);
  await expect(help.getByRole("status")).toHaveText(`${ENTRIES.length} calls`);
  await help.getByRole("button", { name: "Close" }).click();
  await expect(help).toBeHidden();
  expect(errors).toEqual([]);
});

test("search narrows the reference; F1 opens Help from the editor and Escape closes it", async ({ page }) => {
  await open(page);
  await page.getByLabel("Lua source").click();
  await page.keyboard.press("F1");
  const help = page.getByRole("dialog", { name: "Help" });
  await expect(help).toBeVisible();
  const search = help.getByRole("searchbox", { name: "Search the API" });
  await search.fill("select_timeout");
  await expect(help.locator(".lp-help-entry:visible")).toHaveCount(1);
  await expect(help.locator(".lp-help-entry:visible")).toContainText("goroutine.select_timeout(ms, cases)");
  await search.fill("channel close");
  await expect(help.getByRole("status")).toHaveText(/^\d+ of \d+ calls match$/);
  await search.fill("no such call anywhere");
  await expect(help.getByRole("status")).toHaveText("No call matches.");
  await expect(help.locator(".lp-help-entry:visible")).toHaveCount(0);
  // Escape first clears the search box (the browser's own behaviour), then closes.
  await page.keyboard.press("Escape");
  await expect(search).toHaveValue("");
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();
});

test("an entry's example links to its live copy in the docs", async ({ page }) => {
  await open(page);
  await page.keyboard.press("F1");
  const help = page.getByRole("dialog", { name: "Help" });
  await help.getByRole("searchbox", { name: "Search the API" }).fill("ch:send");
  const entry = help.locator(".lp-help-entry:visible").first();
  await entry.getByText("Example").click();
  const link = entry.getByRole("link", { name: "Run it in the docs" });
  const href = await link.getAttribute("href");
  expect(href).toMatch(/docs\/api\.html#goroutine\.channel%3Asend$/);
  await page.goto(href!);
  await expect(page.locator('[id="goroutine.channel:send"]')).toBeVisible();
});
