// Helpers of the timeline specs: running an example or a script, finding
// the timeline's parts, and reading what the canvas publishes as data
// attributes with each frame.

import { expect, type Locator, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import type { App } from "../web/src/app";
import type { Timeline } from "../web/src/timeline/index";
import { AXIS_H, ROW_H } from "../web/src/timeline/view";
import { untilRunState } from "./pagekit";

/** settle waits for the timeline's next two frames, which draw the last events. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/** runExample loads an example from the menu, runs it and waits for the
 * end and the frames that follow. */
export async function runExample(page: Page, file: string, state = "done"): Promise<void> {
  await page.getByLabel("Examples").selectOption(file);
  await expect.poll(() => page.evaluate(() => (window as unknown as { __lp: { app: App } }).__lp.app.editor.getContent())).toContain(exampleLine(file, 1));
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await untilRunState(page, [state]);
  await settle(page);
}

/** runScript puts src in the editor, runs it and waits as runExample does. */
export async function runScript(page: Page, src: string, state = "done"): Promise<void> {
  await page.evaluate((text) => (window as unknown as { __lp: { app: App } }).__lp.app.editor.setContent(text), src);
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await untilRunState(page, [state]);
  await settle(page);
}

export function exampleLine(file: string, n: number): string {
  return readFileSync(new URL(`../web/examples/${file}`, import.meta.url), "utf8").split("\n")[n - 1];
}

export const timeline = (page: Page) => page.getByRole("region", { name: "Timeline" });
export const canvas = (page: Page) => timeline(page).getByTestId("timeline-canvas");
export const tooltip = (page: Page) => timeline(page).getByRole("tooltip");

/** count polls one of the canvas's data-* counts. */
export const count = (c: Locator, name: string) => expect.poll(async () => Number(await c.getAttribute(`data-${name}`)));

export async function range(c: Locator): Promise<[number, number]> {
  const [a, b] = (await c.getAttribute("data-range"))!.split(",").map(Number);
  return [a, b];
}

/** lanePoint is the canvas point at fraction f of the plot on row i. */
export async function lanePoint(c: Locator, row: number, f: number): Promise<{ x: number; y: number }> {
  const box = (await c.boundingBox())!;
  const labelW = Number(await c.getAttribute("data-label-width"));
  return { x: labelW + (box.width - labelW) * f, y: AXIS_H + row * ROW_H + ROW_H / 2 };
}

/** pixel reads the canvas colour at CSS point (x, y) as "r,g,b". */
export function pixel(c: Locator, x: number, y: number): Promise<string> {
  return c.evaluate((el: HTMLCanvasElement, p) => {
    const dpr = el.width / el.clientWidth;
    return [...el.getContext("2d")!.getImageData(Math.round(p.x * dpr), Math.round(p.y * dpr), 1, 1).data].slice(0, 3).join(",");
  }, { x, y });
}

/** LP is window in test mode: the page's parts (web/src/main.ts). */
export type LP = { __lp: { app: App; timeline: Timeline } };
