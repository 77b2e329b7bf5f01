// Text that a script or a shared link controls reaches the page as text:
// output, errors, goroutine names, marks, the status line, the timeline's
// tooltip, summary and table, and code opened from a link. Markup in it
// must show as typed and never become elements.

import { expect, test, type Page } from "@playwright/test";
import { open } from "./open";
import { canvas, code, ended, output, runScript, status } from "./script";
import { AXIS_H, LABEL_W, ROW_H } from "../web/src/timeline/view";

const MARKUP = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b>bold</b>`;

/** injected counts elements that markup would have made, in the document
 * and in the editor's shadow root, and whether a handler ran. */
function injected(page: Page): Promise<{ elements: number; pwned: unknown }> {
  return page.evaluate(() => {
    const roots: ParentNode[] = [document.body];
    for (const el of document.querySelectorAll("*")) if (el.shadowRoot) roots.push(el.shadowRoot);
    let elements = 0;
    for (const r of roots) elements += r.querySelectorAll("img, b, body script").length;
    return { elements, pwned: (window as unknown as { __pwned?: unknown }).__pwned };
  });
}

test("markup printed, logged, raised and used as a goroutine name shows as text", async ({ page }) => {
  const errors = await open(page);
  const src = [
    `local bad = ${JSON.stringify(MARKUP)}`,
    "print(bad)",
    "log.info(bad)",
    "goroutine.mark(bad)",
    "local ch = goroutine.channel()",
    "goroutine.spawn(function() goroutine.name(bad) ch:receive() end)",
    'goroutine.spawn(function() goroutine.name("failing " .. bad) error(bad, 0) end)',
  ].join("\n");
  await runScript(page, src);
  expect(await ended(page)).toBe("failed");
  await expect(output(page)).toContainText(`${MARKUP}\n`);
  await expect(output(page).locator(".lp-out-stderr", { hasText: MARKUP }).first()).toBeVisible();
  await expect(status(page)).toContainText(MARKUP);

  const timeline = page.getByRole("region", { name: "Timeline" });
  await expect(canvas(page)).toHaveAttribute("data-lanes", "3");
  await expect(timeline).toContainText(MARKUP); // the summary names the stuck goroutine
  await timeline.getByRole("button", { name: "Show table" }).click();
  await expect(timeline.getByRole("table")).toContainText(`failing ${MARKUP}`);
  const box = (await canvas(page).boundingBox())!;
  const tips: string[] = [];
  for (const row of [1, 2]) {
    await canvas(page).hover({ position: { x: LABEL_W + (box.width - LABEL_W) * 0.9, y: AXIS_H + row * ROW_H + ROW_H / 2 } });
    await expect(timeline.getByRole("tooltip")).toBeVisible();
    tips.push((await timeline.getByRole("tooltip").textContent()) ?? "");
  }
  expect(tips.join("\n")).toContain(MARKUP);

  expect(await code(page)).toBe(src);
  expect(await injected(page)).toEqual({ elements: 0, pwned: undefined });
  expect(errors).toEqual([]);
});

test("a shared link carrying markup opens as code, and a damaged one as a message", async ({ page, browser }) => {
  await open(page);
  const src = `-- ${MARKUP}\nprint(${JSON.stringify(MARKUP)})\n`;
  await page.evaluate((t) => (window as unknown as { __lp: import("./script").Test }).__lp.app.editor.setContent(t), src);
  await page.getByRole("button", { name: "Share" }).click();
  await expect(page).toHaveURL(/#v1\./);
  const link = page.url().replace(/^[^?]*\?test/, "./?test");

  const other = await browser.newContext();
  const fresh = await other.newPage();
  const errors = await open(fresh, link);
  expect(await code(fresh)).toBe(src);
  await fresh.getByRole("button", { name: "Run", exact: true }).click();
  expect(await ended(fresh)).toBe("done");
  await expect(output(fresh)).toContainText(MARKUP);
  expect(await injected(fresh)).toEqual({ elements: 0, pwned: undefined });

  await fresh.goto(`./?test#v2.${encodeURIComponent(MARKUP)}`);
  await fresh.waitForFunction(() => "__lp" in window);
  await expect(output(fresh)).toContainText("Could not open the shared link: shared link version 2 is not supported");
  await fresh.goto(`./?test#v1.${MARKUP}`);
  await fresh.waitForFunction(() => "__lp" in window);
  await expect(output(fresh)).toContainText("Could not open the shared link: shared link is damaged");
  expect(await injected(fresh)).toEqual({ elements: 0, pwned: undefined });
  expect(errors).toEqual([]);
  await other.close();
});
