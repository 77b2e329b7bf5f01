// The docs site: every example on every page runs in the browser, under
// the pages' Content-Security-Policy, and prints exactly the output written
// under it (docsite's Go test checks the same natively); a page loads no
// engine until a Run.

import { expect, test, type Page } from "@playwright/test";
import { watchPage } from "./open";

/** pages lists the docs pages from the navigation of the first one. */
async function pages(page: Page): Promise<string[]> {
  await page.goto("docs/index.html");
  return page.getByRole("navigation", { name: "Documentation" }).getByRole("link").evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
}

test("a docs page fetches no engine before its first Run", async ({ page }) => {
  const engine: string[] = [];
  page.on("request", (r) => {
    if (/\/(worker\.js|wasm_exec\.js|luaplay\.wasm)$/.test(r.url())) engine.push(r.url());
  });
  await page.goto("docs/channels.html");
  await expect(page.getByRole("region").first()).toBeVisible();
  await page.waitForTimeout(300);
  expect(engine).toEqual([]);
});

test("every docs example prints the output written under it", async ({ page }) => {
  test.setTimeout(120_000);
  const errors = await watchPage(page); // console errors and CSP violations
  const urls = await pages(page);
  expect(urls.length).toBeGreaterThanOrEqual(13);
  let total = 0;
  for (const url of urls) {
    await page.goto(url);
    const examples = page.locator("lp-example");
    const expected = await page.locator(".docs-output-text").allTextContents();
    await expect(examples).toHaveCount(expected.length);
    const n = expected.length;
    if (n === 0) continue;
    await expect(page.getByRole("region")).toHaveCount(n);
    // Every example of the page at once: they share the engine and run independently.
    // (The clicks go through the DOM: a hundred pointer clicks would only add time.)
    await examples.first().getByRole("button", { name: "Run", exact: true }).click();
    await page.evaluate(() => {
      for (const host of [...document.querySelectorAll("lp-example")].slice(1)) host.shadowRoot!.querySelector<HTMLButtonElement>(".lpe-run")!.click();
    });
    const outputs = await page.waitForFunction(() => {
      const roots = [...document.querySelectorAll("lp-example")].map((h) => h.shadowRoot!);
      if (roots.some((r) => r.querySelector("section")?.dataset.state !== "idle")) return null;
      return roots.map((r) => r.querySelector(".lp-output-text")?.textContent ?? "");
    }, undefined, { timeout: 30_000 });
    expect(await outputs.jsonValue(), url).toEqual(expected);
    total += n;
  }
  expect(total).toBeGreaterThan(100);
  expect(errors).toEqual([]);
});
