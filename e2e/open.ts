// The one way every spec opens the page.

import { expect, type Page } from "@playwright/test";
import type { App } from "../web/src/app";

const watched = new WeakMap<Page, string[]>();

/** watchPage collects the page's console errors, uncaught exceptions and
 * Content-Security-Policy violations (the browser logs most violations as
 * console errors; the event catches every one) for the test to check. */
export async function watchPage(page: Page): Promise<string[]> {
  const seen = watched.get(page);
  if (seen) return seen;
  const errors: string[] = [];
  watched.set(page, errors);
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  await page.exposeFunction("__lpViolation", (text: string) => errors.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const report = (window as unknown as { __lpViolation(text: string): void }).__lpViolation;
      report(`CSP violation: ${e.effectiveDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
    });
  });
  return errors;
}

/** open loads the page in test mode (window.__lp), collects console errors
 * and CSP violations for the test to check, and waits until the engine and
 * the first script are ready. */
export async function open(page: Page, path = "./?test"): Promise<string[]> {
  const errors = await watchPage(page);
  await page.goto(path);
  await page.waitForFunction(() => "__lp" in window);
  await page.evaluate(() => (window as unknown as { __lp: { app: App } }).__lp.app.ready);
  await expect(page.getByTestId("engine-load")).toBeHidden();
  return errors;
}
