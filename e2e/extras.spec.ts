// The page's first output does not wait for the editor's extras
// (completion, hover help, search, the lint gutter) or the Help panel's
// content: each is a chunk that loads when first needed, and nothing the
// user does meanwhile is lost.

import { expect, test, type Page } from "@playwright/test";
import { open, watchPage } from "./open";
import { code, holdRoute, markedLine } from "./pagekit";
import type { App } from "../web/src/app";

const extrasChunk = /\/chunks\/editorextras-[\w-]+\.js$/;
const helpChunk = /\/chunks\/helpbody-[\w-]+\.js$/;

/** fetched lists the paths the page requests from now on. */
function fetched(page: Page): string[] {
  const paths: string[] = [];
  page.on("request", (r) => paths.push(new URL(r.url()).pathname));
  return paths;
}

test("the first run's output comes before CodeMirror and the extras load; its end loads them", async ({ page }) => {
  const paths = fetched(page);
  const errors = await watchPage(page);
  // When the output first shows text, in the page's clock.
  await page.addInitScript(() => {
    const w = window as unknown as { __firstOutput?: number };
    new MutationObserver((_, obs) => {
      if (!document.querySelector('[role="log"]')?.textContent) return;
      w.__firstOutput = performance.now();
      obs.disconnect();
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await open(page);
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.locator("body")).toHaveAttribute("data-run-state", /^(done|failed)$/);
  await expect(page.locator(".cm-gutter-lint")).toHaveCount(1);
  const { first, extras, editor } = await page.evaluate(() => ({
    first: (window as unknown as { __firstOutput?: number }).__firstOutput,
    extras: performance.getEntriesByType("resource").filter((r) => r.name.includes("/chunks/editorextras-")).map((r) => r.startTime),
    editor: performance.getEntriesByType("resource").filter((r) => r.name.includes("/chunks/cmeditor-")).map((r) => r.startTime),
  }));
  expect(first).toBeDefined();
  expect(extras).toHaveLength(1);
  expect(extras[0]).toBeGreaterThan(first!);
  expect(editor).toHaveLength(1);
  expect(editor[0]).toBeGreaterThan(first!);
  expect(paths.some((p) => helpChunk.test(p))).toBe(false);
  expect(errors).toEqual([]);
});

test("typing while the extras load loses nothing, and completion works once they are in", async ({ page }) => {
  await watchPage(page);
  const release = await holdRoute(page, extrasChunk);
  await open(page);
  await page.evaluate(() => (window as unknown as { __lp: { app: App } }).__lp.app.editor.setContent(""));
  const source = page.getByLabel("Lua source");
  await source.focus();
  await page.keyboard.type('print("typed while loading")\n');
  // The lint gutter's place is kept, so the text does not move on arrival.
  const left = await source.evaluate((el) => el.getBoundingClientRect().left);
  await expect(page.locator(".lp-lint-space")).toHaveCount(1);
  release();
  await page.evaluate(() => (window as unknown as { __lp: { app: App } }).__lp.app.editor.loadExtras());
  await expect(page.locator(".cm-gutter-lint")).toHaveCount(1);
  await expect(page.locator(".lp-lint-space")).toHaveCount(0);
  expect(await source.evaluate((el) => el.getBoundingClientRect().left)).toBe(left);
  await page.keyboard.type("goroutine.wait_g");
  await expect(page.locator(".cm-tooltip-autocomplete")).toContainText("wait_group");
  expect(await code(page)).toBe('print("typed while loading")\ngoroutine.wait_g');
});

test("no completion list opens in a comment, so Enter there ends the line", async ({ page }) => {
  await open(page);
  await page.evaluate(async () => {
    const editor = (window as unknown as { __lp: { app: App } }).__lp.app.editor;
    editor.setContent("local running = 1\n");
    await editor.loadExtras();
  });
  await expect(page.locator(".cm-gutter-lint")).toHaveCount(1);
  const source = page.getByLabel("Lua source");
  await source.focus();
  await page.keyboard.press("ControlOrMeta+End");
  // In code, the word is offered.
  await page.keyboard.type("print(ru");
  await expect(page.locator(".cm-tooltip-autocomplete")).toContainText("running");
  await page.keyboard.press("Escape");
  await page.keyboard.type(")\n-- ru");
  // Longer than completion's typing delay (100 ms), as the list above came.
  await page.waitForTimeout(600);
  await expect(page.locator(".cm-tooltip-autocomplete")).toHaveCount(0);
  await page.keyboard.press("Enter");
  await page.keyboard.type("--[[ ru");
  await page.waitForTimeout(600);
  await expect(page.locator(".cm-tooltip-autocomplete")).toHaveCount(0);
  await page.keyboard.press("Enter");
  expect(await code(page)).toBe("local running = 1\nprint(ru)\n-- ru\n--[[ ru\n]]");
});

test("a failing line is marked even when the run ends before the lint gutter is in", async ({ page }) => {
  const release = await holdRoute(page, extrasChunk);
  await open(page);
  await page.evaluate(() => (window as unknown as { __lp: { app: App } }).__lp.app.editor.setContent('local x = 1\n\nerror("line three")'));
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.locator("body")).toHaveAttribute("data-run-state", "failed");
  // An edit above the failing line while the gutter loads moves its mark.
  await page.evaluate(async () => {
    const editor = (window as unknown as { __lp: { app: App } }).__lp.app.editor;
    await editor.load();
    const v = editor.view!;
    v.dispatch({ changes: { from: 0, insert: "-- a new first line\n" } });
  });
  release();
  await expect(page.locator(".cm-lint-marker-error")).toHaveCount(1);
  expect(await markedLine(page)).toBe(4);
});

test("Help says so when its content fails to load, and opens on the next try", async ({ page }) => {
  let fail = true;
  await page.route(helpChunk, (route) => (fail ? route.abort() : route.continue()));
  await open(page);
  await page.getByRole("button", { name: "Help" }).click();
  const help = page.getByRole("dialog", { name: "Help" });
  await expect(help.getByText(/^The help failed to load/)).toBeVisible();
  await help.getByRole("button", { name: "Close" }).click();
  fail = false;
  await page.getByRole("button", { name: "Help" }).click();
  await expect(help.getByRole("searchbox", { name: "Search the API" })).toBeVisible();
  await expect(help.getByText(/^The help failed to load/)).toHaveCount(0);
});
