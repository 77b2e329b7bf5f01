// The page's layout: splitters that a pointer drags and the keyboard moves,
// kept across reloads; a timeline that grows with its lanes, stays on
// screen, and keeps its height when a run starts again; a toolbar that
// stays put while the engine loads; stacked panes on a phone.

import { expect, test, type Page } from "@playwright/test";
import { open } from "./open";
import { holdRoute, runExample } from "./pagekit";
import { AXIS_H, ROW_H } from "../web/src/timeline/view";
import type { App } from "../web/src/app";

const pane = (page: Page, name: string) => page.locator(`.lp-pane-${name}`);
const height = async (page: Page, name: string) => (await pane(page, name).boundingBox())!.height;
const width = async (page: Page, name: string) => (await pane(page, name).boundingBox())!.width;
const splitter = (page: Page, name: string) => page.getByRole("separator", { name });

test.use({ viewport: { width: 1440, height: 900 } });

test("dragging the splitters resizes the panes, and a reload keeps the sizes", async ({ page }) => {
  await open(page);
  const cols = splitter(page, "Resize the editor and the output");
  const rows = splitter(page, "Resize the timeline");
  const editorBefore = await width(page, "editor");
  const box = (await cols.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 200, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  expect(Math.abs(await width(page, "editor") - (editorBefore - 200))).toBeLessThan(4);

  const timelineBefore = await height(page, "timeline");
  const r = (await rows.boundingBox())!;
  await page.mouse.move(r.x + r.width / 2, r.y + r.height / 2);
  await page.mouse.down();
  await page.mouse.move(r.x + r.width / 2, r.y + r.height / 2 - 150, { steps: 5 });
  await page.mouse.up();
  expect(Math.abs(await height(page, "timeline") - (timelineBefore + 150))).toBeLessThan(4);

  const sizes = { editor: await width(page, "editor"), timeline: await height(page, "timeline") };
  await page.reload();
  await page.evaluate(() => (window as unknown as { __lp: { app: App } }).__lp.app.ready);
  expect(Math.abs(await width(page, "editor") - sizes.editor)).toBeLessThan(2);
  expect(Math.abs(await height(page, "timeline") - sizes.timeline)).toBeLessThan(2);
});

test("the splitters move with the keyboard, and Enter gives the size back", async ({ page }) => {
  await open(page);
  const cols = splitter(page, "Resize the editor and the output");
  const auto = await width(page, "editor");
  await cols.focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  expect(Math.round(await width(page, "editor") - auto)).toBe(32);
  await expect(cols).toHaveAttribute("aria-valuenow", String(Math.round(await width(page, "editor"))));
  await page.keyboard.press("Enter");
  expect(Math.abs(await width(page, "editor") - auto)).toBeLessThan(2);

  const rows = splitter(page, "Resize the timeline");
  const before = await height(page, "timeline");
  await rows.focus();
  await page.keyboard.press("ArrowUp");
  expect(Math.round(await height(page, "timeline") - before)).toBe(16);
  await page.keyboard.press("Home");
  expect(Math.round(await height(page, "timeline"))).toBe(Number(await rows.getAttribute("aria-valuemin")));
});

test("at 1440×900 the timeline is on screen without scrolling, and grows with its lanes", async ({ page }) => {
  await open(page);
  await runExample(page, "hello.lua");
  const few = await height(page, "timeline");
  await runExample(page, "pool_etl.lua");
  const more = await height(page, "timeline");
  expect(more).toBeGreaterThan(few);
  const box = (await pane(page, "timeline").boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(900);
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(900);
  // Its legend and summary are in view too.
  const summary = page.getByTestId("timeline-summary");
  const s = (await summary.boundingBox())!;
  expect(s.y + s.height).toBeLessThanOrEqual(box.y + box.height);
});

test("at 1024×768 the pool's six lanes, the legend and the summary show without scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await open(page);
  await runExample(page, "pool_etl.lua");
  const timeline = pane(page, "timeline");
  await expect.poll(() => timeline.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(0);
  const c = page.getByTestId("timeline-canvas");
  const rows = await c.evaluate((el) => el.getBoundingClientRect().height);
  expect(rows).toBeGreaterThanOrEqual(AXIS_H + 6 * ROW_H);
  await expect(page.getByTestId("timeline-summary")).toBeInViewport({ ratio: 1 });
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(768);
  expect(await height(page, "editor")).toBeGreaterThanOrEqual(192);
});

test("a second run keeps the timeline's height from its first frame on", async ({ page }) => {
  await open(page);
  await runExample(page, "pool_etl.lua");
  const first = await height(page, "timeline");
  const editorTop = (await pane(page, "editor").boundingBox())!.height;
  // Sample the pane's height on every frame of the second run.
  const lowest = page.evaluate(() => new Promise<number>((done) => {
    const el = document.querySelector(".lp-pane-timeline") as HTMLElement;
    let min = Infinity;
    const tick = () => {
      min = Math.min(min, el.getBoundingClientRect().height);
      if (document.body.dataset.runState === "running" || performance.now() < start + 300) requestAnimationFrame(tick);
      else done(min);
    };
    const start = performance.now();
    requestAnimationFrame(tick);
  }));
  await page.getByRole("button", { name: "Run", exact: true }).click();
  expect(Math.abs((await lowest) - first)).toBeLessThan(1);
  await expect(page.locator("body")).toHaveAttribute("data-run-state", "done");
  expect(Math.abs((await pane(page, "editor").boundingBox())!.height - editorTop)).toBeLessThan(1);
});

test("the toolbar does not move when the engine's load bar goes", async ({ page }) => {
  const release = await holdRoute(page, "**/luaplay.wasm");
  await page.goto("./?test");
  const run = page.getByRole("button", { name: "Run", exact: true });
  await expect(page.getByTestId("engine-load")).toBeVisible();
  const loading = (await run.boundingBox())!;
  const header = (await page.locator("header").boundingBox())!;
  release();
  await expect(page.getByTestId("engine-load")).toBeHidden({ timeout: 20_000 });
  expect(await run.boundingBox()).toEqual(loading);
  expect(await page.locator("header").boundingBox()).toEqual(header);
});

test("on a phone the panes stack in full width and the page scrolls down, not sideways", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page);
  await runExample(page, "hello.lua");
  const [editor, run, timeline] = await Promise.all(["editor", "run", "timeline"].map((n) => pane(page, n).boundingBox()));
  for (const b of [editor!, run!, timeline!]) expect(b.width).toBeGreaterThan(340);
  expect(run!.y).toBeGreaterThanOrEqual(editor!.y + editor!.height);
  expect(timeline!.y).toBeGreaterThanOrEqual(run!.y + run!.height);
  expect(editor!.height).toBeGreaterThan(844 * 0.4);
  await expect(splitter(page, "Resize the timeline")).toBeHidden();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
