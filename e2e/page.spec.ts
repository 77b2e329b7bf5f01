// The playground page as a newcomer uses it: every shipped example, shared
// links, the draft kept across reloads, error links, keyboard shortcuts,
// themes and small screens.

import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { cursorLine, untilRunState } from "./pagekit";
import { open } from "./open";
import { pngColours } from "./png";
import { parseExampleIndex } from "../web/src/examples";
import { DEFAULT_MAX_CHARS, TAIL_CHARS } from "../web/src/output";
import type { App } from "../web/src/app";

const examples = parseExampleIndex(JSON.parse(readFileSync("web/examples/index.json", "utf8")));
const exampleSource = (file: string) => readFileSync(`web/examples/${file}`, "utf8");


const output = (page: Page) => page.getByRole("log", { name: "Output" });
const body = (page: Page) => page.locator("body");

function code(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as { __lp: { app: App } }).__lp.app.editor.getContent());
}

function setCode(page: Page, text: string): Promise<void> {
  return page.evaluate((t) => (window as unknown as { __lp: { app: App } }).__lp.app.editor.setContent(t), text);
}


for (const ex of examples) {
  test(`example ${ex.file} keeps its promise`, async ({ page }) => {
    const src = exampleSource(ex.file);
    const errors = await open(page);
    await page.getByLabel("Examples").selectOption(ex.file);
    await expect.poll(() => code(page)).toBe(src);
    await page.getByRole("button", { name: "Run" }).click();
    expect(await untilRunState(page)).toBe(ex.expect === "ok" || ex.expect === "leak" ? "done" : "failed");
    for (const want of ex.contains) await expect(output(page)).toContainText(want);
    const status = page.getByRole("status");
    if (ex.expect === "leak") await expect(status).toContainText("leaked");
    if (ex.expect === "deadlock") await expect(status).toHaveText("Deadlock");
    if (ex.expect === "error") await expect(status).toContainText("Failed: ");
    expect(errors).toEqual([]);
  });
}

test("a shared link carries the code and options to a fresh browser", async ({ page, browser }) => {
  await open(page);
  const src = 'print("shared ✓", goroutine.id())\n';
  await setCode(page, src);
  await page.getByLabel("Virtual time").uncheck();
  await page.getByRole("button", { name: "Share" }).click();
  await expect(page).toHaveURL(/#v1\.[A-Za-z0-9_-]+$/);
  const url = page.url();

  const other = await browser.newContext();
  const fresh = await other.newPage();
  const errors = await open(fresh, url.replace(/^[^?]*\?test/, "./?test"));
  expect(await code(fresh)).toBe(src);
  await expect(fresh.getByLabel("Virtual time")).not.toBeChecked();
  await fresh.getByRole("button", { name: "Run" }).click();
  expect(await untilRunState(fresh)).toBe("done");
  await expect(output(fresh)).toContainText("shared ✓\t1");
  expect(errors).toEqual([]);
  await other.close();
});

test("a damaged shared link says so and leaves a usable page", async ({ page }) => {
  await open(page, "./?test#v1.not*base64");
  await expect(output(page)).toContainText("Could not open the shared link: shared link is damaged");
  expect(await code(page)).toBe(exampleSource(examples[0].file));
});

test("reload keeps the code and options; picking an example replaces them", async ({ page }) => {
  await open(page);
  const editor = page.getByLabel("Lua source");
  await editor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type('print("typed by hand")');
  await page.getByLabel("Virtual time").uncheck();
  await page.reload();
  await page.waitForFunction(() => "__lp" in window);
  await page.evaluate(() => (window as unknown as { __lp: { app: App } }).__lp.app.ready);
  expect(await code(page)).toBe('print("typed by hand")');
  await expect(page.getByLabel("Virtual time")).not.toBeChecked();

  await page.getByLabel("Examples").selectOption("leak.lua");
  await expect.poll(() => code(page)).toBe(exampleSource("leak.lua"));
  await page.reload();
  await page.waitForFunction(() => "__lp" in window);
  await page.evaluate(() => (window as unknown as { __lp: { app: App } }).__lp.app.ready);
  expect(await code(page)).toBe(exampleSource("leak.lua"));
  await expect(page.getByLabel("Examples")).toHaveValue("leak.lua");
});

test("an error's file:line link moves the cursor to that line", async ({ page }) => {
  await open(page);
  await page.getByLabel("Examples").selectOption("errors.lua");
  await expect.poll(() => code(page)).toBe(exampleSource("errors.lua"));
  await page.getByRole("button", { name: "Run" }).click();
  expect(await untilRunState(page)).toBe("failed");
  expect(await cursorLine(page)).toBe(1);
  const link = output(page).getByRole("button", { name: "main.lua:7" }).first();
  await link.click();
  expect(await cursorLine(page)).toBe(7);
  await expect(page.getByLabel("Lua source")).toBeFocused();
  // The failing line is marked in the editor too.
  await expect(page.locator(".cm-lint-marker-error")).toHaveCount(1);
});

test("Ctrl+Enter runs and Escape stops, in the editor and outside it", async ({ page }) => {
  await open(page);
  await setCode(page, 'print("by keyboard")');
  await page.getByLabel("Lua source").focus();
  await page.keyboard.press("Control+Enter");
  expect(await untilRunState(page)).toBe("done");
  await expect(output(page)).toHaveText("by keyboard\n");
  expect(await code(page)).toBe('print("by keyboard")'); // no newline was inserted

  await setCode(page, 'print("spinning")\nwhile true do end');
  await page.getByLabel("Lua source").focus();
  await page.keyboard.press("Control+Enter");
  await expect(output(page)).toContainText("spinning");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("status")).toHaveText("Stopped", { timeout: 2000 });

  await page.getByRole("button", { name: "Share" }).focus();
  await page.keyboard.press("Control+Enter");
  await expect(body(page)).toHaveAttribute("data-run-state", "running");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("status")).toHaveText("Stopped", { timeout: 2000 });
});

test("keyboard alone reaches every control and leaves the editor with Tab", async ({ page }) => {
  await open(page);
  await page.locator("body").focus();
  const names: string[] = [];
  for (let i = 0; i < 20 && !names.includes("Output"); i++) {
    await page.keyboard.press("Tab");
    names.push(await page.evaluate(() => {
      // The editor lives in a shadow root: follow focus into it.
      let el = document.activeElement as HTMLElement;
      while (el.shadowRoot?.activeElement) el = el.shadowRoot.activeElement as HTMLElement;
      return el.getAttribute("aria-label") ?? el.textContent?.trim() ?? el.tagName;
    }));
  }
  for (const want of ["Run", "Stop", "Examples", "Share", "Theme", "Lua source", "Output"]) {
    expect(names).toContain(want);
  }
  expect(names.indexOf("Output")).toBeGreaterThan(names.indexOf("Lua source"));
});

/** distinctColours counts the colours of a screenshot, decoded in the page. */
async function distinctColours(page: Page, png: Buffer): Promise<{ colours: number; luminance: number }> {
  const { colours, luminance } = await pngColours(page, png);
  return { colours: colours.length, luminance };
}

test("both themes render a full page, and the system theme is followed", async ({ page }, info) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await open(page);
  await page.getByRole("button", { name: "Run" }).click();
  await untilRunState(page);
  const shots: Record<string, { colours: number; luminance: number }> = {};
  for (const theme of ["light", "dark"]) {
    await page.getByLabel("Theme").selectOption(theme);
    const png = await page.screenshot();
    await info.attach(`page-${theme}.png`, { body: png, contentType: "image/png" });
    shots[theme] = await distinctColours(page, png);
    expect(shots[theme].colours, `${theme} screenshot colours`).toBeGreaterThan(50);
  }
  expect(shots.dark.luminance).toBeLessThan(shots.light.luminance - 60);
  await page.getByLabel("Theme").selectOption("system");
  const system = await distinctColours(page, await page.screenshot());
  expect(Math.abs(system.luminance - shots.dark.luminance)).toBeLessThan(10);
});

test("on a phone the panes stack without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await open(page);
  for (const name of ["Run", "Share"]) await expect(page.getByRole("button", { name })).toBeVisible();
  await expect(page.getByLabel("Lua source")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const editor = await page.locator(".lp-pane-editor").boundingBox();
  const run = await page.locator(".lp-pane-run").boundingBox();
  expect(run!.y).toBeGreaterThanOrEqual(editor!.y + editor!.height);
  await expect(page.getByRole("region", { name: "Timeline" }).getByTestId("timeline-slot")).toBeAttached();
});

test("a flood of output is capped with a note and the page stays responsive", async ({ page }) => {
  await open(page);
  await setCode(page, 'for i = 1, 30000 do print("line " .. i .. " of a long flood") end');
  await page.getByRole("button", { name: "Run" }).click();
  expect(await untilRunState(page)).toBe("done");
  await expect(output(page)).toContainText("Output capped");
  // What keeps the page responsive: it holds the cap, not the flood
  // (about a megabyte), and it still answers the next click.
  expect((await output(page).textContent())!.length).toBeLessThan(DEFAULT_MAX_CHARS + TAIL_CHARS + 1000);
  await setCode(page, 'print("after the flood")');
  await page.getByRole("button", { name: "Run" }).click();
  await expect(output(page)).toHaveText("after the flood\n");
});

test("completion and hover explain the goroutine API", async ({ page }) => {
  await open(page);
  await setCode(page, "");
  await page.getByLabel("Lua source").focus();
  // Focus loads completion and hover help (a chunk of their own).
  await page.evaluate(() => (window as unknown as { __lp: { app: App } }).__lp.app.editor.loadExtras());
  await page.keyboard.type("goroutine.spa");
  const list = page.locator(".cm-tooltip-autocomplete");
  await expect(list).toContainText("spawn");
  await expect(list).toContainText("spawn_many");
  await page.waitForTimeout(200); // CodeMirror ignores keys for 75 ms after the list opens
  await page.keyboard.press("Enter");
  expect(await code(page)).toBe("goroutine.spawn");
  await page.keyboard.type("(f)");
  const at = await page.evaluate(() => {
    const v = (window as unknown as { __lp: { app: App } }).__lp.app.editor.view!;
    const c = v.coordsAtPos("goroutine.sp".length)!;
    return { x: c.left + 1, y: (c.top + c.bottom) / 2 };
  });
  await page.mouse.move(at.x, at.y);
  const hover = page.locator(".lp-hover");
  await expect(hover).toContainText("goroutine.spawn(fn, ...) → id");
  await expect(hover).toContainText("Runs fn(...) in a new goroutine");
});
