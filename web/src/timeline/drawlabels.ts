// Drawing the label column: group headings with their disclosure triangle
// and count, lane labels cut to fit with an ellipsis (the tooltip shows
// them whole), and a flag on lanes that ended stuck or failed. A narrow
// column shows goroutine ids only.

import { drawBands } from "./drawlanes";
import { FONT, type Ctx, type Scene } from "./scene";
import { laneLabel, type GroupRow, type LaneRow, type Row } from "./model";
import { AXIS_H, LABEL_W, ROW_H, rowY } from "./view";

/** fitText returns text, or its longest prefix that fits in maxW pixels
 * followed by an ellipsis. */
export function fitText(ctx: Pick<Ctx, "measureText">, text: string, maxW: number): string {
  if (ctx.measureText(text).width <= maxW) return text;
  let lo = 0, hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (ctx.measureText(text.slice(0, mid) + "…").width <= maxW) lo = mid;
    else hi = mid - 1;
  }
  return text.slice(0, lo) + "…";
}

/** rowLabel is the full label of a row; compact gives ids only. */
export function rowLabel(row: Row, compact: boolean): string {
  if (row.kind === "group") {
    const mark = row.collapsed ? "▸" : "▾";
    return compact ? `${mark}${row.lanes.length}` : `${mark} ${row.name} (${row.lanes.length})`;
  }
  return compact ? `g${row.lane.g}` : laneLabel(row.lane);
}

// fitGroup cuts a group heading's name, never its count.
function fitGroup(ctx: Pick<Ctx, "measureText">, row: GroupRow, room: number): string {
  const head = `${row.collapsed ? "▸" : "▾"} `, count = ` (${row.lanes.length})`;
  const w = ctx.measureText(head + count).width;
  return head + fitText(ctx, row.name, room - w) + count;
}

/** drawLabels paints the label column over the rows [first, last). */
export function drawLabels(ctx: Ctx, sc: Scene, first: number, last: number): void {
  const p = sc.palette, w = sc.labelW, compact = w < LABEL_W;
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, AXIS_H, w, sc.height - AXIS_H);
  ctx.clip();
  ctx.fillStyle = p.background;
  ctx.fillRect(0, AXIS_H, w, sc.height - AXIS_H);
  drawBands(ctx, sc, first, last);
  ctx.textBaseline = "middle";
  for (let i = first; i < last; i++) {
    const row = sc.rows[i];
    const y = rowY(sc.view.top, i) + ROW_H / 2;
    const flag = row.kind === "lane" ? laneFlag(row) : "";
    const indent = row.kind === "lane" && row.inGroup && !compact ? 16 : 4;
    const room = w - indent - (flag ? (compact ? 10 : 44) : 6);
    ctx.font = row.kind === "group" ? "bold " + FONT : FONT;
    ctx.fillStyle = p.text;
    ctx.textAlign = "left";
    ctx.fillText(row.kind === "group" && !compact ? fitGroup(ctx, row, room) : fitText(ctx, rowLabel(row, compact), room), indent, y);
    if (!flag) continue;
    ctx.fillStyle = flag === "stuck" ? p.family.stuck : p.failed;
    if (compact) {
      ctx.fillRect(w - 8, y - 3, 6, 6);
    } else {
      ctx.textAlign = "right";
      ctx.fillText(flag, w - 6, y);
    }
  }
  ctx.font = FONT;
  ctx.textAlign = "left";
  ctx.restore();
  ctx.fillStyle = p.grid;
  ctx.fillRect(w - 1, AXIS_H, 1, sc.height - AXIS_H);
}

// laneFlag is "stuck" or "failed" for a lane that ended so.
function laneFlag(row: LaneRow): string {
  const spans = row.lane.spans;
  const last = spans[spans.length - 1];
  return last && (last.state === "stuck" || last.state === "failed") ? last.state : "";
}
