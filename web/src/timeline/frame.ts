// Frame is the canvas side of the component: it holds the view, the rows
// and what is marked, sizes the canvas and its scroller, and draws at most
// once per animation frame. Pointer and key handling is in pointer.ts.

import { clockLabel, formatRange } from "./axis";
import type { Palette } from "./colors";
import { draw } from "./draw";
import { indexGroups } from "./groupindex";
import { whenIdle } from "./idle";
import type { Parts } from "./dom";
import { LaneControls } from "./lanecontrols";
import type { Layout } from "./layout";
import type { GroupRow, Row } from "./model";
import { Pointer } from "./pointer";
import { RowIndex, buildRows } from "./rows";
import { NO_MARKS, type DrawStats, type Marks, type Scene } from "./scene";
import { AXIS_H, LABEL_W, NARROW_W, ROW_H, clampTop, fitView, labelWidth, rowY, zoomView, type TimeRange, type View } from "./view";
import { waitEdges } from "./waitfor";

/** FrameHooks are what the frame needs from the component. */
export interface FrameHooks {
  palette(): Palette;
  maxHeight: number;
  onSelectLine(line: number): void;
  onRangeSelect(range: TimeRange | null): void;
  onDetails(l: Layout, g: number): void;
  showShortcuts(): void;
}

/** Frame draws a layout on the canvas and keeps its view. */
export class Frame {
  layout: Layout;
  view: View = fitView(0);
  rows: readonly Row[] = [];
  rowOf = new RowIndex();
  marks: Marks = NO_MARKS;
  selected = 0;
  stale = false;
  size = { w: 0, h: 0, dpr: 1, labelW: LABEL_W };
  /** The user's group choices, kept across runs, and the filter text. */
  readonly collapsed = new Map<string, boolean>();
  filter = "";
  private rowsKey = "";
  private groups = 0;
  private raf = 0;
  private drawnVersion = -1;
  private stuckSeen = -1;
  private legendTouched = false;
  private pointer: Pointer;
  private lanes: LaneControls;
  private cleanups: (() => void)[] = [];
  private cancelIdle = () => {};
  /** live says a run goes on (batches arrive until it ends). */
  private live = false;

  constructor(private doc: Document, readonly parts: Parts, layout: Layout, readonly hooks: FrameHooks) {
    this.layout = layout;
    this.pointer = new Pointer(this);
    this.lanes = new LaneControls(parts, {
      filter: (text) => { this.filter = text; this.schedule(); },
      toggle: (key) => this.toggleGroup(key),
      all: (collapsed) => this.setAllGroups(collapsed),
    });
    const { scroller, legend } = parts;
    const onScroll = () => {
      this.view = { ...this.view, top: scroller.scrollTop };
      this.schedule();
    };
    scroller.addEventListener("scroll", onScroll);
    legend.querySelector("summary")?.addEventListener("click", () => { this.legendTouched = true; });
    const { buttons } = parts;
    const zoom = (factor: number) => {
      this.view = zoomView(this.view, factor, (this.view.t0 + this.view.t1) / 2, this.layout.end);
      this.schedule();
    };
    buttons.fit.addEventListener("click", () => this.fit());
    buttons.zoomIn.addEventListener("click", () => zoom(0.8));
    buttons.zoomOut.addEventListener("click", () => zoom(1.25));
    buttons.clearSelection.addEventListener("click", () => this.setRange(null, true));
    this.cleanups.push(() => scroller.removeEventListener("scroll", onScroll));
    const win = doc.defaultView;
    if (win && "ResizeObserver" in win) {
      const ro = new win.ResizeObserver(() => this.schedule());
      ro.observe(parts.stage);
      this.cleanups.push(() => ro.disconnect());
    }
    this.schedule();
  }

  get dpr(): number {
    return this.size.dpr;
  }

  append(events: Parameters<Layout["append"]>[0]): void {
    this.live = true;
    this.layout.append(events);
    this.schedule();
  }

  /** reset shows a new layout from its start. */
  reset(layout: Layout): void {
    this.layout = layout;
    this.live = false;
    this.drawnVersion = this.stuckSeen = -1;
    this.view = fitView(0, this.view.top);
    this.selected = 0;
    this.marks = { ...this.marks, instant: null, range: null, waitFor: [], hoverArrow: null, highlight: new Set() };
    this.setRange(null, false);
    delete this.parts.canvas.dataset.selected;
    this.parts.tooltip.hide();
    this.schedule();
  }

  /** ended draws the end of a run: its wait-for chain, if any. Once the
   * page is idle, it indexes the run's collapsed groups, so that the first
   * zoom into them need not (groupindex.ts). */
  ended(): void {
    this.live = false;
    this.stuckSeen = -1;
    this.schedule();
    const l = this.layout;
    this.cancelIdle();
    this.cancelIdle = whenIdle(this.doc.defaultView, () => {
      if (this.layout !== l) return;
      this.syncRows();
      indexGroups(l, this.rows.filter((r): r is GroupRow => r.kind === "group"));
    });
  }

  /** mark changes what is marked and redraws. */
  mark(m: Partial<Marks>): void {
    this.marks = { ...this.marks, ...m };
    this.schedule();
  }

  /** setRange shows a selected range; user says the user made it, so
   * the page hears of it. */
  setRange(r: TimeRange | null, user: boolean): void {
    const range = r && { t0: Math.max(0, Math.min(r.t0, r.t1)), t1: Math.max(r.t0, r.t1) };
    this.mark({ range });
    const { selection, selectionText, canvas } = this.parts;
    selection.hidden = !range;
    selectionText.textContent = range ? `Selected ${formatRange(range.t0, range.t1)}` : "";
    if (range) canvas.dataset.selection = `${Math.round(range.t0)},${Math.round(range.t1)}`;
    else delete canvas.dataset.selection;
    if (user) this.hooks.onRangeSelect(range);
  }

  redraw(): void {
    this.drawnVersion = -1;
    this.schedule();
  }

  fit(): void {
    this.view = fitView(this.layout.end, this.view.top);
    this.schedule();
  }

  select(g: number): void {
    this.selected = g;
    if (g) this.parts.canvas.dataset.selected = String(g);
    else delete this.parts.canvas.dataset.selected;
    this.hooks.onDetails(this.layout, g);
    this.schedule();
  }

  locate(g: number, t: number): { x: number; y: number } | null {
    this.syncRows();
    const i = this.rowOf.get(g);
    if (i === undefined) return null;
    const { w, labelW } = this.size;
    const x = labelW + ((t - this.view.t0) * (w - labelW)) / (this.view.t1 - this.view.t0);
    return { x, y: rowY(this.view.top, i) + ROW_H / 2 };
  }

  toggleGroup(key: string): void {
    const row = this.rows.find((r): r is GroupRow => r.kind === "group" && r.key === key);
    if (!row) return;
    this.collapsed.set(key, !row.collapsed);
    this.schedule();
  }

  private setAllGroups(collapsed: boolean): void {
    for (const r of this.rows) if (r.kind === "group") this.collapsed.set(r.key, collapsed);
    this.schedule();
  }

  scene(): Scene {
    const { w, h, labelW } = this.size;
    return {
      layout: this.layout, rows: this.rows, rowOf: this.rowOf, view: this.view, width: w, height: h, labelW,
      palette: this.hooks.palette(), selected: this.selected, marks: this.marks, live: this.live,
    };
  }

  schedule(): void {
    if (this.raf) return;
    const win = this.doc.defaultView;
    if (!win) return;
    this.raf = win.requestAnimationFrame(() => {
      this.raf = 0;
      this.paint();
    });
  }

  /** syncRows rebuilds the rows when lanes, groups or the filter changed. */
  syncRows(): void {
    const key = `${this.layout.shape}\u0000${this.filter}\u0000${[...this.collapsed].join()}`;
    if (key === this.rowsKey && this.rows.length) return;
    this.rowsKey = key;
    const set = buildRows(this.layout.lanes, { filter: this.filter, collapsed: this.collapsed });
    this.rows = set.rows;
    this.rowOf = set.rowOf;
    const groups = this.rows.filter((r): r is GroupRow => r.kind === "group");
    this.groups = groups.length;
    this.lanes.update(groups);
  }

  // measure sizes the canvas to its scroller and the rows, within
  // maxHeight, and the sizer to all rows, so the scroller scrolls them.
  private measure(): void {
    const { canvas, scroller, sizer, legend } = this.parts;
    const dpr = this.doc.defaultView?.devicePixelRatio ?? 1;
    const rowsH = this.rows.length * ROW_H + 6;
    const w = Math.max(160, scroller.clientWidth || 800);
    const h = Math.min(this.hooks.maxHeight, Math.max(140, AXIS_H + rowsH));
    sizer.style.height = `${h + Math.max(0, rowsH - (h - AXIS_H))}px`;
    scroller.style.height = `${h}px`;
    if (!this.legendTouched) legend.open = w >= NARROW_W;
    if (w === this.size.w && h === this.size.h && dpr === this.size.dpr) return;
    this.size = { w, h, dpr, labelW: labelWidth(w) };
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(h * dpr);
    canvas.style.width = `${w}px`;
    canvas.style.height = `${h}px`;
  }

  /** paint draws once; it runs from requestAnimationFrame. */
  paint(): DrawStats | null {
    this.syncRows();
    this.measure();
    const ctx = this.parts.canvas.getContext("2d");
    if (!ctx) return null;
    if (this.layout.stuck.length !== this.stuckSeen) {
      this.stuckSeen = this.layout.stuck.length;
      this.marks = { ...this.marks, waitFor: this.stuckSeen ? waitEdges(this.layout) : [] };
    }
    if (this.view.follow) this.view = fitView(this.layout.end, this.view.top);
    const top = clampTop(this.view.top, this.rows.length * ROW_H + 6, this.size.h - AXIS_H);
    if (top !== this.parts.scroller.scrollTop) this.parts.scroller.scrollTop = top;
    this.view = { ...this.view, top };
    ctx.setTransform(this.size.dpr, 0, 0, this.size.dpr, 0, 0);
    const stats = draw(ctx, this.scene());
    this.publish(stats);
    this.pointer.refresh();
    return stats;
  }

  // publish writes what the frame shows to data attributes (for tests) and
  // the range label.
  private publish(stats: DrawStats): void {
    const { canvas, range } = this.parts;
    const l = this.layout, v = this.view, d = canvas.dataset;
    d.lanes = String(l.lanes.length);
    d.rows = String(this.rows.length);
    d.groups = String(this.groups);
    d.labelWidth = String(this.size.labelW);
    d.arrows = String(l.arrows.length);
    d.spawnArrows = String(l.arrowKinds.spawn);
    d.wakeArrows = String(l.arrowKinds.wake);
    d.chanArrows = String(l.arrowKinds.chan);
    d.marks = String(l.marks.length);
    d.waitEdges = String(this.marks.waitFor.length);
    d.drawnSpans = String(stats.spans);
    d.drawnArrows = String(stats.arrows);
    d.range = `${Math.round(v.t0)},${Math.round(v.t1)}`;
    d.top = String(Math.round(v.top));
    d.clock = l.clock;
    if (this.marks.instant === null) delete d.instant;
    else d.instant = String(this.marks.instant);
    d.highlight = [...this.marks.highlight].join(",");
    range.textContent = `${formatRange(Math.max(0, v.t0), v.t1)} of ${clockLabel(l.clock)}`;
    if (this.drawnVersion !== l.version) {
      this.drawnVersion = l.version;
      this.hooks.onDetails(this.layout, this.selected);
    }
  }

  destroy(): void {
    if (this.raf) this.doc.defaultView?.cancelAnimationFrame(this.raf);
    this.pointer.destroy();
    this.cancelIdle();
    for (const fn of this.cleanups) fn();
  }
}
