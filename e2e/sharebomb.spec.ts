// A shared link built to exhaust the page (a zip bomb) is refused with a
// message, and the page stays usable.

import { deflateRawSync } from "node:zlib";
import { expect, test } from "@playwright/test";
import { open } from "./open";
import { code, nextRunWorks, output } from "./script";

test("a zip-bomb link is refused with a message and the page stays usable", async ({ page }) => {
  const bomb = deflateRawSync(Buffer.alloc(64 << 20)).toString("base64url"); // 64 MiB of zeros in 87 KB of link
  const errors = await open(page, `./?test#v1.${bomb}`);
  await expect(output(page)).toContainText("Could not open the shared link: shared link is too large");
  expect(await code(page)).not.toBe("");
  const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
  expect(heap).toBeLessThan(200 << 20);
  await nextRunWorks(page);
  expect(errors).toEqual([]);
});
