// Embedded examples on a third-party page served from another origin:
// the engine loads on the first Run only, examples run at once and
// independently, Stop ends a loop, hidden set-up runs unseen, styles
// neither leak nor break, and "Open in playground" carries the code.

import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { servePlayground, serveThirdParty, type Origin } from "./thirdparty";

let site: Origin;
test.beforeAll(async ({ baseURL }) => {
  site = await serveThirdParty(baseURL!);
});
test.afterAll(async () => {
  await site.close();
});

const ENGINE = /\/(worker\.js|wasm_exec\.js|luaplay\.wasm)$/;

/** openSample loads the sample page, recording the engine's requests and
 * the page's errors. */
async function openSample(page: Page, path = "/", at: Origin = site) {
  const engine: string[] = [];
  const errors: string[] = [];
  page.on("request", (r) => {
    if (ENGINE.test(new URL(r.url()).pathname)) engine.push(r.url());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("console", (m) => {
    if (/Content.Security.Policy|Trusted Type/i.test(m.text())) errors.push(m.text());
  });
  await page.goto(at.origin + path);
  return { engine, errors };
}

const example = (page: Page, name: string | RegExp) => page.getByRole("region", { name });
const log = (page: Page, name: string | RegExp) => example(page, name).getByRole("log");

test("the examples are labelled regions with Run, Stop and a log; nothing heavy loads before Run", async ({ page }) => {
  const { engine, errors } = await openSample(page);
  await expect(page.getByRole("region")).toHaveCount(3);
  await expect(example(page, "Ticker").getByRole("button", { name: "Run", exact: true })).toBeVisible();
  await expect(example(page, "Ticker").getByRole("button", { name: "Stop", exact: true })).toBeVisible();
  await expect(example(page, "Example 3 (Lua)").getByRole("textbox")).toHaveJSProperty("readOnly", true);
  await page.waitForTimeout(500);
  expect(engine).toEqual([]);
  await example(page, "Fetch with set-up").getByRole("button", { name: "Run", exact: true }).click();
  await expect(log(page, "Fetch with set-up")).toContainText("fast answer");
  expect(engine.some((u) => u.endsWith("/luaplay.wasm"))).toBe(true);
  expect(errors).toEqual([]);
});

test("hidden set-up runs but is not shown, and error lines count shown lines", async ({ page }) => {
  await openSample(page);
  const ex = example(page, "Fetch with set-up");
  const code = ex.getByRole("textbox");
  await expect(code).not.toHaveValue(/hide|local function fetch/);
  await expect(code).toHaveValue(/^local a, b = fetch/);
  await ex.getByRole("button", { name: "Run", exact: true }).click();
  await expect(log(page, "Fetch with set-up")).toContainText("fast answer\ttrue\nslow answer\ttrue\n");
  await expect(log(page, "Fetch with set-up")).toContainText("main.lua:4: stop here");
  await expect(ex.getByRole("status")).toContainText("stop here");
});

test("three examples run at once on one engine; Stop ends the endless loop while the others finish", async ({ page }) => {
  const { engine } = await openSample(page);
  const run = (name: string | RegExp) => example(page, name).getByRole("button", { name: "Run", exact: true }).click();
  await run("Example 3 (Lua)");
  await run("Ticker");
  await run("Fetch with set-up");
  await expect(log(page, "Fetch with set-up")).toContainText("slow answer");
  await expect(log(page, "Ticker")).toContainText("tick 1");
  const loop = example(page, "Example 3 (Lua)");
  await expect(loop.getByRole("status")).toHaveText("Running…");
  await expect(log(page, "Ticker")).toContainText("tick 3\nticker done");
  const ticker = example(page, "Ticker");
  await expect(ticker.getByRole("status")).toContainText("Done");
  await loop.getByRole("button", { name: "Stop", exact: true }).click();
  await expect(loop.getByRole("status")).toHaveText("Stopped");
  // data-real-time: the ticker's sleeps took time on the wall clock.
  await expect(ticker.getByTestId("timeline-summary")).toContainText("of real time");
  // Its timeline marks itself stale once the code changes, until the next run.
  const stale = ticker.getByTestId("timeline-stale");
  await expect(stale).toBeHidden();
  await ticker.getByRole("textbox").press("ControlOrMeta+End");
  await ticker.getByRole("textbox").pressSequentially("\n-- edited");
  await expect(stale).toBeVisible();
  await expect(stale).toContainText("previous code");
  await run("Ticker");
  await expect(log(page, "Ticker")).toContainText("ticker done");
  await expect(stale).toBeHidden();
  expect(engine.filter((u) => u.endsWith("/luaplay.wasm"))).toHaveLength(1); // one engine for the page
});

test("the page's CSS does not reach the examples, and theirs does not leak; a timeline exports its trace", async ({ page }) => {
  await openSample(page);
  const ex = example(page, "Ticker");
  const runButton = ex.getByRole("button", { name: "Run", exact: true });
  await expect(runButton).toBeVisible();
  const font = await runButton.evaluate((b) => getComputedStyle(b).fontFamily);
  expect(font).not.toContain("Georgia");
  const box = await ex.getByRole("textbox").boundingBox();
  expect(box!.width).toBeGreaterThan(300);
  expect(await ex.getByRole("textbox").evaluate((t) => getComputedStyle(t).whiteSpace)).toBe("pre");
  const canary = await page.locator("#canary").evaluate((c) => getComputedStyle(c).backgroundColor);
  expect(canary).toBe("rgb(255, 255, 224)");
  expect(await page.evaluate(() => document.styleSheets.length)).toBe(1);
  await runButton.click();
  await expect(ex.locator("canvas").first()).toBeVisible();
  // Its timeline's Export trace works as the playground's does.
  await expect(ex.getByRole("status")).toContainText("Done");
  const [download] = await Promise.all([page.waitForEvent("download"), ex.getByRole("button", { name: "Export trace" }).click()]);
  const file = JSON.parse(readFileSync((await download.path())!, "utf8"));
  const threads = file.traceEvents.filter((e: { name: string; ph: string }) => e.ph === "M" && e.name === "thread_name");
  expect(threads.map((e: { args: { name: string } }) => e.args.name)).toEqual(["g1 main", "g2"]);
});

test("Open in playground carries the edited code, hidden set-up included", async ({ page, context, baseURL }) => {
  await openSample(page);
  const ex = example(page, "Fetch with set-up");
  await ex.getByRole("textbox").fill('print("edited in the embed")');
  const link = ex.getByRole("link", { name: "Open in playground" });
  await expect(link).toHaveAttribute("href", new RegExp(`^${baseURL}#v1\\.`));
  const [tab] = await Promise.all([context.waitForEvent("page"), link.click()]);
  await tab.waitForLoadState();
  // The plain text area the page opens with, or CodeMirror once it is in.
  const text = () => tab.getByLabel("Lua source").evaluate((el) => (el instanceof HTMLTextAreaElement ? el.value : el.textContent));
  await expect.poll(text).toContain('print("edited in the embed")');
  await expect.poll(text).toContain("local function fetch");
});

test("data-selector picks the examples, data-playground is where they open, data-timeout limits a run; without JavaScript the code stays readable", async ({ page, browser }) => {
  await openSample(page, "/custom-selector.html");
  await expect(page.getByRole("region")).toHaveCount(2);
  const [picked, limited] = [example(page, "Example 1 (Lua)"), example(page, "Example 2 (Lua)")];
  await expect(picked.getByRole("link", { name: "Open in playground" })).toHaveAttribute("href", /^https:\/\/play\.example\.org\/lua\/#v1\./);
  await picked.getByRole("button", { name: "Run", exact: true }).click();
  await expect(picked.getByRole("log")).toHaveText("picked by data-selector\n");
  await limited.getByRole("button", { name: "Run", exact: true }).click();
  await expect(limited.getByRole("status")).toContainText("wall time", { timeout: 5000 });
  await expect(page.locator("pre.lua-goroutine")).toBeVisible();

  const noJS = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noJS.newPage();
  await plain.goto(site.origin + "/");
  await expect(plain.locator("pre.lua-goroutine").first()).toContainText('goroutine.spawn(function()');
  await expect(plain.getByRole("button")).toHaveCount(0);
  await noJS.close();
});

test("from a host that sends only the headers the docs ask for, under the policy they describe, an example runs", async ({ page, baseURL }) => {
  const host = await servePlayground(baseURL!, true);
  const sample = await serveThirdParty(host.origin + "/");
  try {
    const { errors } = await openSample(page, "/strict.html", sample);
    const ex = example(page, "Strict");
    await ex.getByRole("button", { name: "Run", exact: true }).click();
    await expect(ex.getByRole("log")).toHaveText("through the policy\ttrue\n");
    await expect(ex.getByRole("status")).toContainText("Done");
    expect(errors).toEqual([]);
  } finally {
    await sample.close();
    await host.close();
  }
});

test("a host that sends no CORS header for the wasm: the example says the engine failed to load", async ({ page, baseURL }) => {
  const host = await servePlayground(baseURL!, false);
  const sample = await serveThirdParty(host.origin + "/");
  try {
    await openSample(page, "/strict.html", sample);
    const ex = example(page, "Strict");
    await ex.getByRole("button", { name: "Run", exact: true }).click();
    await expect(ex.getByRole("status")).toContainText(/failed/i);
    await expect(ex.getByRole("button", { name: "Run", exact: true })).toHaveAttribute("aria-disabled", "false");
  } finally {
    await sample.close();
    await host.close();
  }
});
