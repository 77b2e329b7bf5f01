// The page opens with its code in a plain text area; CodeMirror (a chunk
// of its own) takes its place when the user reaches for the editor or
// after the first run. Held back here, as a slow network would: the plain
// editor edits and runs, and the hand-over keeps the text, the cursor, the
// focus, the undo of a replaced text and the lines a run's links follow.

import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { open } from "./open";
import { code, cursorLine, holdRoute, markedLine } from "./pagekit";
import type { App } from "../web/src/app";

const codeMirrorChunk = /\/chunks\/cmeditor-[\w-]+\.js$/;
const source = (page: Page) => page.getByLabel("Lua source");
const output = (page: Page) => page.getByRole("log");

/** isCodeMirror tells whether CodeMirror holds the editor now. */
const isCodeMirror = (page: Page) => page.evaluate(() => (window as unknown as { __lp: { app: App } }).__lp.app.editor.view !== null);

/** caret is CodeMirror's selection, as offsets. */
const caret = (page: Page) => page.evaluate(() => {
  const sel = (window as unknown as { __lp: { app: App } }).__lp.app.editor.view!.state.selection.main;
  return [sel.anchor, sel.head];
});

test("the plain editor edits and runs; CodeMirror takes over keeping the text, cursor and focus", async ({ page }) => {
  const release = await holdRoute(page, codeMirrorChunk);
  await open(page);
  await source(page).click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type('print("typed before the editor loaded")\nprint("second")');
  expect(await isCodeMirror(page)).toBe(false);
  await page.keyboard.press("Control+Enter");
  await expect(output(page)).toHaveText("typed before the editor loaded\nsecond\n");
  await source(page).evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(7, 12));
  await source(page).focus();

  release();
  await expect(page.locator(".cm-content")).toContainText("typed before the editor loaded");
  expect(await code(page)).toBe('print("typed before the editor loaded")\nprint("second")');
  expect(await caret(page)).toEqual([7, 12]);
  await expect(source(page)).toBeFocused();
  await page.keyboard.type("TYPED");
  expect(await code(page)).toBe('print("TYPED before the editor loaded")\nprint("second")');
  // Reloading keeps what was typed in either.
  await page.reload();
  await page.evaluate(() => (window as unknown as { __lp: { app: App } }).__lp.app.ready);
  expect(await code(page)).toBe('print("TYPED before the editor loaded")\nprint("second")');
});

test("an example picked in the plain editor is undone by Ctrl+Z, before and after the hand-over", async ({ page }) => {
  const release = await holdRoute(page, codeMirrorChunk);
  await open(page);
  await page.evaluate(() => (window as unknown as { __lp: { app: App } }).__lp.app.editor.setContent('print("mine")'));
  await page.getByLabel("Examples").selectOption("mutex.lua");
  await expect.poll(() => code(page)).toBe(readFileSync("web/examples/mutex.lua", "utf8"));
  await source(page).focus();
  await page.keyboard.press("ControlOrMeta+z");
  expect(await code(page)).toBe('print("mine")');

  await page.getByLabel("Examples").selectOption("mutex.lua");
  await expect.poll(() => code(page)).toBe(readFileSync("web/examples/mutex.lua", "utf8"));
  release();
  await page.evaluate(() => (window as unknown as { __lp: { app: App } }).__lp.app.editor.load());
  await source(page).focus();
  await page.keyboard.press("ControlOrMeta+z");
  expect(await code(page)).toBe('print("mine")');
});

test("a run's line links follow lines typed in the plain editor, across the hand-over", async ({ page }) => {
  const release = await holdRoute(page, codeMirrorChunk);
  await open(page);
  await page.evaluate(() => (window as unknown as { __lp: { app: App } }).__lp.app.editor.setContent('local x = 1\nerror("on line two")'));
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.locator("body")).toHaveAttribute("data-run-state", "failed");
  // Two lines typed above the failing one while CodeMirror is held back.
  await source(page).evaluate((el: HTMLTextAreaElement) => {
    el.setSelectionRange(0, 0);
    el.focus();
  });
  await page.keyboard.type("-- one\n-- two\n");
  expect(await isCodeMirror(page)).toBe(false);
  release();
  await expect(page.locator(".cm-content")).toContainText("-- one");
  await output(page).getByRole("button", { name: "main.lua:2" }).first().click();
  expect(await cursorLine(page)).toBe(4);
  // The failing line is marked where it is now.
  await expect(page.locator(".cm-lint-marker-error")).toHaveCount(1);
  expect(await markedLine(page)).toBe(4);
});

test("CodeMirror taking over after a run leaves the page where the user scrolled it", async ({ page }) => {
  // Stacked panes (narrower than 900 px): the timeline is below the editor
  // and the page scrolls to it.
  await page.setViewportSize({ width: 860, height: 600 });
  const release = await holdRoute(page, codeMirrorChunk);
  await open(page);
  const before = await code(page);
  // A picked example is a replaced text, whose undo step the hand-over replays.
  await page.getByLabel("Examples").selectOption("pool_etl.lua");
  await expect.poll(() => code(page)).toBe(readFileSync("web/examples/pool_etl.lua", "utf8"));
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.locator("body")).toHaveAttribute("data-run-state", "done");
  // The user scrolls down to the timeline; a busy machine's CodeMirror comes in then.
  await page.getByTestId("timeline-canvas").evaluate((el) => el.scrollIntoView({ block: "center" }));
  const y0 = await page.evaluate(() => window.scrollY);
  expect(y0).toBeGreaterThan(0);
  const top = () => page.getByTestId("timeline-canvas").evaluate((el) => el.getBoundingClientRect().top);
  const top0 = await top();
  release();
  await expect.poll(() => isCodeMirror(page)).toBe(true);
  // CodeMirror scrolls, if it does, when it measures: in a frame.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  expect(await page.evaluate(() => window.scrollY)).toBe(y0);
  expect(await top()).toBe(top0);
  expect(await cursorLine(page)).toBe(1);
  await source(page).focus();
  await page.keyboard.press("ControlOrMeta+z");
  expect(await code(page)).toBe(before);
});
