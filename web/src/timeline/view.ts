// The visible window of the timeline (a time range and a vertical scroll
// offset) and the pure arithmetic of zooming, panning and fitting it.

/** Geometry of the canvas in CSS pixels: the label column is LABEL_W wide,
 * or LABEL_W_IDS on a canvas narrower than NARROW_W, where labels shrink
 * to goroutine ids so that the plot keeps most of the width. */
export const LABEL_W = 170;
export const LABEL_W_IDS = 50;
export const NARROW_W = 560;
export const AXIS_H = 26;
export const ROW_H = 20;

/** labelWidth is the label column's width on a canvas width pixels wide. */
export function labelWidth(width: number): number {
  return width < NARROW_W ? LABEL_W_IDS : LABEL_W;
}

/** rowY is the top of row i on the canvas when rows are scrolled by top. */
export function rowY(top: number, i: number): number {
  return AXIS_H + i * ROW_H - top;
}

/** visibleRows returns the index range [first, last) of rows in view on a
 * canvas height pixels tall. */
export function visibleRows(rows: number, top: number, height: number): [number, number] {
  const first = Math.max(0, Math.floor(top / ROW_H));
  const last = Math.min(rows, Math.ceil((top + height - AXIS_H) / ROW_H));
  return [first, Math.max(first, last)];
}
/** MIN_RANGE is the narrowest time range one can zoom to, in µs. */
export const MIN_RANGE = 10;

/** TimeRange is a stretch of run time in microseconds, t0 <= t1. */
export interface TimeRange {
  t0: number;
  t1: number;
}

/** View is what the canvas shows: times t0..t1 across the plot, rows from
 * pixel offset top. follow keeps the whole run in view as it grows. */
export interface View {
  t0: number;
  t1: number;
  top: number;
  follow: boolean;
}

/** fitView shows the whole run, 0..end, with a margin of 2% after the
 * end so that what happens at the very end (a goroutine found stuck) shows. */
export function fitView(end: number, top = 0): View {
  return { t0: 0, t1: Math.max(end, MIN_RANGE) * 1.02, top, follow: true };
}

// clampRange keeps the range at least MIN_RANGE wide and mostly over the
// run, allowing half a screen of slack on either side.
function clampRange(t0: number, t1: number, end: number): [number, number] {
  let range = Math.max(t1 - t0, MIN_RANGE);
  const total = Math.max(end, MIN_RANGE);
  range = Math.min(range, total * 2);
  const lo = -range / 2, hi = total + range / 2 - range;
  t0 = Math.min(Math.max(t0, lo), Math.max(lo, hi));
  return [t0, t0 + range];
}

/** zoomView scales the range by factor (below 1 zooms in) keeping time
 * anchor at the same place on screen. */
export function zoomView(v: View, factor: number, anchor: number, end: number): View {
  const t0 = anchor - (anchor - v.t0) * factor;
  const t1 = anchor + (v.t1 - anchor) * factor;
  const [a, b] = clampRange(t0, t1, end);
  return { ...v, t0: a, t1: b, follow: false };
}

/** shiftView moves the range by dt microseconds. */
export function shiftView(v: View, dt: number, end: number): View {
  const [a, b] = clampRange(v.t0 + dt, v.t1 + dt, end);
  return { ...v, t0: a, t1: b, follow: v.follow && dt === 0 };
}

/** panView moves the range by dt microseconds and the rows by dy pixels,
 * within the rows' total height. */
export function panView(v: View, dt: number, dy: number, end: number, rowsHeight: number, plotH: number): View {
  return { ...shiftView(v, dt, end), top: clampTop(v.top + dy, rowsHeight, plotH) };
}

/** clampTop keeps the scroll offset within the rows. */
export function clampTop(top: number, rowsHeight: number, plotH: number): number {
  return Math.max(0, Math.min(top, Math.max(0, rowsHeight - plotH)));
}

/** timeToX maps a time to an x offset within a plot plotW pixels wide. */
export function timeToX(v: View, plotW: number, t: number): number {
  return ((t - v.t0) * plotW) / (v.t1 - v.t0);
}

/** xToTime maps an x offset within the plot back to a time. */
export function xToTime(v: View, plotW: number, x: number): number {
  return v.t0 + (x * (v.t1 - v.t0)) / plotW;
}
