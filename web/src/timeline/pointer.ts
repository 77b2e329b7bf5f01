// Pointer is the frame's side of interaction (interact.ts's Host): what a
// hover shows, what a click does, the selected range, scrolling, and the
// hint on how to zoom. The pointer's place is kept in client coordinates,
// so that after the lanes or the page scroll under a still pointer, the
// tooltip describes what is under it now.

import { hitTest, type Hit } from "./hit";
import { describeHit } from "./hovertext";
import { attach, type Host } from "./interact";
import type { Frame } from "./frame";
import { AXIS_H, ROW_H, clampTop, type View } from "./view";

/** HINT_MS is how long the zoom hint stays after a plain wheel. */
export const HINT_MS = 1400;

/** Pointer handles the canvas's pointer and keys for a Frame. */
export class Pointer implements Host {
  private client: { x: number; y: number } | null = null;
  private hintTimer: ReturnType<typeof setTimeout> | undefined;
  private cleanups: (() => void)[] = [];

  constructor(private f: Frame) {
    const { canvas } = f.parts;
    this.cleanups.push(attach(canvas, this));
    const track = (e: PointerEvent) => { this.client = { x: e.clientX, y: e.clientY }; };
    canvas.addEventListener("pointermove", track);
    const win = canvas.ownerDocument.defaultView;
    const onPageScroll = () => { if (this.client) f.schedule(); };
    win?.addEventListener("scroll", onPageScroll, { capture: true, passive: true });
    this.cleanups.push(() => {
      canvas.removeEventListener("pointermove", track);
      win?.removeEventListener("scroll", onPageScroll, { capture: true });
      clearTimeout(this.hintTimer);
    });
  }

  view(): View { return this.f.view; }
  end(): number { return this.f.layout.end; }
  fit(): void { this.f.fit(); }

  setView(v: View): void {
    this.f.view = v;
    this.f.schedule();
  }

  plot(): { x: number; w: number; h: number } {
    const { w, h, labelW } = this.f.size;
    return { x: labelW, w: w - labelW, h: h - AXIS_H };
  }

  private maxTop(): number {
    return clampTop(Infinity, this.f.rows.length * ROW_H + 6, this.f.size.h - AXIS_H);
  }

  scrollBy(dy: number): void {
    const s = this.f.parts.scroller;
    s.scrollTop = Math.max(0, Math.min(s.scrollTop + dy, this.maxTop()));
  }

  canScroll(dy: number): boolean {
    const top = this.f.parts.scroller.scrollTop;
    return dy < 0 ? top > 0 : top < this.maxTop() - 1;
  }

  private hit(x: number, y: number): Hit | null {
    this.f.syncRows();
    return hitTest(this.f.scene(), x, y);
  }

  hover(x: number, y: number): void {
    const hit = this.hit(x, y);
    const arrow = hit?.kind === "arrow" ? hit.seg.arrow : null;
    if (arrow !== this.f.marks.hoverArrow) this.f.mark({ hoverArrow: arrow });
    const tip = this.f.parts.tooltip;
    if (!hit) return tip.hide();
    const { w, h } = this.f.size;
    tip.show(describeHit(this.f.layout, hit), x, y, w, h);
  }

  leave(): void {
    this.client = null;
    this.f.parts.tooltip.hide();
    if (this.f.marks.hoverArrow) this.f.mark({ hoverArrow: null });
  }

  /** refresh re-hovers at the pointer's place after a frame moved things. */
  refresh(): void {
    if (!this.client) return;
    const r = this.f.parts.canvas.getBoundingClientRect();
    const x = this.client.x - r.left, y = this.client.y - r.top;
    if (x < 0 || y < 0 || x > r.width || y > r.height) return this.leave();
    this.hover(x, y);
  }

  click(x: number, y: number): void {
    const hit = this.hit(x, y);
    if (!hit) return;
    let line = 0;
    switch (hit.kind) {
      case "label": case "group":
        if (hit.row.kind === "group") return this.f.toggleGroup(hit.row.key);
        this.f.select(hit.row.lane.g);
        return;
      case "span":
        this.f.select(hit.lane.g);
        line = hit.mark?.line || hit.span.line;
        break;
      case "arrow":
        this.f.select(hit.seg.arrow.to);
        line = hit.seg.arrow.line;
        break;
      case "wait":
        this.f.select(hit.edge.from);
        line = this.f.layout.stuck.find((s) => s.g === hit.edge.from)?.line ?? 0;
        break;
    }
    if (line > 0 && !this.f.stale) this.f.hooks.onSelectLine(line);
  }

  selectRange(t0: number, t1: number, final: boolean): void {
    this.f.setRange({ t0, t1 }, final);
  }

  clearRange(): boolean {
    if (!this.f.marks.range) return false;
    this.f.setRange(null, true);
    return true;
  }

  focusFilter(): void {
    this.f.parts.filter.focus();
  }

  showShortcuts(): void {
    this.f.hooks.showShortcuts();
  }

  wheelHint(): void {
    const hint = this.f.parts.wheelHint;
    hint.classList.add("lp-tl-show");
    clearTimeout(this.hintTimer);
    this.hintTimer = setTimeout(() => hint.classList.remove("lp-tl-show"), HINT_MS);
  }

  destroy(): void {
    for (const fn of this.cleanups) fn();
  }
}
