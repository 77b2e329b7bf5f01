// Drawing arrows between goroutines: spawns dashed, wake-ups solid, both in
// the text colour, which contrasts with every bar; channel handoffs in
// magenta. The arrow under the pointer is drawn bold.

import { forEachArrow, type ArrowSeg } from "./arrowgeom";
import type { Palette } from "./colors";
import type { Ctx, Scene } from "./scene";
import type { Arrow } from "./model";

/** drawArrows paints the arrows of rows [first, last) and returns how
 * many it drew. */
export function drawArrows(ctx: Ctx, sc: Scene, first: number, last: number): number {
  let hover: ArrowSeg | null = null;
  const n = forEachArrow(sc, first, last, (s) => {
    if (s.arrow === sc.marks.hoverArrow) hover = s;
    arrowStyle(ctx, sc.palette, s.arrow.kind, 1);
    arrowLine(ctx, s.x0, s.y0, s.x1, s.y1);
  });
  if (hover) {
    const s: ArrowSeg = hover;
    arrowStyle(ctx, sc.palette, s.arrow.kind, 2.5);
    arrowLine(ctx, s.x0, s.y0, s.x1, s.y1);
  }
  ctx.setLineDash([]);
  ctx.lineWidth = 1;
  return n;
}

/** arrowStyle sets the colour, width and dashes of an arrow of kind. */
export function arrowStyle(ctx: Ctx, p: Palette, kind: Arrow["kind"], width: number): void {
  const c = kind === "chan" ? p.chan : kind === "spawn" ? p.spawn : p.wake;
  ctx.strokeStyle = c;
  ctx.fillStyle = c;
  ctx.lineWidth = kind === "chan" ? width * 1.5 : width;
  ctx.setLineDash(kind === "spawn" ? [3, 3] : []);
}

/** arrowLine strokes a line with a head at its end in the current style. */
export function arrowLine(ctx: Ctx, x0: number, y0: number, x1: number, y1: number): void {
  ctx.beginPath();
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1, y1);
  ctx.stroke();
  const len = Math.hypot(x1 - x0, y1 - y0) || 1;
  const ux = (x1 - x0) / len, uy = (y1 - y0) / len;
  ctx.beginPath();
  ctx.moveTo(x1, y1);
  ctx.lineTo(x1 - ux * 6 - uy * 3, y1 - uy * 6 + ux * 3);
  ctx.lineTo(x1 - ux * 6 + uy * 3, y1 - uy * 6 - ux * 3);
  ctx.closePath();
  ctx.fill();
}
