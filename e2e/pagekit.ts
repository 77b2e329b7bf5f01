// Helpers the page's specs share: the editor's text, cursor and error
// mark, filling it, holding a download back to act as a busy machine
// would, and running an example.

import { readFileSync } from "node:fs";
import { expect, type Page } from "@playwright/test";
import type { App } from "../web/src/app";

/** code is the editor's text. */
export function code(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as { __lp: { app: App } }).__lp.app.editor.getContent());
}

/** holdRoute holds every request matching url until the returned release is called. */
export async function holdRoute(page: Page, url: string | RegExp): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.route(url, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** untilRunState waits until the page's run state is one of states and
 * returns it. It waits with locator.waitFor, not with expect: at every
 * poll that does not match yet, Playwright's expect builds an accessibility
 * snapshot of the element for its failure message (of the page, for
 * body), which, while a run floods the output, took a third of the page's
 * CPU and doubled the run's time; under load such a run met its 10 s wall
 * limit. */
/** fillSource types src over the editor's text as Playwright's fill does,
 * once CodeMirror has taken the plain text area's place: fill focuses,
 * selects and types in separate steps, and a hand-over between two of
 * them (CodeMirror loads after a run's first output) typed src after the
 * old text instead of over it. Focusing the editor loads CodeMirror. */
export async function fillSource(page: Page, src: string): Promise<void> {
  const source = page.getByLabel("Lua source");
  await source.focus();
  await expect(page.locator(".cm-content")).toBeVisible();
  await source.fill(src);
}

export async function untilRunState(page: Page, states = ["done", "failed"], timeout = 20_000): Promise<string | null> {
  await page.locator(states.map((s) => `body[data-run-state="${s}"]`).join(", ")).waitFor({ timeout });
  return page.locator("body").getAttribute("data-run-state");
}

/** runExample picks an example, waits until the editor holds it, runs it
 * and waits for the end and for the timeline pane to settle at its height. */
export async function runExample(page: Page, file: string): Promise<void> {
  await page.getByLabel("Examples").selectOption(file);
  await expect.poll(() => code(page)).toBe(readFileSync(`web/examples/${file}`, "utf8"));
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await untilRunState(page);
  // The pane holds its height until the timeline has drawn the run's end.
  await expect.poll(() => page.locator(".lp-pane-timeline").evaluate((el: HTMLElement) => el.style.minHeight)).toBe("");
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/** cursorLine is the line (1-based) of CodeMirror's cursor, once it is in. */
export function cursorLine(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const editor = (window as unknown as { __lp: { app: App } }).__lp.app.editor;
    await editor.load();
    const v = editor.view!;
    return v.state.doc.lineAt(v.state.selection.main.head).number;
  });
}

/** markedLine is the line (1-based) the lint gutter's error marker is on. */
export function markedLine(page: Page): Promise<number> {
  return page.evaluate(() => {
    const v = (window as unknown as { __lp: { app: App } }).__lp.app.editor.view!;
    const marker = v.dom.querySelector(".cm-gutter-lint .cm-gutterElement:has(.cm-lint-marker-error)")!;
    return v.state.doc.lineAt(v.lineBlockAtHeight(marker.getBoundingClientRect().top - v.documentTop + 1).from).number;
  });
}
