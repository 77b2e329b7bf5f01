// Nothing stale: once new code (an example, Reset, a shared link) replaces
// the code of the last run, its status, output and timeline go; lines
// named by a run (timeline spans, output links) follow the user's edits;
// Export waits for a run.

import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { open } from "./open";
import { code, cursorLine, runExample } from "./pagekit";
import type { App } from "../web/src/app";
import { AXIS_H, LABEL_W, ROW_H } from "../web/src/timeline/view";

const output = (page: Page) => page.getByRole("log", { name: "Output" });
const timeline = (page: Page) => page.getByRole("region", { name: "Timeline" });
const canvas = (page: Page) => timeline(page).getByTestId("timeline-canvas");
const exampleSource = (file: string) => readFileSync(`web/examples/${file}`, "utf8");



/** typeAtTop inserts lines before the first line, as a user would. The
 * text comes in as typed input without key presses: an Enter pressed
 * once CodeMirror's completion had opened on "ru" took "return" (seen in
 * a run on a loaded machine: "-- added after the return…"). */
async function typeAtTop(page: Page, text: string): Promise<void> {
  await page.getByLabel("Lua source").click();
  await page.keyboard.press("ControlOrMeta+Home");
  await page.keyboard.insertText(text);
}

test("new code clears the last run's status, output and timeline", async ({ page }) => {
  await open(page);
  await runExample(page, "channels.lua");
  await expect(page.getByRole("status")).toHaveText("Done");
  await expect(canvas(page)).toHaveAttribute("data-lanes", "2");
  await page.getByLabel("Examples").selectOption("mutex.lua");
  await expect.poll(() => code(page)).toBe(exampleSource("mutex.lua"));
  await expect(page.getByRole("status")).toHaveText("Idle");
  await expect(output(page)).toHaveText("");
  await expect(canvas(page)).toHaveAttribute("data-lanes", "0");
});

test("Reset and a shared link opened in the tab clear the last run too", async ({ page, browser }) => {
  const friend = await browser.newPage();
  await open(friend);
  await friend.evaluate(() => (window as unknown as { __lp: { app: App } }).__lp.app.editor.setContent('print("shared")'));
  await friend.getByRole("button", { name: "Share" }).click();
  await expect(friend).toHaveURL(/#v1\./);
  const link = new URL(friend.url()).hash;
  await friend.close();

  await open(page);
  await runExample(page, "channels.lua");
  await typeAtTop(page, "-- mine\n");
  await page.getByRole("button", { name: "Reset" }).click();
  await expect.poll(() => code(page)).toBe(exampleSource("channels.lua"));
  await expect(page.getByRole("status")).toHaveText("Idle");
  await expect(canvas(page)).toHaveAttribute("data-lanes", "0");

  await runExample(page, "channels.lua");
  await expect(canvas(page)).toHaveAttribute("data-lanes", "2");
  await page.evaluate((h) => (location.hash = h), link);
  await expect.poll(() => code(page)).toBe('print("shared")');
  await expect(page.getByRole("status")).toHaveText("Idle");
  await expect(output(page)).toHaveText(/^Opened a shared link/);
  await expect(canvas(page)).toHaveAttribute("data-lanes", "0");
});

test("new code during a run stops it, and nothing of it is shown", async ({ page }) => {
  await open(page);
  await page.evaluate(() =>
    (window as unknown as { __lp: { app: App } }).__lp.app.editor.setContent('print("old")\nwhile true do end'));
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(output(page)).toContainText("old");
  await page.getByLabel("Examples").selectOption("hello.lua");
  await expect(page.locator("body")).toHaveAttribute("data-run-state", "idle", { timeout: 5000 });
  await expect(page.getByRole("status")).toHaveText("Idle");
  await expect(output(page)).toHaveText("");
  await expect(page.getByRole("button", { name: "Run", exact: true })).toHaveAttribute("aria-disabled", "false");
});

test("a span's line follows edits made after the run", async ({ page }) => {
  await open(page);
  await runExample(page, "async_await.lua");
  await typeAtTop(page, "-- two lines\n-- added after the run\n");
  const c = canvas(page);
  const box = (await c.boundingBox())!;
  const p = { x: LABEL_W + (box.width - LABEL_W) * 0.5, y: AXIS_H + ROW_H / 2 };
  await c.hover({ position: p });
  const line = Number(/line (\d+)/.exec(await timeline(page).getByRole("tooltip").innerText())![1]);
  await c.click({ position: p });
  expect(await cursorLine(page)).toBe(line + 2);
});

test("an output link's line follows edits made after the run", async ({ page }) => {
  await open(page);
  await runExample(page, "errors.lua");
  await typeAtTop(page, "-- one more line\n");
  await output(page).getByRole("button", { name: "main.lua:7" }).first().click();
  expect(await cursorLine(page)).toBe(8);
});

test("Export trace and Export PNG wait for a run", async ({ page }) => {
  await open(page);
  const exports = [timeline(page).getByRole("button", { name: "Export trace" }), timeline(page).getByRole("button", { name: "Export PNG" })];
  for (const b of exports) await expect(b).toBeDisabled();
  await runExample(page, "hello.lua");
  for (const b of exports) await expect(b).toBeEnabled();
  await page.getByLabel("Examples").selectOption("leak.lua");
  for (const b of exports) await expect(b).toBeDisabled();
});
