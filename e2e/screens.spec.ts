// The page at three sizes in both themes, after a run: no label is clipped
// (each text fits its box and every box it sits in), nothing runs off the
// side, and at 1440×900 the whole timeline is on screen without scrolling.
// The screenshots are attached to the report.

import { expect, test, type Page } from "@playwright/test";
import { open } from "./open";
import { runExample } from "./pagekit";

const sizes = [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
  { width: 390, height: 844 },
];

/** clipped lists the texts of the page's chrome that do not fit: a text
 * node wider than its element or than an ancestor that hides overflow, or
 * a select whose chosen option is wider than the select. The editor's and
 * the output's text scroll, so they are left out. */
function clipped(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const ctx = document.createElement("canvas").getContext("2d")!;
    const skip = (el: Element) => el.closest(".cm-editor, .lp-plain, .lp-output-text, [hidden], dialog:not([open])");
    const visible = (el: Element) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
    const clippers = (el: Element) => {
      const list: Element[] = [];
      for (let a: Element | null = el; a && a !== document.body; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== "visible") list.push(a);
      }
      return list;
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent!.trim();
      const el = n.parentElement!;
      if (!text || skip(el) || !visible(el) || el.tagName === "OPTION" || el.tagName === "SCRIPT") continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const r = range.getBoundingClientRect();
      if (r.width === 0) continue;
      for (const box of [el, ...clippers(el)]) {
        const b = box.getBoundingClientRect();
        if (r.left < b.left - 1 || r.right > b.right + 1) {
          out.push(`"${text}" in <${el.tagName.toLowerCase()} class="${el.className}">: ${Math.round(r.width)} px, box ${Math.round(b.width)} px`);
          break;
        }
      }
    }
    for (const s of document.querySelectorAll("select")) {
      if (skip(s) || !visible(s)) continue;
      const st = getComputedStyle(s);
      ctx.font = st.font;
      const need = ctx.measureText(s.selectedOptions[0]?.textContent ?? "").width + parseFloat(st.paddingLeft) + 20;
      if (need > s.clientWidth + 1) out.push(`select ${s.getAttribute("aria-label")}: "${s.selectedOptions[0]?.textContent}" needs ${Math.round(need)} px, has ${s.clientWidth}`);
    }
    for (const i of document.querySelectorAll<HTMLInputElement>("input[type=number], input[type=text], input:not([type])")) {
      if (skip(i) || !visible(i) || !i.value) continue;
      const st = getComputedStyle(i);
      ctx.font = st.font;
      const need = ctx.measureText(i.value).width + parseFloat(st.paddingLeft) + parseFloat(st.paddingRight) + (i.type === "number" ? 18 : 0);
      if (need > i.clientWidth + 1) out.push(`input ${i.id || i.getAttribute("aria-label")}: "${i.value}" needs ${Math.round(need)} px, has ${i.clientWidth}`);
    }
    const wide = document.documentElement.scrollWidth - document.documentElement.clientWidth;
    if (wide > 0) out.push(`the page is ${wide} px wider than the window`);
    return out;
  });
}

for (const size of sizes) {
  for (const theme of ["light", "dark"] as const) {
    test(`${size.width}×${size.height} ${theme}: no clipped label${size.width === 1440 ? ", the timeline on screen" : ""}`, async ({ page }, info) => {
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme: theme });
      const errors = await open(page);
      await runExample(page, "pool_etl.lua");
      const name = `page-${size.width}x${size.height}-${theme}.png`;
      await page.screenshot({ fullPage: true, path: info.outputPath(name) });
      await info.attach(name, { path: info.outputPath(name), contentType: "image/png" });
      expect(await clipped(page)).toEqual([]);
      if (size.width === 1440) {
        const pane = (await page.getByRole("region", { name: "Timeline" }).boundingBox())!;
        expect(pane.y + pane.height).toBeLessThanOrEqual(size.height);
        expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(size.height);
        await expect(page.getByTestId("timeline-summary")).toBeInViewport({ ratio: 1 });
        const canvas = (await page.getByTestId("timeline-canvas").boundingBox())!;
        expect(canvas.y >= 0 && canvas.y + canvas.height <= size.height).toBe(true);
      }
      expect(errors).toEqual([]);
    });
  }
}
