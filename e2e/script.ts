// Running a script through the page as a user does, for the specs of
// limits, crashes and text-only output.

import { expect, type Page } from "@playwright/test";
import type { App } from "../web/src/app";
import type { RunOptions } from "../web/src/protocol";
import type { Runner } from "../web/src/runner";
import { untilRunState } from "./pagekit";

/** Test is what web/src/main.ts exposes as window.__lp with ?test. */
export interface Test {
  app: App;
  runner: Runner;
}

export const output = (page: Page) => page.getByRole("log", { name: "Output" });
export const status = (page: Page) => page.getByRole("status");
export const canvas = (page: Page) => page.getByRole("region", { name: "Timeline" }).getByTestId("timeline-canvas");

export { code } from "./pagekit";

/** runScript puts src in the editor and presses Run; options are merged
 * into the run's (the runner's test hook), for limits the page never sets. */
export async function runScript(page: Page, src: string, options: RunOptions = {}): Promise<void> {
  await page.evaluate(([t, o]) => {
    const lp = (window as unknown as { __lp: Test }).__lp;
    lp.app.editor.setContent(t);
    lp.runner.overrideNextRun(o);
  }, [src, options] as const);
  await page.getByRole("button", { name: "Run", exact: true }).click();
}

/** ended waits for the run to end and returns the page's run state. */
export function ended(page: Page, timeout = 20_000): Promise<string | null> {
  return untilRunState(page, ["done", "failed"], timeout);
}

/** workerGeneration counts the engine's workers started so far. */
export function workerGeneration(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __lp: Test }).__lp.runner.workerGeneration);
}

/** nextRunWorks runs a small script and checks that it ran fresh. */
export async function nextRunWorks(page: Page): Promise<void> {
  await runScript(page, 'goroutine.spawn(function() print("next run", goroutine.id()) end)');
  expect(await ended(page)).toBe("done");
  await expect(output(page)).toHaveText("next run\t2\n");
  await expect(canvas(page)).toHaveAttribute("data-lanes", "2");
}
