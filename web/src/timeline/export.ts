// Downloads from the timeline: the canvas as a PNG with its legend under
// it. (The trace export is the page's: Go's luamod.ChromeTrace through the
// bridge, via onExportTrace.)

import type { Palette } from "./colors";
import { drawLegend, layoutLegend } from "./drawlegend";
import { legendEntries } from "./legend";

/** download saves blob under name through a temporary link. */
export function download(doc: Document, blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement("a");
  a.href = url;
  a.download = name;
  a.hidden = true;
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** withLegend returns a new canvas: the timeline as drawn now, then the
 * title (the range shown) and the legend. dpr is the canvas's pixel ratio. */
export function withLegend(canvas: HTMLCanvasElement, p: Palette, title: string, dpr: number): HTMLCanvasElement {
  const out = canvas.ownerDocument.createElement("canvas");
  const ctx = out.getContext("2d");
  if (!ctx) throw new Error("the canvas could not be drawn on");
  const width = canvas.width / dpr;
  const { placed, height } = layoutLegend(ctx, legendEntries(p), width);
  out.width = canvas.width;
  out.height = canvas.height + Math.ceil(height * dpr);
  ctx.drawImage(canvas, 0, 0);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.font = "12px system-ui, sans-serif";
  drawLegend(ctx, p, title, placed, canvas.height / dpr, width, height);
  return out;
}

/** exportPNG downloads the timeline with its legend. */
export function exportPNG(canvas: HTMLCanvasElement, p: Palette, title: string, dpr: number, name = "timeline.png"): Promise<void> {
  return new Promise((resolve, reject) => {
    withLegend(canvas, p, title, dpr).toBlob((blob) => {
      if (!blob) return reject(new Error("the canvas could not be encoded as PNG"));
      download(canvas.ownerDocument, blob, name);
      resolve();
    }, "image/png");
  });
}
