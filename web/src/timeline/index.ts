// The timeline component: spawns, blocks, wake-ups and awaits of a run on
// a canvas, one lane per goroutine, modelled on Go's execution tracer and
// gotraceui. A plain object with dom, update() and destroy(); a run feeds
// it with reset() and append().

import { TRACE_VERSION, type Trace, type TraceEvent } from "../trace";
import { clockLabel, formatDuration } from "./axis";
import { palette, type Palette } from "./colors";
import { buildParts, type Parts } from "./dom";
import { draw, type DrawStats, type Scene } from "./draw";
import { download, exportPNG } from "./export";
import { hitTest } from "./hit";
import { attach } from "./interact";
import { Layout, type Clock } from "./layout";
import { paintLegend } from "./legend";
import { ensureStyles } from "./styles";
import type { Row } from "./model";
import { TextView } from "./textview";
import { describe } from "./tooltip";
import { AXIS_H, LABEL_W, ROW_H, clampTop, fitView, timeToX, zoomView, type View } from "./view";

export type { Clock } from "./layout";

/** TimelineOptions are the page's hooks. */
export interface TimelineOptions {
  /** onSelectLine is called with the script line of a clicked span. */
  onSelectLine?: (line: number) => void;
  /** onExportTrace converts the run's trace to the Chrome Trace Event
   * Format (luamod.ChromeTrace, through the engine); the Export trace
   * button downloads the result. The button is disabled without it. */
  onExportTrace?: (trace: Trace) => Promise<string>;
  clock?: Clock;
  /** maxHeight caps the canvas height in CSS pixels (default 480). */
  maxHeight?: number;
  /** styleRoot receives the stylesheet: the shadow root the timeline is
   * shown in (an embedded example), else the document. */
  styleRoot?: Document | ShadowRoot;
}

/** Timeline is the component's interface. */
export interface Timeline {
  readonly dom: HTMLElement;
  /** layout is the current run's data, for the page and tests. */
  readonly layout: Layout;
  /** append adds a batch of a running trace; the canvas redraws at most
   * once per animation frame. */
  append(events: readonly TraceEvent[]): void;
  /** reset empties the timeline for a new run. */
  reset(clock: Clock): void;
  /** update re-reads size and theme and redraws. */
  update(): void;
  /** trace is the run's trace so far. */
  trace(): Trace;
  /** locate gives the canvas point of time t on goroutine g's lane. */
  locate(g: number, t: number): { x: number; y: number } | null;
  destroy(): void;
}

/** createTimeline builds the component. */
export function createTimeline(doc: Document, opts: TimelineOptions = {}): Timeline {
  return new TimelineView(doc, opts);
}

class TimelineView implements Timeline {
  readonly dom: HTMLElement;
  layout: Layout;
  private parts: Parts;
  private palette: Palette;
  private view: View = fitView(0);
  private rows: readonly Row[] = [];
  private rowOf = new Map<number, number>();
  private size = { w: 0, h: 0, dpr: 1 };
  private selected = 0;
  private raf = 0;
  private drawnVersion = -1;
  private cleanups: (() => void)[] = [];
  private events: TraceEvent[] = [];
  private text: TextView;

  constructor(private doc: Document, private opts: TimelineOptions) {
    this.layout = new Layout(opts.clock ?? "virtual");
    ensureStyles(opts.styleRoot ?? doc);
    this.palette = palette(doc);
    this.parts = buildParts(doc, this.palette);
    this.dom = this.parts.root;
    this.text = new TextView(this.parts);
    this.wire();
    this.text.refresh(this.layout);
    this.schedule();
  }

  append(events: readonly TraceEvent[]): void {
    if (events.length === 0) return;
    for (const e of events) this.events.push(e);
    this.layout.append(events);
    this.schedule();
    this.text.schedule(() => this.layout);
  }

  reset(clock: Clock): void {
    this.layout = new Layout(clock);
    this.events = [];
    this.drawnVersion = -1;
    this.view = fitView(0);
    this.selected = 0;
    delete this.parts.canvas.dataset.selected;
    this.parts.tooltip.hide();
    this.text.refresh(this.layout);
    this.schedule();
  }

  update(): void {
    this.palette = palette(this.doc);
    paintLegend(this.parts.legend, this.palette);
    this.drawnVersion = -1;
    this.text.refresh(this.layout);
    this.schedule();
  }

  trace(): Trace {
    return { version: TRACE_VERSION, clock: this.layout.clock, events: this.events.slice() };
  }

  locate(g: number, t: number): { x: number; y: number } | null {
    this.syncRows();
    const i = this.rowOf.get(g);
    if (i === undefined) return null;
    const x = LABEL_W + timeToX(this.view, this.size.w - LABEL_W, t);
    return { x, y: AXIS_H + i * ROW_H - this.view.top + ROW_H / 2 };
  }

  destroy(): void {
    if (this.raf) cancelAnimationFrame(this.raf);
    this.text.destroy();
    for (const fn of this.cleanups) fn();
    this.dom.remove();
  }

  private wire(): void {
    const { canvas, buttons, tableToggle } = this.parts;
    this.cleanups.push(attach(canvas, {
      view: () => this.view,
      setView: (v) => { this.view = v; this.schedule(); },
      end: () => this.layout.end,
      rowsHeight: () => this.rows.length * ROW_H,
      plot: () => ({ w: this.size.w - LABEL_W, h: this.size.h - AXIS_H }),
      fit: () => this.fit(),
      hover: (x, y) => this.hover(x, y),
      leave: () => this.parts.tooltip.hide(),
      click: (x, y) => this.click(x, y),
    }));
    const zoom = (f: number) => {
      const mid = (this.view.t0 + this.view.t1) / 2;
      this.view = zoomView(this.view, f, mid, this.layout.end);
      this.schedule();
    };
    buttons.fit.addEventListener("click", () => this.fit());
    buttons.zoomIn.addEventListener("click", () => zoom(0.8));
    buttons.zoomOut.addEventListener("click", () => zoom(1.25));
    buttons.exportPNG.addEventListener("click", () => void exportPNG(canvas));
    buttons.exportTrace.addEventListener("click", () => void this.exportTrace());
    tableToggle.addEventListener("click", () => this.text.toggleTable(this.layout));
    const win = this.doc.defaultView;
    if (win && "ResizeObserver" in win) {
      const ro = new win.ResizeObserver(() => this.schedule());
      ro.observe(this.parts.stage);
      this.cleanups.push(() => ro.disconnect());
    }
    const media = win?.matchMedia?.("(prefers-color-scheme: dark)");
    if (media) {
      const onTheme = () => this.update();
      media.addEventListener("change", onTheme);
      this.cleanups.push(() => media.removeEventListener("change", onTheme));
    }
  }

  // exportTrace downloads the trace converted by the page's onExportTrace.
  private async exportTrace(): Promise<void> {
    const convert = this.opts.onExportTrace;
    if (!convert) return;
    try {
      const json = await convert(this.trace());
      download(this.doc, new Blob([json], { type: "application/json" }), "luaplay-trace.json");
    } catch (err) {
      this.parts.details.textContent = `Export failed: ${err instanceof Error ? err.message : String(err)}`;
    }
  }

  private fit(): void {
    this.view = fitView(this.layout.end, this.view.top);
    this.schedule();
  }

  private schedule(): void {
    if (this.raf) return;
    const win = this.doc.defaultView;
    if (!win) return;
    this.raf = win.requestAnimationFrame(() => {
      this.raf = 0;
      this.frame();
    });
  }

  private syncRows(): void {
    const rows = this.layout.rows();
    if (rows === this.rows) return;
    this.rows = rows;
    this.rowOf.clear();
    rows.forEach((r, i) => { if (r.kind === "lane") this.rowOf.set(r.lane.g, i); });
  }

  // measure sizes the canvas to its container and the rows, within maxHeight.
  private measure(): void {
    const { canvas, stage } = this.parts;
    const dpr = this.doc.defaultView?.devicePixelRatio ?? 1;
    const w = Math.max(LABEL_W + 100, stage.clientWidth || 800);
    const h = Math.min(this.opts.maxHeight ?? 480, Math.max(140, AXIS_H + this.rows.length * ROW_H + 6));
    if (w === this.size.w && h === this.size.h && dpr === this.size.dpr) return;
    this.size = { w, h, dpr };
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(h * dpr);
    canvas.style.width = `${w}px`;
    canvas.style.height = `${h}px`;
  }

  /** frame draws once; it runs from requestAnimationFrame. */
  private frame(): DrawStats | null {
    this.syncRows();
    this.measure();
    const ctx = this.parts.canvas.getContext("2d");
    if (!ctx) return null;
    if (this.view.follow) this.view = fitView(this.layout.end, this.view.top);
    this.view = { ...this.view, top: clampTop(this.view.top, this.rows.length * ROW_H, this.size.h - AXIS_H) };
    ctx.setTransform(this.size.dpr, 0, 0, this.size.dpr, 0, 0);
    const stats = draw(ctx, this.scene());
    this.publish(stats);
    return stats;
  }

  private scene(): Scene {
    return {
      layout: this.layout, rows: this.rows, rowOf: this.rowOf, view: this.view,
      width: this.size.w, height: this.size.h, palette: this.palette, selected: this.selected,
    };
  }

  // publish writes what the frame shows to data attributes (for tests) and
  // the range label.
  private publish(stats: DrawStats): void {
    const { canvas, range, buttons } = this.parts;
    const l = this.layout, v = this.view;
    // Nothing to export until a run has produced events.
    buttons.exportTrace.disabled = !this.opts.onExportTrace || this.events.length === 0;
    buttons.exportPNG.disabled = this.events.length === 0;
    const d = canvas.dataset;
    d.lanes = String(l.lanes.length);
    d.arrows = String(l.arrows.length);
    d.spawnArrows = String(l.arrowKinds.spawn);
    d.wakeArrows = String(l.arrowKinds.wake);
    d.chanArrows = String(l.arrowKinds.chan);
    d.marks = String(l.marks.length);
    d.drawnSpans = String(stats.spans);
    d.drawnArrows = String(stats.arrows);
    d.range = `${Math.round(v.t0)},${Math.round(v.t1)}`;
    d.clock = l.clock;
    range.textContent = `${formatDuration(Math.max(0, v.t0))} – ${formatDuration(v.t1)} of ${clockLabel(l.clock)}`;
    if (this.drawnVersion !== l.version) {
      this.drawnVersion = l.version;
      this.text.details(this.layout, this.selected);
    }
  }

  private hover(x: number, y: number): void {
    this.syncRows();
    const hit = hitTest(this.rows, this.view, this.size.w, x, y);
    if (!hit || hit.kind !== "span") return this.parts.tooltip.hide();
    this.parts.tooltip.show(describe(hit.lane, hit.span, hit.task, hit.mark), x, y, this.size.w, this.size.h);
  }

  private click(x: number, y: number): void {
    this.syncRows();
    const hit = hitTest(this.rows, this.view, this.size.w, x, y);
    if (!hit || hit.kind === "group") return;
    this.selected = hit.lane.g;
    this.parts.canvas.dataset.selected = String(hit.lane.g);
    this.text.details(this.layout, this.selected);
    this.schedule();
    if (hit.kind !== "span") return;
    const line = hit.mark?.line || hit.span.line;
    if (line > 0) this.opts.onSelectLine?.(line);
  }
}
