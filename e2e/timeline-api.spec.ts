// What the page asks of the timeline (web/src/timeline/index.ts): marking
// it stale, an instant marker, highlighted goroutines; and a deadlock's
// wait-for chain drawn and named.

import { expect, test } from "@playwright/test";
import { open } from "./open";
import { canvas, count, lanePoint, pixel, runExample, runScript, timeline, tooltip, type LP } from "./timelinekit";

test("a stale timeline says so and its clicks leave the editor alone; the next run clears it", async ({ page }) => {
  await open(page);
  await runExample(page, "async_await.lua");
  await page.evaluate(() => (window as unknown as LP).__lp.timeline.setStale(true));
  const note = timeline(page).getByTestId("timeline-stale");
  await expect(note).toBeVisible();
  await expect(note).toContainText("previous code");
  const c = canvas(page);
  await expect(c).toHaveCSS("opacity", "0.45");
  await page.getByLabel("Lua source").click();
  await page.keyboard.press("Control+Home");
  const p = await lanePoint(c, 0, 0.5);
  await c.click({ position: p });
  await expect(c).toHaveAttribute("data-selected", "1");
  await expect(page.locator(".cm-activeLine")).toHaveText((await page.locator(".cm-line").first().innerText()));
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(note).toBeHidden();
  await expect(c).toHaveAttribute("data-stale", "false");
});

test("markInstant draws a marker at a run time and highlightGoroutines marks lanes", async ({ page }) => {
  await open(page);
  await page.getByLabel("Theme").selectOption("light");
  await runExample(page, "pool_etl.lua");
  const c = canvas(page);
  const at = await page.evaluate(() => {
    const t = (window as unknown as LP).__lp.timeline;
    const when = t.layout.end / 2;
    t.markInstant(when);
    return { when, p: t.locate(3, when)! };
  });
  await expect(c).toHaveAttribute("data-instant", String(at.when));
  await expect.poll(() => pixel(c, Math.round(at.p.x), at.p.y + 8)).toBe("0,87,217");
  await page.evaluate(() => (window as unknown as LP).__lp.timeline.markInstant(null));
  await expect(c).not.toHaveAttribute("data-instant", /./);

  const label = { x: 100, y: at.p.y };
  const plain = await pixel(c, label.x, label.y);
  await page.evaluate(() => (window as unknown as LP).__lp.timeline.highlightGoroutines([3]));
  await expect(c).toHaveAttribute("data-highlight", "3");
  await expect.poll(() => pixel(c, label.x, label.y)).not.toBe(plain);
  await page.evaluate(() => (window as unknown as LP).__lp.timeline.highlightGoroutines([]));
  await expect.poll(() => pixel(c, label.x, label.y)).toBe(plain);
});

const MUTEX_DEADLOCK = `local a, b = goroutine.mutex(), goroutine.mutex()
local wg = goroutine.wait_group()
wg:add(2)
goroutine.spawn(function() goroutine.name("left") a:lock() goroutine.sleep(5) b:lock() end)
goroutine.spawn(function() goroutine.name("right") b:lock() goroutine.sleep(5) a:lock() end)
wg:wait()
`;

test("a deadlock draws who waits on what and the summary names the cycle", async ({ page }) => {
  await open(page);
  await runScript(page, MUTEX_DEADLOCK, "failed");
  const c = canvas(page);
  await expect(c).toHaveAttribute("data-wait-edges", "2");
  const summary = timeline(page).getByTestId("timeline-summary");
  await expect(summary).toContainText("Deadlock: 3 goroutines can never wake, main among them.");
  await expect(summary).toContainText(/g1 main waits on wg \d+ \(wait group, line 6\)/);
  await expect(summary).toContainText(/g2 left waits on mutex 2 \(mutex, line 4\), held by g3 right, which waits on mutex 1 \(mutex, line 5\), held by g2 left: a cycle/);
  // The edge from g2 down to g3 starts where g2's wait began.
  const p = await page.evaluate(() => {
    const t = (window as unknown as LP).__lp.timeline;
    const spans = t.layout.lane(2)!.spans;
    const since = spans[spans.length - 1].start;
    const a = t.locate(2, since)!, b = t.locate(3, since)!;
    return { x: a.x + 3, y: (a.y + b.y) / 2 };
  });
  await c.hover({ position: p });
  await expect(tooltip(page)).toContainText("wait-for chain");
  await expect(tooltip(page)).toContainText("g2 left waits on mutex 2");
  await expect(tooltip(page)).toContainText("held by g3 right");
});

test("a leak draws its stuck goroutines' waits and the summary names them", async ({ page }) => {
  await open(page);
  await runExample(page, "leak.lua");
  const c = canvas(page);
  await count(c, "wait-edges").toBeGreaterThan(0);
  const summary = timeline(page).getByTestId("timeline-summary");
  await expect(summary).toContainText("Leak: 2 goroutines never woke.");
  await expect(summary).toContainText(/g3 mirror 2 waits on chan \d+/);
  await expect(summary).toContainText(/g4 mirror 3 waits on chan \d+/);
  const p = await page.evaluate(() => { const t = (window as unknown as LP).__lp.timeline; return t.locate(3, t.layout.end * 0.95)!; });
  await c.hover({ position: p });
  await expect(tooltip(page)).toContainText("stuck: channel send (never woke)");
});

test("a long run's end is drawn before its summary, which follows in a task of its own; a short run's comes at once", async ({ page }) => {
  await open(page);
  const seen = await page.evaluate(async () => {
    const t = (window as unknown as LP).__lp.timeline;
    const summary = t.dom.querySelector<HTMLElement>('[data-testid="timeline-summary"]')!;
    const c = t.dom.querySelector("canvas")!;
    const frame = () => new Promise((done) => requestAnimationFrame(done));
    // run ends a run of n goroutines (three events each) and tells what
    // the summary said at the end, at the frame after it and later.
    const run = async (n: number) => {
      t.reset("virtual");
      const events: Parameters<typeof t.append>[0][number][] = [{ t: 0, k: "spawn", g: 1, name: "main" }, { t: 0, k: "start", g: 1 }];
      for (let g = 2; g <= n; g++) events.push({ t: g, k: "spawn", g, o: 1, line: 2 }, { t: g + 1, k: "start", g }, { t: g + 2, k: "end", g, status: "ok" });
      events.push({ t: n + 3, k: "end", g: 1, status: "ok" });
      t.append(events);
      const running = summary.textContent;
      t.end(null);
      const atEnd = summary.textContent;
      await frame();
      const drawn = { text: summary.textContent, lanes: c.dataset.lanes, end: Number(c.dataset.range!.split(",")[1]) };
      await new Promise((done) => setTimeout(done, 50));
      return { events: events.length, running, atEnd, drawn, after: summary.textContent, spans: c.dataset.spans };
    };
    return { long: await run(8_000), short: await run(3) };
  });
  const { long, short } = seen;
  expect(long.events).toBeGreaterThan(20_000); // DEFER_SUMMARY_EVENTS
  expect(long.running).toContain("Running: no goroutine has started yet.");
  expect(long.atEnd).toBe(long.running);
  expect(long.drawn.text).toBe(long.running); // the frame showing the end came first
  expect(long.drawn.lanes).toBe("8000");
  expect(long.drawn.end).toBeGreaterThanOrEqual(8_003);
  expect(long.after).toContain("8000 goroutines over");
  expect(long.spans).toBe(String(2 + 3 * 7_999));
  expect(short.events).toBeLessThan(20_000);
  expect(short.atEnd).toContain("3 goroutines over");
  expect(short.spans).toBe("8");
});
