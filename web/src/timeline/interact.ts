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

/** attach listens on canvas and returns the function that stops. */
export function attach(canvas: HTMLCanvasElement, host: Host): () => void {
  const pointers = new Map<number, { x: number; y: number }>();
  let drag: { x: number; y: number; moved: boolean } | null = null;
  let pinch = 0;
  const local = (e: MouseEvent) => {
    const r = canvas.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const zoomAt = (factor: number, x: number) => {
    const v = host.view(), { w } = host.plot();
    const anchor = v.t0 + ((Math.max(x, LABEL_W) - LABEL_W) * (v.t1 - v.t0)) / w;
    host.setView(zoomView(v, factor, anchor, host.end()));
  };
  const pan = (dx: number, dy: number) => {
    const v = host.view(), { w, h } = host.plot();
    host.setView(panView(v, (-dx * (v.t1 - v.t0)) / w, -dy, host.end(), host.rowsHeight(), h));
  };

  const onWheel = (e: WheelEvent) => {
    e.preventDefault();
    const scale = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
    const dx = e.deltaX * scale, dy = e.deltaY * scale;
    if (e.shiftKey) pan(0, -dy);
    else if (Math.abs(dx) > Math.abs(dy)) pan(-dx, 0);
    else zoomAt(Math.exp(dy * (e.ctrlKey ? 0.01 : 0.0015)), local(e).x);
  };
  const onDown = (e: PointerEvent) => {
    if (e.button !== 0) return;
    canvas.setPointerCapture?.(e.pointerId);
    const p = local(e);
    pointers.set(e.pointerId, p);
    if (pointers.size === 2) pinch = spread(pointers);
    drag = { ...p, moved: false };
  };
  const onMove = (e: PointerEvent) => {
    const p = local(e);
    if (pointers.has(e.pointerId)) pointers.set(e.pointerId, p);
    if (pointers.size === 2 && pinch > 0) {
      const d = spread(pointers);
      const mid = [...pointers.values()].reduce((s, q) => s + q.x / 2, 0);
      if (d > 0) zoomAt(pinch / d, mid);
      pinch = d;
      if (drag) drag.moved = true;
      return;
    }
    if (!drag) return host.hover(p.x, p.y);
    const dx = p.x - drag.x, dy = p.y - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < 4) return;
    drag.moved = true;
    host.leave();
    pan(dx, dy);
    drag.x = p.x;
    drag.y = p.y;
  };
  const onUp = (e: PointerEvent) => {
    pointers.delete(e.pointerId);
    if (pointers.size < 2) pinch = 0;
    if (drag && !drag.moved && pointers.size === 0) host.click(drag.x, drag.y);
    if (pointers.size === 0) drag = null;
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const { w, h } = host.plot();
    const act: Record<string, () => void> = {
      "+": () => zoomAt(0.8, LABEL_W + w / 2), "=": () => zoomAt(0.8, LABEL_W + w / 2),
      "-": () => zoomAt(1.25, LABEL_W + w / 2), _: () => zoomAt(1.25, LABEL_W + w / 2),
      "0": () => host.fit(), f: () => host.fit(),
      ArrowLeft: () => pan(w / 10, 0), ArrowRight: () => pan(-w / 10, 0),
      ArrowUp: () => pan(0, ROW_H), ArrowDown: () => pan(0, -ROW_H),
      PageUp: () => pan(0, h), PageDown: () => pan(0, -h),
    };
    const fn = act[e.key];
    if (!fn) return;
    e.preventDefault();
    fn();
  };
  const onDbl = (e: MouseEvent) => {
    e.preventDefault();
    host.fit();
  };
  const onLeave = () => host.leave();

  canvas.addEventListener("wheel", onWheel, { passive: false });
  canvas.addEventListener("pointerdown", onDown);
  canvas.addEventListener("pointermove", onMove);
  canvas.addEventListener("pointerup", onUp);
  canvas.addEventListener("pointercancel", onUp);
  canvas.addEventListener("pointerleave", onLeave);
  canvas.addEventListener("keydown", onKey);
  canvas.addEventListener("dblclick", onDbl);
  return () => {
    canvas.removeEventListener("wheel", onWheel);
    canvas.removeEventListener("pointerdown", onDown);
    canvas.removeEventListener("pointermove", onMove);
    canvas.removeEventListener("pointerup", onUp);
    canvas.removeEventListener("pointercancel", onUp);
    canvas.removeEventListener("pointerleave", onLeave);
    canvas.removeEventListener("keydown", onKey);
    canvas.removeEventListener("dblclick", onDbl);
  };
}

// spread is the distance between the two active pointers.
function spread(pointers: Map<number, { x: number; y: number }>): number {
  const [a, b] = [...pointers.values()];
  return Math.hypot(a.x - b.x, a.y - b.y);
}
