// The one way every spec opens the page.

import { expect, type Page } from "@playwright/test";
import type { App } from "../web/src/app";

/** open loads the page in test mode (window.__lp), collects console errors
 * for the test to check, and waits until the engine and the first script
 * are ready. */
export async function open(page: Page, path = "./?test"): Promise<string[]> {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(path);
  await page.waitForFunction(() => "__lp" in window);
  await page.evaluate(() => (window as unknown as { __lp: { app: App } }).__lp.app.ready);
  await expect(page.getByTestId("engine-load")).toBeHidden();
  return errors;
}
