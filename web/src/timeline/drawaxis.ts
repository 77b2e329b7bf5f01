// Drawing the time axis: tick labels across the top, with the kind of
// time (virtual or real), and the matching grid lines down the plot.

import { clockLabel, formatTick, niceStep, ticks } from "./axis";
import type { Ctx, Scene } from "./draw";
import { AXIS_H, LABEL_W } from "./view";

/** drawAxis paints the grid lines or the labelled axis band. */
export function drawAxis(ctx: Ctx, sc: Scene, part: "grid" | "labels"): void {
  const { t0, t1 } = sc.view;
  const plotW = sc.width - LABEL_W;
  const k = plotW / (t1 - t0);
  const step = niceStep(1 / k);
  const list = ticks(Math.max(0, t0), t1, step);
  const p = sc.palette;
  if (part === "grid") {
    ctx.fillStyle = p.grid;
    for (const t of list) ctx.fillRect(LABEL_W + Math.round((t - t0) * k), AXIS_H, 1, sc.height - AXIS_H);
    return;
  }
  ctx.fillStyle = p.background;
  ctx.fillRect(0, 0, sc.width, AXIS_H);
  ctx.fillStyle = p.grid;
  ctx.fillRect(0, AXIS_H - 1, sc.width, 1);
  ctx.textBaseline = "middle";
  ctx.textAlign = "left";
  ctx.fillStyle = p.muted;
  ctx.fillText(clockLabel(sc.layout.clock), 6, AXIS_H / 2);
  ctx.save();
  ctx.beginPath();
  ctx.rect(LABEL_W, 0, plotW, AXIS_H);
  ctx.clip();
  ctx.fillStyle = p.text;
  for (const t of list) {
    const x = LABEL_W + Math.round((t - t0) * k);
    ctx.fillRect(x, AXIS_H - 6, 1, 5);
    ctx.fillText(formatTick(t, step), x + 3, AXIS_H / 2 - 2);
  }
  ctx.restore();
}
