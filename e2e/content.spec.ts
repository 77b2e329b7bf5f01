// Nothing the user wrote is lost: the Examples menu says "Your code" once
// the text is theirs; an example, Reset or a shared link sets it aside
// (Ctrl+Z and the menu bring it back, a reload keeps it); a first example
// that arrives late never replaces what was typed, and Run waits for the
// editor's content.

import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { open } from "./open";
import { code, holdRoute } from "./pagekit";
import { parseExampleIndex } from "../web/src/examples";
import type { App } from "../web/src/app";

const examples = parseExampleIndex(JSON.parse(readFileSync("web/examples/index.json", "utf8")));
const exampleSource = (file: string) => readFileSync(`web/examples/${file}`, "utf8");
const menu = (page: Page) => page.getByLabel("Examples");
const runButton = (page: Page) => page.getByRole("button", { name: "Run", exact: true });


/** typeOwn replaces the editor's text by typing, as a user would. */
async function typeOwn(page: Page, text: string): Promise<void> {
  await page.getByLabel("Lua source").click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type(text);
}

async function undo(page: Page): Promise<void> {
  await page.getByLabel("Lua source").focus();
  await page.keyboard.press("ControlOrMeta+z");
}

const selectedLabel = (page: Page) => menu(page).evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent);

test("the menu says Your code once the text differs from the example, and Reset puts it back", async ({ page }) => {
  await open(page);
  await expect(menu(page)).toHaveValue(examples[0].file);
  await expect(page.getByRole("button", { name: "Reset" })).toHaveAttribute("aria-disabled", "true");
  await page.getByLabel("Lua source").click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type("\nprint('mine')");
  await expect(menu(page)).toHaveValue("yours");
  expect(await selectedLabel(page)).toBe("Your code");
  const edited = await code(page);

  await page.getByRole("button", { name: "Reset" }).click();
  await expect.poll(() => code(page)).toBe(exampleSource(examples[0].file));
  await expect(page.getByText("Your code is kept")).toBeVisible();
  await expect(menu(page)).toHaveValue(examples[0].file);
  await undo(page);
  expect(await code(page)).toBe(edited);
  await expect(menu(page)).toHaveValue("yours");
});

test("picking an example sets your code aside: Ctrl+Z, the menu and a reload bring it back", async ({ page }) => {
  await open(page);
  await typeOwn(page, 'print("my own work")');
  await menu(page).selectOption("leak.lua");
  await expect.poll(() => code(page)).toBe(exampleSource("leak.lua"));
  await undo(page);
  expect(await code(page)).toBe('print("my own work")');

  await menu(page).selectOption("channels.lua");
  await expect.poll(() => code(page)).toBe(exampleSource("channels.lua"));
  await page.reload();
  await page.evaluate(() => (window as unknown as { __lp: { app: App } }).__lp.app.ready);
  expect(await code(page)).toBe(exampleSource("channels.lua"));
  await expect(menu(page)).toHaveValue("channels.lua");
  await menu(page).selectOption("yours");
  await expect.poll(() => code(page)).toBe('print("my own work")');
  await expect(menu(page)).toHaveValue("yours");
});

test("a shared link sets the draft aside instead of overwriting it", async ({ page, browser }) => {
  await open(page);
  await typeOwn(page, 'print("to share")');
  await page.getByRole("button", { name: "Share" }).click();
  await expect(page).toHaveURL(/#v1\./);
  const link = page.url();

  const other = await browser.newContext();
  const friend = await other.newPage();
  await open(friend);
  await typeOwn(friend, 'print("the friend\'s draft")');
  // The draft is saved 300 ms after the last key.
  await expect.poll(() => friend.evaluate(() => localStorage.getItem("luaplay.draft.v1") ?? "")).toContain("the friend");
  await friend.goto(link.replace(/^[^?]*\?test/, "./?test"));
  await friend.reload(); // a fresh load of the link, as when it is pasted
  await friend.evaluate(() => (window as unknown as { __lp: { app: App } }).__lp.app.ready);
  expect(await code(friend)).toBe('print("to share")');
  await menu(friend).selectOption("yours");
  await expect.poll(() => code(friend)).toBe('print("the friend\'s draft")');
  await other.close();
});

/** holdExamples delays every example script until the returned release is called. */
const holdExamples = (page: Page) => holdRoute(page, /\/examples\/[\w-]+\.lua$/);

test("typing before the first example arrives: the example never replaces it", async ({ page }) => {
  const release = await holdExamples(page);
  await page.goto("./?test");
  await page.waitForFunction(() => "__lp" in window);
  await expect(runButton(page)).toHaveAttribute("aria-disabled", "true");
  await page.getByLabel("Lua source").click();
  await page.keyboard.type('print("typed at once")');
  await expect(runButton(page)).toHaveAttribute("aria-disabled", "false");
  release();
  await page.evaluate(() => (window as unknown as { __lp: { app: App } }).__lp.app.ready);
  await page.waitForTimeout(300);
  expect(await code(page)).toBe('print("typed at once")');
  await expect(menu(page)).toHaveValue("yours");
  await runButton(page).click();
  await expect(page.getByRole("log", { name: "Output" })).toHaveText("typed at once\n", { timeout: 20_000 });
});

test("Run waits until the first example is in the editor", async ({ page }) => {
  const release = await holdExamples(page);
  await page.goto("./?test");
  await page.waitForFunction(() => "__lp" in window);
  await expect(page.getByTestId("engine-load")).toBeHidden({ timeout: 20_000 });
  await expect(runButton(page)).toHaveAttribute("aria-disabled", "true");
  await runButton(page).click({ force: true }); // a user can click it; it does nothing
  await page.keyboard.press("ControlOrMeta+Enter");
  await expect(page.locator("body")).toHaveAttribute("data-run-state", "idle");
  release();
  await expect(runButton(page)).toHaveAttribute("aria-disabled", "false");
  expect(await code(page)).toBe(exampleSource(examples[0].file));
  await runButton(page).click();
  await expect(page.locator("body")).toHaveAttribute("data-run-state", "done", { timeout: 20_000 });
});

test("picking the example the editor already holds, as it is, leaves its run going", async ({ page }) => {
  await open(page);
  const file = examples[0].file;
  await expect(menu(page)).toHaveValue(file);
  await page.getByLabel("Virtual time").uncheck(); // the example's sleeps take 300 ms of real time
  const release = await holdExamples(page);
  await menu(page).selectOption(file);
  await runButton(page).click();
  await expect(page.locator("body")).toHaveAttribute("data-run-state", "running");
  const fetched = page.waitForResponse(new RegExp(`/examples/${file.replace(".", "\\.")}$`));
  release();
  await fetched;
  await expect(page.locator("body")).toHaveAttribute("data-run-state", "done", { timeout: 20_000 });
  await expect(page.getByRole("log", { name: "Output" })).toContainText("all done: 3 goroutines finished");
  expect(await code(page)).toBe(exampleSource(file));
});
