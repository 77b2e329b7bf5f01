// A splitter: the bar between two panes that a pointer drags and the
// keyboard moves (arrows, Page Up/Down, Home, End; Enter or a double
// click gives the size back to the page). It follows the WAI-ARIA window
// splitter pattern: a focusable separator whose value is the size of the
// pane it controls.

/** SplitterSize is the controlled pane's size and its bounds, in pixels. */
export interface SplitterSize {
  value: number;
  min: number;
  max: number;
}

/** SplitterOptions configure a splitter. */
export interface SplitterOptions {
  /** orientation is the bar's: "vertical" sits between columns. */
  orientation: "vertical" | "horizontal";
  label: string;
  /** controls is the id of the pane whose size the splitter sets. */
  controls: string;
  /** grows is +1 when dragging right/down enlarges the pane, -1 when it shrinks it. */
  grows: 1 | -1;
  size(): SplitterSize;
  /** set gives the pane a size (already within bounds), or null for the page's own. */
  set(px: number | null): void;
}

/** Splitter is the component. */
export interface Splitter {
  dom: HTMLElement;
  /** update re-reads the size for assistive technology. */
  update(): void;
  destroy(): void;
}

const STEP = 16; // pixels per arrow key
const PAGE = 96; // pixels per Page Up/Down

/** createSplitter builds a splitter bar. */
export function createSplitter(o: SplitterOptions): Splitter {
  const dom = document.createElement("div");
  dom.className = `lp-split lp-split-${o.orientation}`;
  dom.setAttribute("role", "separator");
  dom.setAttribute("aria-orientation", o.orientation);
  dom.setAttribute("aria-label", o.label);
  dom.setAttribute("aria-controls", o.controls);
  dom.tabIndex = 0;
  dom.title = `${o.label}: drag, or focus and use the arrow keys; double-click or Enter resets`;
  const vertical = o.orientation === "vertical";

  const clamp = (v: number) => {
    const s = o.size();
    return Math.round(Math.min(s.max, Math.max(s.min, v)));
  };
  const move = (to: number) => {
    o.set(clamp(to));
    update();
  };

  let drag: { pointer: number; from: number; start: number } | null = null;
  const onDown = (e: PointerEvent) => {
    if (e.button !== 0) return;
    e.preventDefault();
    dom.setPointerCapture(e.pointerId);
    drag = { pointer: e.pointerId, from: vertical ? e.clientX : e.clientY, start: o.size().value };
    dom.classList.add("lp-split-active");
  };
  const onMove = (e: PointerEvent) => {
    if (drag?.pointer !== e.pointerId) return;
    move(drag.start + o.grows * ((vertical ? e.clientX : e.clientY) - drag.from));
  };
  const onUp = (e: PointerEvent) => {
    if (drag?.pointer !== e.pointerId) return;
    drag = null;
    dom.classList.remove("lp-split-active");
  };
  const reset = () => {
    o.set(null);
    update();
  };
  const onKey = (e: KeyboardEvent) => {
    const s = o.size();
    const less = vertical ? "ArrowLeft" : "ArrowUp";
    const more = vertical ? "ArrowRight" : "ArrowDown";
    const by: Record<string, number> = { [less]: -STEP * o.grows, [more]: STEP * o.grows, PageUp: -PAGE * o.grows, PageDown: PAGE * o.grows };
    if (e.key in by) move(s.value + by[e.key]);
    else if (e.key === "Home") move(s.min);
    else if (e.key === "End") move(s.max);
    else if (e.key === "Enter") reset();
    else return;
    e.preventDefault();
  };
  dom.addEventListener("pointerdown", onDown);
  dom.addEventListener("pointermove", onMove);
  dom.addEventListener("pointerup", onUp);
  dom.addEventListener("pointercancel", onUp);
  dom.addEventListener("dblclick", reset);
  dom.addEventListener("keydown", onKey);

  function update() {
    const s = o.size();
    dom.setAttribute("aria-valuemin", String(Math.round(s.min)));
    dom.setAttribute("aria-valuemax", String(Math.round(s.max)));
    dom.setAttribute("aria-valuenow", String(Math.round(s.value)));
  }

  return {
    dom,
    update,
    destroy() {
      dom.remove();
    },
  };
}
