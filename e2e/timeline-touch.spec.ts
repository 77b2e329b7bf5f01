// On a touch screen: a vertical swipe over the timeline scrolls the page
// (it is not swallowed), and a pinch zooms the timeline. Touches are sent
// through the DevTools protocol, as a phone's would arrive.

import { expect, test, type Page } from "@playwright/test";
import { open } from "./open";
import { canvas, range, runExample, timeline } from "./timelinekit";

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

type Point = { x: number; y: number };

/** gesture moves fingers from their start points to their end points in steps. */
async function gesture(page: Page, from: Point[], to: Point[], steps = 8): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const at = (f: number) => from.map((p, i) => ({ x: p.x + (to[i].x - p.x) * f, y: p.y + (to[i].y - p.y) * f, id: i }));
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: at(0) });
  for (let s = 1; s <= steps; s++) {
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: at(s / steps) });
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await cdp.detach();
}

test("a swipe over the timeline scrolls the page and a pinch zooms it", async ({ page }) => {
  await open(page);
  await runExample(page, "pool_etl.lua");
  await expect(timeline(page).getByTestId("timeline-hint")).toContainText("Pinch to zoom");
  const c = canvas(page);
  await c.scrollIntoViewIfNeeded();
  const before = await range(c);
  const y0 = await page.evaluate(() => window.scrollY);
  expect(y0).toBeGreaterThan(100);
  const box = (await c.boundingBox())!;
  const mid = { x: box.x + box.width * 0.6, y: box.y + box.height * 0.5 };
  await gesture(page, [mid], [{ x: mid.x, y: mid.y + 150 }]);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeLessThan(y0 - 50);
  expect(await range(c)).toEqual(before);

  await c.scrollIntoViewIfNeeded();
  const b = (await c.boundingBox())!;
  const cy = b.y + b.height / 2, cx = b.x + b.width * 0.6;
  await gesture(page, [{ x: cx - 20, y: cy }, { x: cx + 20, y: cy }], [{ x: cx - 100, y: cy }, { x: cx + 100, y: cy }]);
  await expect.poll(async () => { const [a, z] = await range(c); return z - a; }).toBeLessThan((before[1] - before[0]) * 0.5);
});
