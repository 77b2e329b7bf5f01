// Lanes as a user meets them: groups that collapse (by pointer and by
// keyboard), 200 goroutines in a dozen rows, the lane filter, arrows with
// tooltips that hover bold and click, lanes that stop where their
// goroutine ended, and a phone's narrow screen.

import { expect, test, type Locator } from "@playwright/test";
import { open } from "./open";
import { canvas, exampleLine, lanePoint, pixel, runExample, runScript, timeline, tooltip, type LP } from "./timelinekit";
import { AXIS_H, ROW_H } from "../web/src/timeline/view";

test("spawn_many's hundred goroutines are one group that opens and closes", async ({ page }) => {
  await open(page);
  await runExample(page, "spawn_many.lua");
  const c = canvas(page);
  await expect(c).toHaveAttribute("data-lanes", "101");
  await expect(c).toHaveAttribute("data-rows", "2");
  const toggle = timeline(page).getByRole("button", { name: /spawned at line \d+ \(100\)/ });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  // The collapsed row tells what its goroutines do at the pointer.
  await c.hover({ position: await lanePoint(c, 1, 0.5) });
  await expect(tooltip(page)).toContainText("(100 goroutines)");
  // A click on the group's name opens it.
  await c.click({ position: { x: 30, y: AXIS_H + ROW_H * 1.5 } });
  await expect(c).toHaveAttribute("data-rows", "102");
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  // And the keyboard closes it.
  await toggle.focus();
  await page.keyboard.press("Enter");
  await expect(c).toHaveAttribute("data-rows", "2");
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(toggle).toBeFocused();
});

// TWO_HUNDRED runs 200 goroutines: main, a pool of 8 workers, 100 named
// "fetch N" and 91 from one spawn line.
const TWO_HUNDRED = `goroutine.pool_create("io", { workers = 8 })
for i = 1, 40 do goroutine.pool_submit("io", function() goroutine.sleep(i % 7) end) end
local wg = goroutine.wait_group()
wg:add(191)
for i = 1, 100 do goroutine.spawn(function() goroutine.name("fetch " .. i) goroutine.sleep(i % 11) wg:done() end) end
for i = 1, 91 do goroutine.spawn(function() goroutine.sleep(i % 5) wg:done() end) end
goroutine.pool_wait("io")
wg:wait()
goroutine.pool_close("io")
`;

test("200 goroutines read as a dozen rows in groups, and the filter finds one inside a closed group", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await open(page);
  await runScript(page, TWO_HUNDRED);
  const c = canvas(page);
  await expect(c).toHaveAttribute("data-lanes", "200");
  // main, the pool's heading and its 8 workers, two closed groups.
  await expect(c).toHaveAttribute("data-rows", "12");
  await expect(timeline(page).getByRole("button", { name: "fetch … (100)" })).toHaveAttribute("aria-expanded", "false");
  await expect(timeline(page).getByRole("button", { name: /spawned at line \d+ \(91\)/ })).toHaveAttribute("aria-expanded", "false");
  const filter = timeline(page).getByRole("searchbox", { name: "Filter lanes" });
  await filter.fill("fetch 57");
  await expect(c).toHaveAttribute("data-rows", "2");
  await c.hover({ position: { x: 20, y: AXIS_H + ROW_H * 1.5 } });
  await expect(tooltip(page)).toContainText("fetch 57");
  await filter.fill("g150");
  await expect(c).toHaveAttribute("data-rows", "2");
  await filter.fill("");
  await expect(c).toHaveAttribute("data-rows", "12");
  await timeline(page).getByRole("button", { name: "Expand all" }).click();
  await expect(c).toHaveAttribute("data-rows", "203");
  await timeline(page).getByRole("button", { name: "Collapse all" }).click();
  await expect(c).toHaveAttribute("data-rows", "4");
});

test("the filter keeps the lanes whose id, name or group match; / goes to it", async ({ page }) => {
  await open(page);
  await runExample(page, "pool_etl.lua");
  const c = canvas(page);
  await expect(c).toHaveAttribute("data-rows", "6");
  await c.focus();
  await page.keyboard.press("/");
  const filter = timeline(page).getByRole("searchbox", { name: "Filter lanes" });
  await expect(filter).toBeFocused();
  await page.keyboard.type("worker 3");
  await expect(c).toHaveAttribute("data-rows", "2");
  await filter.fill("g1, g5");
  await expect(c).toHaveAttribute("data-rows", "3");
  await filter.fill("etl");
  await expect(c).toHaveAttribute("data-rows", "5");
  await filter.fill("");
  await expect(c).toHaveAttribute("data-rows", "6");
});

test("hovering a channel handoff names the channel, sender and receiver; a spawn arrow says who and where", async ({ page }) => {
  await open(page);
  await page.getByLabel("Theme").selectOption("light");
  await runExample(page, "channels.lua");
  const c = canvas(page);
  const points = await page.evaluate(() => {
    const t = (window as unknown as LP).__lp.timeline;
    const pick = (kind: string) => {
      const a = t.layout.arrows.find((x) => x.kind === kind && x.toT - x.fromT > 0 && x.from !== x.to) ?? t.layout.arrows.find((x) => x.kind === kind)!;
      const p = t.locate(a.from, a.fromT)!, q = t.locate(a.to, a.toT)!;
      return { x: (p.x + q.x) / 2, y: (p.y + q.y) / 2, from: a.from, to: a.to, obj: a.detail, line: a.line };
    };
    return { chan: pick("chan"), spawn: pick("spawn") };
  });
  const magenta = [176, 18, 143];
  const thin = await ink(c, points.chan, magenta);
  await c.hover({ position: { x: points.chan.x, y: points.chan.y } });
  const tip = tooltip(page);
  await expect(tip).toContainText(`channel handoff on ${points.chan.obj}`);
  await expect(tip).toContainText(new RegExp(`sent by g${points.chan.from}\\b`));
  await expect(tip).toContainText(new RegExp(`received by g${points.chan.to}\\b`));
  // The arrow under the pointer is drawn bold; a click selects its receiver.
  await expect.poll(() => ink(c, points.chan, magenta)).toBeGreaterThan(thin * 1.5);
  await c.click({ position: { x: points.chan.x, y: points.chan.y } });
  await expect(c).toHaveAttribute("data-selected", String(points.chan.to));
  await c.hover({ position: { x: points.spawn.x, y: points.spawn.y } });
  await expect(tip).toContainText(new RegExp(`g${points.spawn.from} main spawned g${points.spawn.to}\\b`));
  await expect(tip).toContainText(`line ${points.spawn.line}`);
  await c.click({ position: { x: points.spawn.x, y: points.spawn.y } });
  await expect(c).toHaveAttribute("data-selected", String(points.spawn.to));
  await expect(page.locator(".cm-activeLine")).toHaveText(exampleLine("channels.lua", points.spawn.line));
});

/** ink counts the pixels of colour rgb (or close) within 8 px of p. */
function ink(c: Locator, p: { x: number; y: number }, rgb: number[]): Promise<number> {
  return c.evaluate((el: HTMLCanvasElement, a) => {
    const dpr = el.width / el.clientWidth, r = Math.round(8 * dpr);
    const d = el.getContext("2d")!.getImageData(Math.round(a.x * dpr) - r, Math.round(a.y * dpr) - r, 2 * r, 2 * r).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (Math.abs(d[i] - a.rgb[0]) + Math.abs(d[i + 1] - a.rgb[1]) + Math.abs(d[i + 2] - a.rgb[2]) < 60) n++;
    }
    return n;
  }, { x: p.x, y: p.y, rgb });
}

test("a goroutine's lane stops where it ended", async ({ page }) => {
  await open(page);
  await runExample(page, "pool_etl.lua");
  const c = canvas(page);
  const end = await page.evaluate(() => {
    const t = (window as unknown as LP).__lp.timeline;
    const lane = t.layout.lane(3)!;
    return { ended: lane.spans[lane.spans.length - 1].start, run: t.layout.end, at: t.locate(3, lane.spans[lane.spans.length - 1].start)! };
  });
  expect(end.ended).toBeLessThan(end.run * 0.9);
  const box = (await c.boundingBox())!;
  // Past its end, g3's row is empty: no tooltip, and no bar in the pixels.
  await c.hover({ position: { x: (end.at.x + box.width) / 2, y: end.at.y } });
  await expect(tooltip(page)).toBeHidden();
  const painted = { before: await pixel(c, end.at.x - 6, end.at.y), after: await pixel(c, (end.at.x + box.width) / 2, end.at.y) };
  expect(painted.before).not.toBe(painted.after);
  await c.hover({ position: { x: end.at.x + 1, y: end.at.y } });
  await expect(tooltip(page)).toContainText("ended");
});

test("on a phone the labels shrink to ids, the plot keeps the width and the legend folds", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page);
  await runExample(page, "pool_etl.lua");
  const c = canvas(page);
  await expect(c).toHaveAttribute("data-label-width", "50");
  const box = (await c.boundingBox())!;
  expect((box.width - 50) / box.width).toBeGreaterThan(0.8);
  const legend = timeline(page).locator("details", { has: page.getByText("Legend", { exact: true }) });
  await expect(legend).not.toHaveAttribute("open", "");
  const legendBox = (await legend.boundingBox())!;
  expect(legendBox.height).toBeLessThan(box.height);
  await legend.getByText("Legend", { exact: true }).click();
  await expect(timeline(page).getByRole("list", { name: "Timeline legend" })).toBeVisible();
  // The full label is a hover away.
  await c.hover({ position: { x: 20, y: AXIS_H + ROW_H * 2.5 } });
  await expect(tooltip(page)).toContainText("g2 etl worker 1");
});
