// The timeline's text: the selected lane's totals, the summary and the
// table view, kept up to date as a run streams in (at most every 250 ms).

import { formatDuration } from "./axis";
import type { Parts } from "./dom";
import type { Layout } from "./layout";
import { laneLabel } from "./model";
import { totals } from "./query";
import { fillTable, summarize, summaryLines, type Phase } from "./summary";

/** TextView writes the DOM text around the canvas. */
export class TextView {
  // At most one refresh waits: on the timer, or for a frame (afterFrame).
  private timer: ReturnType<typeof setTimeout> | undefined;
  private frame = 0;

  constructor(private parts: Parts) {}

  /** details shows the totals of goroutine g (0: none selected). */
  details(l: Layout, g: number): void {
    const lane = g ? l.lane(g) : undefined;
    if (!lane) {
      this.parts.details.textContent = "Click a lane to see its totals.";
      return;
    }
    const t = totals(lane);
    this.parts.details.textContent = `${laneLabel(lane)}: running ${formatDuration(t.running)}, ` +
      `runnable ${formatDuration(t.runnable)}, blocked ${formatDuration(t.blocked)}, ` +
      `sleeping ${formatDuration(t.sleeping)}` + (t.stuck ? `, stuck ${formatDuration(t.stuck)}` : "") + ".";
  }

  /** schedule refreshes the summary soon, once for many batches. */
  schedule(current: () => Layout, phase: () => Phase): void {
    if (this.timer !== undefined || this.frame) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refresh(current(), phase());
    }, 250);
  }

  /** afterFrame refreshes the summary once the next frame has been drawn,
   * in a task of its own: at a run's end the summary reads every lane of
   * the run, and the canvas showing that end need not wait for it. */
  afterFrame(current: () => Layout, phase: () => Phase): void {
    const win = this.parts.summary.ownerDocument.defaultView;
    if (!win) {
      this.refresh(current(), phase());
      return;
    }
    this.cancel(); // this refresh stands for the timer's
    this.frame = win.requestAnimationFrame(() => {
      this.frame = 0;
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.refresh(current(), phase());
      }, 0);
    });
  }

  /** refresh rewrites the summary, and the table when it is shown, and
   * publishes the span count (for tests): all of which read every lane.
   * It stands for any refresh that was waiting. */
  refresh(l: Layout, phase: Phase): void {
    this.cancel();
    const { summary, table } = this.parts;
    this.parts.canvas.dataset.spans = String(l.spanCount());
    const doc = summary.ownerDocument;
    summary.replaceChildren(...summaryLines(summarize(l, phase)).map((line) => {
      const p = doc.createElement("p");
      p.textContent = line;
      return p;
    }));
    if (!table.hidden) fillTable(table, l);
  }

  /** toggleTable shows or hides the table view. */
  toggleTable(l: Layout): void {
    const { table, tableToggle } = this.parts;
    table.hidden = !table.hidden;
    tableToggle.textContent = table.hidden ? "Show table" : "Hide table";
    tableToggle.setAttribute("aria-expanded", String(!table.hidden));
    if (!table.hidden) fillTable(table, l);
  }

  destroy(): void {
    this.cancel();
  }

  private cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.frame) this.parts.summary.ownerDocument.defaultView?.cancelAnimationFrame(this.frame);
    this.frame = 0;
  }
}
