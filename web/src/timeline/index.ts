// The timeline component: spawns, blocks, wake-ups and awaits of a run on
// a canvas, one lane per goroutine, modelled on Go's execution tracer and
// gotraceui. A plain object with dom, update() and destroy(); a run feeds
// it with reset(), append() and end(). The page points things out on it
// (markInstant, highlightGoroutines, selectRange), marks it stale when the
// code changes, and hears of time ranges the user selects.

import { TRACE_VERSION, type RunResult, type Trace, type TraceEvent } from "../trace";
import { createShortcutsDialog, type ShortcutsDialog } from "../shortcutsdialog";
import { palette, type Palette } from "./colors";
import { buildParts, type Parts } from "./dom";
import { download, exportPNG } from "./export";
import { Frame } from "./frame";
import { Layout, type Clock } from "./layout";
import { paintLegend } from "./legend";
import { ensureStyles } from "./styles";
import type { Phase } from "./summary";
import { TextView } from "./textview";
import type { TimeRange } from "./view";

export type { Clock } from "./layout";
export type { TimeRange } from "./view";

/** TimelineOptions are the page's hooks. */
export interface TimelineOptions {
  /** onSelectLine is called with the script line of a clicked span or
   * arrow, unless the timeline is stale. */
  onSelectLine?: (line: number) => void;
  /** onExportTrace converts the run's trace to the Chrome Trace Event
   * Format (luamod.ChromeTrace, through the engine); the Export trace
   * button downloads the result. The button is disabled without it. */
  onExportTrace?: (trace: Trace) => Promise<string>;
  clock?: Clock;
  /** maxHeight caps the canvas height in CSS pixels (default 480). */
  maxHeight?: number;
  /** styleRoot receives the stylesheets: the shadow root the timeline is
   * shown in (an embedded example), else the document, where the `?` key
   * shows the shortcuts anywhere on the page. */
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
  /** reset empties the timeline for a new run, which is now running. */
  reset(clock: Clock): void;
  /** end says the run is over (result null: it never started). */
  end(result: RunResult | null): void;
  /** clear empties the timeline: no run to show. */
  clear(): void;
  /** setStale marks the timeline as showing code that has changed since
   * (dimmed, with a note; clicks no longer move the editor), or not. */
  setStale(stale: boolean): void;
  /** markInstant draws a marker at run time t (µs), or removes it. */
  markInstant(t: number | null): void;
  /** highlightGoroutines highlights these goroutines' lanes ([]: none). */
  highlightGoroutines(ids: readonly number[]): void;
  /** selectRange shows a selected time range (null: none) without
   * calling the onRangeSelect listeners. */
  selectRange(range: TimeRange | null): void;
  /** onRangeSelect calls fn when the user selects a time range (shift and
   * drag), in run-clock microseconds, and with null when they clear it
   * (Escape or the selection's × button). It returns the unsubscribe. */
  onRangeSelect(fn: (range: TimeRange | null) => void): () => void;
  /** fitHeight fits the whole component into px CSS pixels, as a page
   * pane allows: the canvas takes what the toolbar, legend and texts
   * leave (at least 140 px); Infinity restores the maxHeight option. */
  fitHeight(px: number): void;
  /** update re-reads size and theme and redraws. */
  update(): void;
  /** trace is the run's trace so far. */
  trace(): Trace;
  /** locate gives the canvas point of time t on goroutine g's row. */
  locate(g: number, t: number): { x: number; y: number } | null;
  destroy(): void;
}

/** DEFER_SUMMARY_EVENTS: past this many events, a run's end draws its
 * frame before the summary (which then takes milliseconds). */
export const DEFER_SUMMARY_EVENTS = 20_000;

/** createTimeline builds the component. */
export function createTimeline(doc: Document, opts: TimelineOptions = {}): Timeline {
  return new TimelineView(doc, opts);
}

class TimelineView implements Timeline {
  readonly dom: HTMLElement;
  private parts: Parts;
  private palette: Palette;
  private frame: Frame;
  private events: TraceEvent[] = [];
  private text: TextView;
  private phase: Phase = "empty";
  private dialog: ShortcutsDialog;
  private rangeListeners = new Set<(range: TimeRange | null) => void>();
  private cleanups: (() => void)[] = [];

  constructor(private doc: Document, private opts: TimelineOptions) {
    const root = opts.styleRoot ?? doc;
    ensureStyles(root);
    this.palette = palette(doc);
    this.parts = buildParts(doc, this.palette);
    this.dom = this.parts.root;
    this.text = new TextView(this.parts);
    this.dialog = createShortcutsDialog(this.dom, root, root === doc);
    this.frame = new Frame(doc, this.parts, new Layout(opts.clock ?? "virtual"), {
      palette: () => this.palette,
      maxHeight: opts.maxHeight ?? 480,
      onSelectLine: (line) => opts.onSelectLine?.(line),
      onRangeSelect: (r) => { for (const fn of this.rangeListeners) fn(r); },
      onDetails: (l, g) => this.text.details(l, g),
      showShortcuts: () => this.dialog.open(),
    });
    this.wire();
    this.text.refresh(this.layout, this.phase);
  }

  get layout(): Layout {
    return this.frame.layout;
  }

  append(events: readonly TraceEvent[]): void {
    if (events.length === 0) return;
    const first = this.events.length === 0;
    for (const e of events) this.events.push(e);
    if (first) this.syncExports();
    this.frame.append(events);
    this.text.schedule(() => this.layout, () => this.phase);
  }

  reset(clock: Clock): void {
    this.start(clock, "running");
  }

  end(_result: RunResult | null): void {
    this.phase = "ended";
    this.frame.ended();
    // The summary reads every lane: for a long run, after the frame that
    // shows its end; a short one's is cheap and comes at once, so that
    // the page around the timeline settles with that frame.
    if (this.layout.events > DEFER_SUMMARY_EVENTS) this.text.afterFrame(() => this.layout, () => this.phase);
    else this.text.refresh(this.layout, this.phase);
  }

  clear(): void {
    this.start(this.layout.clock, "empty");
  }

  private start(clock: Clock, phase: Phase): void {
    this.events = [];
    this.phase = phase;
    this.frame.reset(new Layout(clock));
    this.syncExports();
    this.setStale(false);
    this.text.refresh(this.layout, this.phase);
  }

  setStale(stale: boolean): void {
    this.frame.stale = stale;
    this.dom.classList.toggle("lp-tl-is-stale", stale);
    this.parts.stale.hidden = !stale;
    this.parts.canvas.dataset.stale = String(stale);
  }

  markInstant(t: number | null): void {
    this.frame.mark({ instant: t });
  }

  highlightGoroutines(ids: readonly number[]): void {
    this.frame.mark({ highlight: new Set(ids) });
  }

  selectRange(range: TimeRange | null): void {
    this.frame.setRange(range, false);
  }

  onRangeSelect(fn: (range: TimeRange | null) => void): () => void {
    this.rangeListeners.add(fn);
    return () => void this.rangeListeners.delete(fn);
  }

  fitHeight(px: number): void {
    const rest = this.dom.offsetHeight - this.parts.scroller.offsetHeight;
    const max = Number.isFinite(px) ? Math.max(140, Math.floor(px - rest)) : this.opts.maxHeight ?? 480;
    if (max === this.frame.hooks.maxHeight) return;
    this.frame.hooks.maxHeight = max;
    this.frame.redraw();
  }

  update(): void {
    this.palette = palette(this.doc);
    paintLegend(this.parts.legend, this.palette);
    this.frame.redraw();
    this.text.refresh(this.layout, this.phase);
  }

  trace(): Trace {
    return { version: TRACE_VERSION, clock: this.layout.clock, events: this.events.slice() };
  }

  locate(g: number, t: number): { x: number; y: number } | null {
    return this.frame.locate(g, t);
  }

  destroy(): void {
    this.frame.destroy();
    this.text.destroy();
    this.dialog.destroy();
    for (const fn of this.cleanups) fn();
    this.dom.remove();
  }

  private wire(): void {
    const { buttons, tableToggle } = this.parts;
    buttons.exportPNG.addEventListener("click", () => void this.exportPNG());
    buttons.exportTrace.addEventListener("click", () => void this.exportTrace());
    buttons.shortcuts.addEventListener("click", () => this.dialog.open());
    tableToggle.addEventListener("click", () => this.text.toggleTable(this.layout));
    this.syncExports();
    const media = this.doc.defaultView?.matchMedia?.("(prefers-color-scheme: dark)");
    if (media) {
      const onTheme = () => this.update();
      media.addEventListener("change", onTheme);
      this.cleanups.push(() => media.removeEventListener("change", onTheme));
    }
  }

  // syncExports disables the exports until a run has produced events: an
  // empty file helps nobody.
  private syncExports(): void {
    const { exportTrace, exportPNG } = this.parts.buttons;
    exportTrace.disabled = !this.opts.onExportTrace || this.events.length === 0;
    exportPNG.disabled = this.events.length === 0;
  }

  private async exportPNG(): Promise<void> {
    try {
      await exportPNG(this.parts.canvas, this.palette, this.parts.range.textContent ?? "", this.frame.dpr);
    } catch (err) {
      this.parts.details.textContent = `Export failed: ${err instanceof Error ? err.message : String(err)}`;
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
}
