// Reading a PNG (a screenshot or a download) in the page, where an image
// decoder is at hand.

import type { Page } from "@playwright/test";

/** pngColours decodes png in the page and returns the colours (0xRRGGBB)
 * of its rows from top down, and their mean luminance. */
export function pngColours(page: Page, png: Buffer, top = 0): Promise<{ colours: number[]; luminance: number }> {
  return page.evaluate(async ({ b64, top }) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement("canvas");
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext("2d")!;
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, top, c.width, c.height - top).data;
    const seen = new Set<number>();
    let lum = 0;
    for (let i = 0; i < d.length; i += 4) {
      seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
      lum += 0.2126 * d[i] + 0.7152 * d[i + 1] + 0.0722 * d[i + 2];
    }
    return { colours: [...seen], luminance: lum / (d.length / 4) };
  }, { b64: png.toString("base64"), top });
}
