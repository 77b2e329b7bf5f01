// Drawing the legend on a canvas, for the exported PNG: the entries of
// legend.ts flow left to right in lines that wrap, under a title line.

import { fitText } from "./drawlabels";
import type { LegendEntry } from "./legend";
import type { Palette } from "./colors";
import { FONT, type Ctx } from "./scene";

const LINE_H = 18, PAD = 8, SWATCH_W = 16, GAP = 18;

/** Placed is an entry's text and position within the legend. */
interface Placed {
  entry: LegendEntry;
  text: string;
  x: number;
  y: number;
}

/** layoutLegend places entries in lines width pixels wide and returns
 * them with the legend's height (title line included). */
export function layoutLegend(ctx: Pick<Ctx, "measureText" | "font">, entries: readonly LegendEntry[], width: number): { placed: Placed[]; height: number } {
  ctx.font = FONT;
  const placed: Placed[] = [];
  let x = PAD, y = PAD + LINE_H;
  for (const entry of entries) {
    const full = entry.detail ? `${entry.label} (${entry.detail})` : entry.label;
    const text = fitText(ctx, full, width - 2 * PAD - SWATCH_W - 4);
    const w = SWATCH_W + 4 + ctx.measureText(text).width;
    if (x > PAD && x + w > width - PAD) {
      x = PAD;
      y += LINE_H;
    }
    placed.push({ entry, text, x, y });
    x += w + GAP;
  }
  return { placed, height: y + LINE_H + PAD };
}

/** drawLegend draws the title and the placed entries with their top at y. */
export function drawLegend(ctx: Ctx, p: Palette, title: string, placed: readonly Placed[], y: number, width: number, height: number): void {
  ctx.fillStyle = p.background;
  ctx.fillRect(0, y, width, height);
  ctx.fillStyle = p.grid;
  ctx.fillRect(0, y, width, 1);
  ctx.font = FONT;
  ctx.textBaseline = "middle";
  ctx.textAlign = "left";
  ctx.fillStyle = p.muted;
  ctx.fillText(title, PAD, y + PAD + LINE_H / 2);
  for (const e of placed) {
    const cy = y + e.y + LINE_H / 2;
    swatch(ctx, e.entry, e.x, cy);
    ctx.fillStyle = p.text;
    ctx.fillText(e.text, e.x + SWATCH_W + 4, cy);
  }
}

function swatch(ctx: Ctx, e: LegendEntry, x: number, cy: number): void {
  ctx.fillStyle = e.color;
  ctx.strokeStyle = e.color;
  switch (e.swatch) {
    case "bar": ctx.fillRect(x, cy - 5, SWATCH_W, 10); break;
    case "cap": ctx.fillRect(x + SWATCH_W / 2 - 1, cy - 6, 2, 12); break;
    case "line": ctx.fillRect(x, cy - 1, SWATCH_W, 2); break;
    case "dash": for (let i = 0; i < SWATCH_W; i += 6) ctx.fillRect(x + i, cy - 1, 3, 2); break;
    case "cross":
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.moveTo(x + 4, cy - 4);
      ctx.lineTo(x + 12, cy + 4);
      ctx.moveTo(x + 12, cy - 4);
      ctx.lineTo(x + 4, cy + 4);
      ctx.stroke();
      ctx.lineWidth = 1;
      break;
  }
}
