// Drawing the time axis: tick labels across the top, with the kind of
// time (virtual or real), the matching grid lines down the plot, and the
// time of the page's instant marker. A tick label that would run off the
// right edge is drawn ending at the edge, or left out if that overlaps.

import { clockLabel, formatDuration, formatTick, niceStep, ticks } from "./axis";
import { timeX, type Ctx, type Scene } from "./scene";
import { AXIS_H, LABEL_W } from "./view";

/** drawAxis paints the grid lines or the labelled axis band. */
export function drawAxis(ctx: Ctx, sc: Scene, part: "grid" | "labels"): void {
  const { t0, t1 } = sc.view;
  const plotW = sc.width - sc.labelW;
  const k = plotW / (t1 - t0);
  const step = niceStep(1 / k);
  const list = ticks(Math.max(0, t0), t1, step);
  const p = sc.palette;
  if (part === "grid") {
    ctx.fillStyle = p.grid;
    for (const t of list) ctx.fillRect(sc.labelW + Math.round((t - t0) * k), AXIS_H, 1, sc.height - AXIS_H);
    return;
  }
  ctx.fillStyle = p.background;
  ctx.fillRect(0, 0, sc.width, AXIS_H);
  ctx.fillStyle = p.grid;
  ctx.fillRect(0, AXIS_H - 1, sc.width, 1);
  ctx.textBaseline = "middle";
  ctx.textAlign = "left";
  ctx.fillStyle = p.muted;
  if (sc.labelW >= LABEL_W) ctx.fillText(clockLabel(sc.layout.clock), 6, AXIS_H / 2);
  ctx.save();
  ctx.beginPath();
  ctx.rect(sc.labelW, 0, plotW, AXIS_H);
  ctx.clip();
  ctx.fillStyle = p.text;
  let end = -Infinity;
  for (const t of list) {
    const x = sc.labelW + Math.round((t - t0) * k);
    ctx.fillRect(x, AXIS_H - 6, 1, 5);
    const text = formatTick(t, step), w = ctx.measureText(text).width;
    const at = Math.min(x + 3, sc.width - 3 - w);
    if (at < end + 6) continue;
    ctx.fillText(text, at, AXIS_H / 2 - 2);
    end = at + w;
  }
  drawInstantLabel(ctx, sc);
  ctx.restore();
}

// drawInstantLabel writes the instant marker's time in a box on the axis.
function drawInstantLabel(ctx: Ctx, sc: Scene): void {
  const t = sc.marks.instant;
  if (t === null) return;
  const x = timeX(sc, t);
  if (x < sc.labelW || x > sc.width) return;
  const text = formatDuration(t), w = ctx.measureText(text).width + 8;
  const left = Math.max(sc.labelW, Math.min(x - w / 2, sc.width - w));
  ctx.fillStyle = sc.palette.instant;
  ctx.fillRect(left, 2, w, AXIS_H - 6);
  ctx.fillStyle = sc.palette.background;
  ctx.fillText(text, left + 4, AXIS_H / 2 - 1);
}
