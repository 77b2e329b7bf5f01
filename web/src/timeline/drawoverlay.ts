// Drawing what is pointed out over the run: the selected time range, the
// page's instant marker, and a deadlock's or leak's wait-for chain.

import { arrowLine } from "./drawarrows";
import { timeX, type Ctx, type Scene } from "./scene";
import { waitSegments } from "./arrowgeom";
import { AXIS_H, ROW_H } from "./view";

/** drawRange shades the selected time range with an edge on each side. */
export function drawRange(ctx: Ctx, sc: Scene): void {
  const r = sc.marks.range;
  if (!r) return;
  const x0 = timeX(sc, r.t0), x1 = timeX(sc, r.t1);
  ctx.fillStyle = sc.palette.range;
  ctx.fillRect(x0, AXIS_H, Math.max(1, x1 - x0), sc.height - AXIS_H);
  ctx.fillStyle = sc.palette.instant;
  ctx.fillRect(Math.round(x0), AXIS_H, 1, sc.height - AXIS_H);
  ctx.fillRect(Math.round(x1), AXIS_H, 1, sc.height - AXIS_H);
}

/** drawInstant draws the page's instant marker down the plot. */
export function drawInstant(ctx: Ctx, sc: Scene): void {
  const t = sc.marks.instant;
  if (t === null) return;
  const x = Math.round(timeX(sc, t));
  ctx.fillStyle = sc.palette.instant;
  ctx.fillRect(x - 1, AXIS_H, 2, sc.height - AXIS_H);
}

/** drawWaitFor draws each wait-for edge as a bold dashed arrow labelled
 * with the object waited on (arrowgeom.ts's waitSegments). */
export function drawWaitFor(ctx: Ctx, sc: Scene, first: number, last: number): void {
  if (sc.marks.waitFor.length === 0) return;
  const p = sc.palette;
  ctx.strokeStyle = p.waitFor;
  ctx.fillStyle = p.waitFor;
  ctx.lineWidth = 2;
  ctx.setLineDash([5, 3]);
  ctx.textBaseline = "middle";
  ctx.textAlign = "left";
  for (const s of waitSegments(sc, first, last)) {
    arrowLine(ctx, s.x0, s.y0, s.x1, s.y1);
    const dir = s.y1 > s.y0 ? 1 : -1;
    if (!s.label || !s.edge.obj) continue;
    // The label sits right of the edge, or left of it near the right side.
    const right = s.x0 + 5 + ctx.measureText(s.edge.obj).width <= sc.width - 2;
    ctx.textAlign = right ? "left" : "right";
    ctx.fillText(s.edge.obj, right ? s.x0 + 5 : s.x0 - 5, s.y0 + dir * ROW_H * 0.6);
  }
  ctx.setLineDash([]);
  ctx.lineWidth = 1;
  ctx.textAlign = "left";
}
