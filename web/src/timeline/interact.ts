// Interaction, following the maps convention: Ctrl/⌘+wheel or a pinch
// zooms around the pointer, a plain wheel or a swipe scrolls the lanes and
// then the page (the canvas sits in a native scroller, so neither is
// swallowed), a sideways wheel or shift+wheel moves along time; drag
// moves, shift+drag selects a time range; keys as listed in shortcuts.ts.
// It turns DOM events into calls on a Host, which owns the view.

import { ROW_H, shiftView, zoomView, type View } from "./view";

/** Host is what interaction needs from the component. */
export interface Host {
  view(): View;
  setView(v: View): void;
  end(): number;
  /** plot is where the time plot is: x of its left edge, its size. */
  plot(): { x: number; w: number; h: number };
  fit(): void;
  /** scrollBy scrolls the lanes by dy pixels; canScroll tells whether
   * they can move that way at all. */
  scrollBy(dy: number): void;
  canScroll(dy: number): boolean;
  hover(x: number, y: number): void;
  leave(): void;
  click(x: number, y: number): void;
  /** selectRange shows the range between two times; final once the drag
   * ends. clearRange drops it and tells whether there was one. */
  selectRange(t0: number, t1: number, final: boolean): void;
  clearRange(): boolean;
  focusFilter(): void;
  showShortcuts(): void;
  /** wheelHint says how to zoom, after a plain wheel that scrolls the page. */
  wheelHint(): void;
}

type Point = { x: number; y: number };

/** KEYS names what each key does on the focused canvas (shortcuts.ts
 * lists them for people; a test checks the two agree). */
export const KEYS = {
  "+": "zoom in", "=": "zoom in", "-": "zoom out", _: "zoom out",
  "0": "fit", f: "fit", F: "fit",
  ArrowLeft: "earlier", ArrowRight: "later", ArrowUp: "lane up", ArrowDown: "lane down",
  PageUp: "page up", PageDown: "page down", Escape: "clear range", "/": "filter", "?": "shortcuts",
} as const;

/** attach listens on canvas and returns the function that stops. */
export function attach(canvas: HTMLCanvasElement, host: Host): () => void {
  const it = new Interaction(canvas, host);
  const on: [string, (e: never) => void][] = [
    ["wheel", it.wheel], ["pointerdown", it.down], ["pointermove", it.move], ["pointerup", it.up],
    ["pointercancel", it.cancel], ["pointerleave", it.leave], ["keydown", it.key], ["dblclick", it.dblclick],
  ];
  for (const [type, fn] of on) canvas.addEventListener(type, fn as EventListener, type === "wheel" ? { passive: false } : undefined);
  return () => {
    for (const [type, fn] of on) canvas.removeEventListener(type, fn as EventListener);
  };
}

// Interaction holds the state of a drag, range selection or pinch.
class Interaction {
  private pointers = new Map<number, Point>();
  private drag: (Point & { moved: boolean; select: number | null }) | null = null;
  private pinch = 0;

  constructor(private canvas: HTMLCanvasElement, private host: Host) {}

  private local(e: MouseEvent): Point {
    const r = this.canvas.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  }

  private timeAt(x: number): number {
    const v = this.host.view(), p = this.host.plot();
    return v.t0 + ((Math.max(x, p.x) - p.x) * (v.t1 - v.t0)) / p.w;
  }

  private zoomAt(factor: number, x: number): void {
    this.host.setView(zoomView(this.host.view(), factor, this.timeAt(x), this.host.end()));
  }

  private panTime(dx: number): void {
    const v = this.host.view(), dt = (-dx * (v.t1 - v.t0)) / this.host.plot().w;
    this.host.setView(shiftView(v, dt, this.host.end()));
  }

  wheel = (e: WheelEvent): void => {
    const scale = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
    let dx = e.deltaX * scale, dy = e.deltaY * scale;
    if (e.shiftKey && dx === 0) [dx, dy] = [dy, 0];
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      this.zoomAt(Math.exp(dy * 0.01), this.local(e).x);
    } else if (Math.abs(dx) > Math.abs(dy)) {
      e.preventDefault();
      this.panTime(-dx);
    } else if (dy !== 0 && !this.host.canScroll(dy)) {
      this.host.wheelHint();
    }
  };

  down = (e: PointerEvent): void => {
    if (e.button !== 0) return;
    this.canvas.setPointerCapture?.(e.pointerId);
    const p = this.local(e);
    this.pointers.set(e.pointerId, p);
    if (this.pointers.size === 2) this.pinch = spread(this.pointers);
    const select = e.shiftKey && p.x >= this.host.plot().x ? this.timeAt(p.x) : null;
    this.drag = { ...p, moved: false, select };
  };

  // move pinches with two pointers, selects or drags with one, else hovers.
  move = (e: PointerEvent): void => {
    const p = this.local(e);
    if (this.pointers.has(e.pointerId)) this.pointers.set(e.pointerId, p);
    if (this.pointers.size === 2 && this.pinch > 0) {
      const d = spread(this.pointers);
      const mid = [...this.pointers.values()].reduce((s, q) => s + q.x / 2, 0);
      if (d > 0) this.zoomAt(this.pinch / d, mid);
      this.pinch = d;
      if (this.drag) this.drag.moved = true;
      return;
    }
    const drag = this.drag;
    if (!drag) return this.host.hover(p.x, p.y);
    const dx = p.x - drag.x, dy = p.y - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < 4) return;
    drag.moved = true;
    this.host.leave();
    if (drag.select !== null) {
      this.host.selectRange(drag.select, this.timeAt(p.x), false);
      return;
    }
    this.panTime(dx);
    this.host.scrollBy(-dy);
    drag.x = p.x;
    drag.y = p.y;
  };

  // up ends a drag or a selection; a press that did not move is a click.
  up = (e: PointerEvent): void => {
    this.pointers.delete(e.pointerId);
    if (this.pointers.size < 2) this.pinch = 0;
    const drag = this.drag;
    if (drag && this.pointers.size === 0) {
      if (drag.select !== null && drag.moved) this.host.selectRange(drag.select, this.timeAt(this.local(e).x), true);
      else if (!drag.moved) this.host.click(drag.x, drag.y);
    }
    if (this.pointers.size === 0) this.drag = null;
  };

  // cancel forgets a gesture the browser took over (a swipe that scrolls).
  cancel = (e: PointerEvent): void => {
    this.pointers.delete(e.pointerId);
    this.pinch = 0;
    this.drag = null;
  };

  leave = (): void => this.host.leave();

  key = (e: KeyboardEvent): void => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const name = (KEYS as Record<string, string>)[e.key];
    if (!name) return;
    const { x, w, h } = this.host.plot();
    const mid = x + w / 2;
    const act: Record<string, () => boolean | void> = {
      "zoom in": () => this.zoomAt(0.8, mid), "zoom out": () => this.zoomAt(1.25, mid), fit: () => this.host.fit(),
      earlier: () => this.panTime(w / 10), later: () => this.panTime(-w / 10),
      "lane up": () => this.host.scrollBy(-ROW_H), "lane down": () => this.host.scrollBy(ROW_H),
      "page up": () => this.host.scrollBy(-h), "page down": () => this.host.scrollBy(h),
      "clear range": () => this.host.clearRange(), filter: () => this.host.focusFilter(),
      shortcuts: () => this.host.showShortcuts(),
    };
    // Escape is also the page's Stop: it is taken only to clear a range.
    if (act[name]() === false) return;
    e.preventDefault();
  };

  dblclick = (e: MouseEvent): void => {
    e.preventDefault();
    this.host.fit();
  };
}

// spread is the distance between the two active pointers.
function spread(pointers: Map<number, Point>): number {
  const [a, b] = [...pointers.values()];
  return Math.hypot(a.x - b.x, a.y - b.y);
}
