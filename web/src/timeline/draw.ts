// Drawing: paints the visible rows of a Layout on a canvas. Only rows in
// view are visited, and within a row only spans in the time range, found by
// binary search. The layers, bottom up: row bands, grid, a selected time
// range, spans, tasks and marks, arrows, the wait-for chain, the instant
// marker; then the label column and the axis over them.

import { AXIS_H, rowY } from "./view";
import { drawAxis } from "./drawaxis";
import { drawArrows } from "./drawarrows";
import { drawLabels } from "./drawlabels";
import { drawBands, drawEnd, drawGroup, drawLane } from "./drawlanes";
import { drawMarks, drawTasks } from "./drawmarks";
import { drawInstant, drawRange, drawWaitFor } from "./drawoverlay";
import { prepareGroups } from "./groupstates";
import type { GroupRow } from "./model";
import { FONT, sceneRows, type Ctx, type DrawStats, type Scene } from "./scene";

/** draw paints one frame. */
export function draw(ctx: Ctx, sc: Scene): DrawStats {
  const p = sc.palette;
  ctx.fillStyle = p.background;
  ctx.fillRect(0, 0, sc.width, sc.height);
  ctx.font = FONT;
  const [first, last] = sceneRows(sc);
  const stats: DrawStats = { lanes: 0, spans: 0, arrows: 0 };
  ctx.save();
  ctx.beginPath();
  ctx.rect(sc.labelW, AXIS_H, sc.width - sc.labelW, sc.height - AXIS_H);
  ctx.clip();
  drawBands(ctx, sc, first, last);
  drawAxis(ctx, sc, "grid");
  drawRange(ctx, sc);
  const groups = sc.rows.slice(first, last).filter((r): r is GroupRow => r.kind === "group");
  if (groups.length) prepareGroups(sc.layout, groups, sc.view.t0, sc.view.t1, Math.ceil(sc.width - sc.labelW), !!sc.live);
  const rects = new Map<string, number[]>();
  for (let i = first; i < last; i++) {
    const row = sc.rows[i];
    stats.lanes++;
    if (row.kind === "lane") stats.spans += drawLane(sc, row.lane, rowY(sc.view.top, i), rects);
    else if (row.collapsed) drawGroup(sc, row, rowY(sc.view.top, i), rects);
  }
  for (const [color, r] of rects) {
    ctx.fillStyle = color;
    for (let j = 0; j < r.length; j += 4) ctx.fillRect(r[j], r[j + 1], r[j + 2], r[j + 3]);
  }
  for (let i = first; i < last; i++) {
    const row = sc.rows[i];
    if (row.kind !== "lane") continue;
    const y = rowY(sc.view.top, i);
    drawEnd(ctx, sc, row.lane, y);
    drawTasks(ctx, sc, row.lane, y);
    drawMarks(ctx, sc, row.lane, y);
  }
  stats.arrows = drawArrows(ctx, sc, first, last);
  drawWaitFor(ctx, sc, first, last);
  drawInstant(ctx, sc);
  ctx.restore();
  drawLabels(ctx, sc, first, last);
  drawAxis(ctx, sc, "labels");
  return stats;
}
