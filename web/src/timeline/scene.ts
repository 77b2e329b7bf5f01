// The scene: everything one frame of the canvas depends on, and the part
// of a 2D context that drawing uses. Every draw*.ts file reads it; it
// depends on none of them.

import type { Layout } from "./layout";
import type { Arrow, Row } from "./model";
import type { Palette } from "./colors";
import type { RowIndex } from "./rows";
import { visibleRows, type TimeRange, type View } from "./view";
import type { WaitEdge } from "./waitfor";

/** Ctx is the part of a 2D canvas context the timeline uses. */
export type Ctx = Pick<CanvasRenderingContext2D,
  "fillRect" | "strokeRect" | "fillText" | "beginPath" | "moveTo" | "lineTo" | "closePath" | "stroke" | "fill" |
  "save" | "restore" | "rect" | "clip" | "measureText" | "setTransform" | "setLineDash" | "arc"> & {
  fillStyle: string | CanvasGradient | CanvasPattern;
  strokeStyle: string | CanvasGradient | CanvasPattern;
  lineWidth: number;
  font: string;
  textBaseline: CanvasTextBaseline;
  textAlign: CanvasTextAlign;
};

/** Marks are what the page and the user point out on top of the run. */
export interface Marks {
  /** Goroutines the page highlights. */
  highlight: ReadonlySet<number>;
  /** A run time the page marks (an output line's), null for none. */
  instant: number | null;
  /** The selected time range, null for none. */
  range: TimeRange | null;
  /** The wait-for chain of a deadlock or leak. */
  waitFor: readonly WaitEdge[];
  /** The arrow under the pointer, drawn bold. */
  hoverArrow: Arrow | null;
}

/** NO_MARKS is Marks with nothing marked. */
export const NO_MARKS: Marks = { highlight: new Set(), instant: null, range: null, waitFor: [], hoverArrow: null };

/** Scene is everything one frame depends on. */
export interface Scene {
  layout: Layout;
  rows: readonly Row[];
  /** rowOf maps a goroutine id to its row (its collapsed group's). */
  rowOf: Pick<RowIndex, "get">;
  view: View;
  width: number;
  height: number;
  /** The label column's width; a narrow one shows goroutine ids only. */
  labelW: number;
  palette: Palette;
  /** The selected goroutine, 0 for none. */
  selected: number;
  marks: Marks;
  /** live says a run goes on: the layout grows with every batch. */
  live?: boolean;
}

/** DrawStats counts what a frame painted, for tests and the benchmark. */
export interface DrawStats {
  lanes: number;
  spans: number;
  arrows: number;
}

/** FONT is the canvas font for labels. */
export const FONT = "12px system-ui, sans-serif";

/** sceneRows returns the index range [first, last) of the scene's rows in view. */
export function sceneRows(sc: Pick<Scene, "rows" | "view" | "height">): [number, number] {
  return visibleRows(sc.rows.length, sc.view.top, sc.height);
}


/** timeX is the canvas x of time t in scene sc. */
export function timeX(sc: Pick<Scene, "labelW" | "width" | "view">, t: number): number {
  return sc.labelW + ((t - sc.view.t0) * (sc.width - sc.labelW)) / (sc.view.t1 - sc.view.t0);
}
