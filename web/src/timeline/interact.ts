// Interaction: wheel and pinch zoom, drag and arrow-key pan, fit on 0, f
// or a double click, hover and click. It turns DOM events into calls on a
// Host, which owns the view.

import { LABEL_W, ROW_H, panView, zoomView, type View } from "./view";

/** Host is what interaction needs from the component. */
export interface Host {
  view(): View;
  setView(v: View): void;
  end(): number;
  rowsHeight(): number;
  /** plot is the size of the time plot (right of the labels, under the axis). */
  plot(): { w: number; h: number };
  fit(): void;
  hover(x: number, y: number): void;
  leave(): void;
  click(x: number, y: number): void;
}

type Point = { x: number; y: number };

/** attach listens on canvas and returns the function that stops. */
export function attach(canvas: HTMLCanvasElement, host: Host): () => void {
  const it = new Interaction(canvas, host);
  const on: [string, (e: never) => void][] = [
    ["wheel", it.wheel], ["pointerdown", it.down], ["pointermove", it.move], ["pointerup", it.up],
    ["pointercancel", it.up], ["pointerleave", it.leave], ["keydown", it.key], ["dblclick", it.dblclick],
  ];
  for (const [type, fn] of on) canvas.addEventListener(type, fn as EventListener, type === "wheel" ? { passive: false } : undefined);
  return () => {
    for (const [type, fn] of on) canvas.removeEventListener(type, fn as EventListener);
  };
}

// Interaction holds the state of a drag or pinch in progress.
class Interaction {
  private pointers = new Map<number, Point>();
  private drag: (Point & { moved: boolean }) | null = null;
  private pinch = 0;

  constructor(private canvas: HTMLCanvasElement, private host: Host) {}

  private local(e: MouseEvent): Point {
    const r = this.canvas.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  }

  private zoomAt(factor: number, x: number): void {
    const v = this.host.view(), { w } = this.host.plot();
    const anchor = v.t0 + ((Math.max(x, LABEL_W) - LABEL_W) * (v.t1 - v.t0)) / w;
    this.host.setView(zoomView(v, factor, anchor, this.host.end()));
  }

  private pan(dx: number, dy: number): void {
    const v = this.host.view(), { w, h } = this.host.plot();
    this.host.setView(panView(v, (-dx * (v.t1 - v.t0)) / w, -dy, this.host.end(), this.host.rowsHeight(), h));
  }

  // wheel zooms around the pointer (a pinch on a touchpad arrives as a
  // wheel with ctrlKey); a sideways wheel pans; shift+wheel scrolls lanes.
  wheel = (e: WheelEvent): void => {
    e.preventDefault();
    const scale = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
    const dx = e.deltaX * scale, dy = e.deltaY * scale;
    if (e.shiftKey) this.pan(0, -dy);
    else if (Math.abs(dx) > Math.abs(dy)) this.pan(-dx, 0);
    else this.zoomAt(Math.exp(dy * (e.ctrlKey ? 0.01 : 0.0015)), this.local(e).x);
  };

  down = (e: PointerEvent): void => {
    if (e.button !== 0) return;
    this.canvas.setPointerCapture?.(e.pointerId);
    const p = this.local(e);
    this.pointers.set(e.pointerId, p);
    if (this.pointers.size === 2) this.pinch = spread(this.pointers);
    this.drag = { ...p, moved: false };
  };

  // move pinches with two pointers, drags with one, else hovers.
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
    this.pan(dx, dy);
    drag.x = p.x;
    drag.y = p.y;
  };

  // up ends a drag; a press that did not move is a click.
  up = (e: PointerEvent): void => {
    this.pointers.delete(e.pointerId);
    if (this.pointers.size < 2) this.pinch = 0;
    if (this.drag && !this.drag.moved && this.pointers.size === 0) this.host.click(this.drag.x, this.drag.y);
    if (this.pointers.size === 0) this.drag = null;
  };

  leave = (): void => this.host.leave();

  key = (e: KeyboardEvent): void => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const { w, h } = this.host.plot();
    const mid = LABEL_W + w / 2;
    const act: Record<string, () => void> = {
      "+": () => this.zoomAt(0.8, mid), "=": () => this.zoomAt(0.8, mid),
      "-": () => this.zoomAt(1.25, mid), _: () => this.zoomAt(1.25, mid),
      "0": () => this.host.fit(), f: () => this.host.fit(),
      ArrowLeft: () => this.pan(w / 10, 0), ArrowRight: () => this.pan(-w / 10, 0),
      ArrowUp: () => this.pan(0, ROW_H), ArrowDown: () => this.pan(0, -ROW_H),
      PageUp: () => this.pan(0, h), PageDown: () => this.pan(0, -h),
    };
    const fn = act[e.key];
    if (!fn) return;
    e.preventDefault();
    fn();
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
