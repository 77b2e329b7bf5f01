// The words on the screen: the status line after each kind of ending, the
// output's last line after a limit, and what the page says while the
// engine is still loading.

import { expect, test, type Page } from "@playwright/test";
import { open } from "./open";
import { holdRoute, markedLine } from "./pagekit";
import type { App } from "../web/src/app";

const output = (page: Page) => page.getByRole("log", { name: "Output" });
const status = (page: Page) => page.getByRole("status");
const numbers = (page: Page) => page.locator(".lp-stats-numbers");

function setCode(page: Page, text: string): Promise<void> {
  return page.evaluate((t) => (window as unknown as { __lp: { app: App } }).__lp.app.editor.setContent(t), text);
}

async function runToEnd(page: Page, src: string): Promise<void> {
  await setCode(page, src);
  await page.getByRole("button", { name: "Run" }).click();
  await expect(page.locator("body")).toHaveAttribute("data-run-state", /^(done|failed)$/, { timeout: 20_000 });
}

test("one goroutine is counted in the singular", async ({ page }) => {
  await open(page);
  await runToEnd(page, 'print("alone")');
  await expect(status(page)).toHaveText("Done");
  await expect(numbers(page)).toContainText(/^1 goroutine · peak 1 alive/);
});

test("a syntax error shows the error and no numbers", async ({ page }) => {
  await open(page);
  await runToEnd(page, "x = = 1");
  await expect(status(page)).toContainText("Failed: main.lua:1: unexpected symbol near '='");
  await expect(numbers(page)).toHaveText("");
});

test("a block left open is named, and marked on the empty line after the script", async ({ page }) => {
  await open(page);
  await runToEnd(page, "if ready then\n  print(1)\n");
  await expect(status(page)).toContainText("Failed: main.lua:3: 'end' expected (to close 'if' at line 1) near '<eof>'");
  await expect(page.locator(".cm-lint-marker-error")).toHaveCount(1);
  expect(await markedLine(page)).toBe(3);
});

test("a limit is named once, and the output ends with the line saying why", async ({ page }) => {
  await open(page);
  await runToEnd(page, 'local s = string.rep("x", 99)\nfor i = 1, 100000 do print(s) end');
  await expect(status(page)).toHaveText(/^Limit exceeded: output bytes/);
  await expect(status(page)).not.toContainText(/limit exceeded: .*limit exceeded/i);
  await expect(output(page)).toContainText("Output capped");
  const lastLine = await output(page).evaluate((el) => el.textContent!.trimEnd().split("\n").pop());
  expect(lastLine).toMatch(/limit exceeded: output bytes/);
});

test("a goroutine's error that leads to a deadlock is reported with it", async ({ page }) => {
  await open(page);
  await runToEnd(page, [
    "local ch = goroutine.channel()",
    'goroutine.spawn(function() error("boom") ch:send(1) end)',
    "ch:receive()",
  ].join("\n"));
  await expect(status(page)).toHaveText(/^Deadlock after goroutine 2 failed: main\.lua:2: boom/);
  await expect(output(page)).toContainText("all goroutines are asleep - deadlock!");
});

test("a run started while the engine loads says it waits, then runs", async ({ page }) => {
  const release = await holdRoute(page, "**/luaplay.wasm");
  await page.goto("./?test");
  await page.waitForFunction(() => "__lp" in window);
  await page.evaluate(() => (window as unknown as { __lp: { app: App } }).__lp.app.ready);
  await expect(status(page)).toContainText("Loading the engine");
  await setCode(page, 'print("after the wait")');
  await page.getByRole("button", { name: "Run" }).click();
  await expect(status(page)).toContainText("Waiting for the engine");
  await expect(status(page)).not.toContainText("Running");
  await expect(numbers(page)).not.toContainText("wall");
  release();
  await expect(status(page)).toHaveText("Done", { timeout: 20_000 });
  await expect(output(page)).toHaveText("after the wait\n");
});
