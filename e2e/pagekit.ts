// Helpers the page's specs share: the editor's text, and holding a
// download back to act as a busy machine would.

import type { Page } from "@playwright/test";
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
