// The Content-Security-Policy: every HTML page the build writes carries the
// site's policy in its <head>, the policy is strict, and the page does
// everything a user does under it without one violation.

import { readdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { open, watchPage } from "./open";

/** policyOf parses a policy into directive → sources. */
function policyOf(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of text.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), sources);
  }
  return out;
}

/** builtPages lists the HTML files under dist/, which the web server built. */
function builtPages(): string[] {
  const files = readdirSync("dist", { recursive: true, encoding: "utf8" });
  return files.filter((f) => f.toLowerCase().endsWith(".html")).map((f) => f.split("\\").join("/")).sort();
}

/** headProblems reads the page's policy tag and lists what would weaken it. */
function headProblems(page: Page): Promise<{ policy: string | null; problems: string[] }> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const meta = document.querySelector<HTMLMetaElement>('meta[http-equiv="Content-Security-Policy" i]');
    if (meta && meta.parentElement !== document.head) problems.push("the policy tag is not in <head>");
    for (const el of document.querySelectorAll("script, link, style, meta[http-equiv]")) {
      if (meta && el !== meta && meta.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING) {
        problems.push(`<${el.localName}> comes before the policy tag`);
      }
    }
    for (const s of document.querySelectorAll("script")) {
      if (!s.src && !/json/i.test(s.type)) problems.push("an inline <script>");
    }
    if (document.querySelector("style")) problems.push("a <style> element");
    for (const el of document.querySelectorAll("*")) {
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) problems.push(`<${el.localName} ${a.name}>`);
        if (/^\s*javascript:/i.test(a.value)) problems.push(`<${el.localName} ${a.name}="javascript:…">`);
      }
    }
    return { policy: meta?.content ?? null, problems };
  });
}

test("the site's policy is strict", async ({ page }) => {
  await page.goto("./");
  const { policy } = await headProblems(page);
  expect(policy, "index.html has no policy tag").not.toBeNull();
  const p = policyOf(policy!);
  expect(p.get("default-src")).toEqual(["'none'"]);
  const scripts = p.get("script-src") ?? [];
  expect(scripts).toContain("'self'");
  expect(scripts).toContain("'wasm-unsafe-eval'");
  for (const weak of ["'unsafe-inline'", "'unsafe-eval'", "*", "data:", "blob:", "http:", "https:"]) {
    expect(scripts, `script-src allows ${weak}`).not.toContain(weak);
  }
  expect(p.get("style-src")).toEqual(["'self'"]);
  expect(p.get("worker-src")).toEqual(["'self'"]);
  expect(p.get("object-src")).toEqual(["'none'"]);
  expect(p.get("base-uri")).toEqual(["'none'"]);
  expect(p.get("require-trusted-types-for")).toEqual(["'script'"]);
});

test("every page the build writes carries the policy and loads without a violation", async ({ page }) => {
  test.setTimeout(60_000);
  const pages = builtPages();
  expect(pages).toContain("index.html");
  const errors = await watchPage(page);
  await page.goto("./");
  const want = (await headProblems(page)).policy;
  for (const file of pages) {
    await page.goto(`./${file}`);
    await page.waitForLoadState("networkidle");
    const { policy, problems } = await headProblems(page);
    expect.soft(policy, `${file} carries the site's policy`).toBe(want);
    expect.soft(problems, `${file} has nothing the policy would block`).toEqual([]);
  }
  expect(errors).toEqual([]);
});

// (eval is not tried here: the DevTools protocol that runs this test's code
// in the page may always eval; the policy test checks script-src instead.)
test("markup sinks and foreign workers are refused", async ({ page }) => {
  const errors = await open(page);
  const refused = await page.evaluate(() => {
    const tries: Record<string, () => unknown> = {
      innerHTML: () => (document.createElement("div").innerHTML = "<img src=x>"),
      insertAdjacentHTML: () => document.body.insertAdjacentHTML("beforeend", "<b>x</b>"),
      "a worker from elsewhere": () => new Worker("https://example.com/w.js"),
    };
    const out: Record<string, boolean> = {};
    for (const [name, f] of Object.entries(tries)) {
      try {
        f();
        out[name] = false;
      } catch {
        out[name] = true;
      }
    }
    return out;
  });
  expect(refused).toEqual({ innerHTML: true, insertAdjacentHTML: true, "a worker from elsewhere": true });
  // Each refusal is a reported violation: the page itself caused none.
  expect(errors.filter((e) => !/TrustedHTML|TrustedScriptURL|trusted-types/i.test(e))).toEqual([]);
});

test("a whole session raises no violation: run, hover, complete, share, export, theme, stop", async ({ page }) => {
  test.setTimeout(60_000);
  const errors = await open(page);
  const timeline = page.getByRole("region", { name: "Timeline" });
  await page.getByLabel("Examples").selectOption("pool_etl.lua");
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.locator("body")).toHaveAttribute("data-run-state", "done");
  const canvas = timeline.getByTestId("timeline-canvas");
  await canvas.hover({ position: { x: 300, y: 40 } });
  await timeline.getByRole("button", { name: "Show table" }).click();

  const editor = page.getByLabel("Lua source");
  await editor.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type("\ngoroutine.sp");
  await expect(page.getByRole("listbox")).toBeVisible();
  await page.keyboard.press("Escape");
  await page.getByText("goroutine.sp").hover();

  await page.getByRole("button", { name: "Share" }).click();
  await expect(page).toHaveURL(/#v1\./);
  for (const name of ["Export trace", "Export PNG"]) {
    const [download] = await Promise.all([page.waitForEvent("download"), timeline.getByRole("button", { name }).click()]);
    expect(await download.failure()).toBeNull();
  }
  for (const theme of ["dark", "light", "system"]) await page.getByLabel("Theme").selectOption(theme);

  await editor.click();
  await page.keyboard.press("Control+a");
  await page.keyboard.type('print("typed over highlighted code")\nwhile true do end');
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.getByRole("log", { name: "Output" })).toContainText("typed over highlighted code");
  await page.getByRole("button", { name: "Stop" }).click();
  await expect(page.getByRole("status")).toHaveText("Stopped");
  expect(errors).toEqual([]);
});
