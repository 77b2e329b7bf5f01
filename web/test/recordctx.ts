// A canvas context for tests that records what is drawn: rectangles with
// their colour, text with its place, and stroked lines.

import type { Ctx } from "../src/timeline/scene";

export interface Drawn {
  rects: { x: number; y: number; w: number; h: number; color: string }[];
  texts: { text: string; x: number; y: number; align: string; color: string }[];
  lines: { x0: number; y0: number; x1: number; y1: number; color: string; dash: number[] }[];
}

/** CHAR_W is the width the recording context gives each character. */
export const CHAR_W = 6;

/** recordCtx returns a Ctx and what it has drawn so far. */
export function recordCtx(): { ctx: Ctx; drawn: Drawn } {
  const drawn: Drawn = { rects: [], texts: [], lines: [] };
  let at = { x: 0, y: 0 }, dash: number[] = [];
  const ctx = {
    fillStyle: "", strokeStyle: "", lineWidth: 1, font: "", textBaseline: "alphabetic", textAlign: "left",
    fillRect(x: number, y: number, w: number, h: number) { drawn.rects.push({ x, y, w, h, color: String(ctx.fillStyle) }); },
    fillText(text: string, x: number, y: number) { drawn.texts.push({ text, x, y, align: ctx.textAlign, color: String(ctx.fillStyle) }); },
    measureText: (text: string) => ({ width: text.length * CHAR_W }) as TextMetrics,
    moveTo(x: number, y: number) { at = { x, y }; },
    lineTo(x: number, y: number) {
      drawn.lines.push({ x0: at.x, y0: at.y, x1: x, y1: y, color: String(ctx.strokeStyle), dash });
      at = { x, y };
    },
    setLineDash(d: number[]) { dash = d; },
  } as unknown as Ctx;
  for (const name of ["strokeRect", "beginPath", "closePath", "stroke", "fill", "save", "restore", "rect", "clip", "setTransform", "arc"]) {
    (ctx as unknown as Record<string, () => void>)[name] = () => {};
  }
  return { ctx, drawn };
}
