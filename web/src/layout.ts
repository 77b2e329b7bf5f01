// The page's panes on wide screens: the editor beside the output, the
// timeline below, with a splitter between each (kept across reloads). The
// timeline takes the height its lanes need, up to what leaves the panes
// above usable, unless the user dragged it to a height of their own. It
// never shrinks while a run refills it, so the page does not jump. On
// narrow screens the panes stack and the page scrolls.

import { createSplitter, type Splitter } from "./splitter";
import { loadLayout, saveLayout, type SavedLayout } from "./storage";

/** LayoutParts are the page's grid and panes. */
export interface LayoutParts {
  main: HTMLElement;
  editor: HTMLElement;
  run: HTMLElement;
  timeline: HTMLElement;
  /** room is called with the height the timeline component may take. */
  room?(px: number): void;
}

/** PageLayout is the layout component. */
export interface PageLayout {
  /** hold keeps the timeline pane at least as tall as it is now, until release. */
  hold(): void;
  /** release lets the pane fit the timeline again, once the timeline has
   * stopped changing size (its last frame and texts are drawn). */
  release(): void;
  update(): void;
  destroy(): void;
}

const WIDE = "(min-width: 900px)";
const MIN_COLUMN = 240; // px: the narrowest editor or output column
const MIN_TOP = 192; // px: the lowest the editor and output may get
const MIN_TIMELINE = 128; // px, the pane's CSS min-height
const SETTLE_MS = 250; // how long the timeline must stay the same size before its pane may shrink
const AUTO_SHARE = 0.6; // the most of the height the timeline takes on its own
// AUTO_FLOOR is what the timeline may take on its own however short the
// window, as long as the editor keeps MIN_TOP: its toolbar, legend and
// summary take about 270 px at 1024×768, leaving lanes for six goroutines.
const AUTO_FLOOR = 440;

/** createLayout adds the splitters to the grid and applies the saved sizes. */
export function createLayout(p: LayoutParts): PageLayout {
  const saved: SavedLayout = loadLayout();
  const wide = window.matchMedia(WIDE);
  const style = p.main.style;
  p.editor.id ||= "lp-pane-editor";
  p.timeline.id ||= "lp-pane-timeline";

  const columnsWidth = () => p.editor.offsetWidth + p.run.offsetWidth;
  const height = () => p.main.clientHeight - padding(p.main) - rowsSplitter.dom.offsetHeight;
  // timelineMax leaves the panes above MIN_TOP pixels: the most a drag gives.
  const timelineMax = () => Math.max(MIN_TIMELINE, height() - MIN_TOP);
  // autoMax is the most the timeline takes as its lanes grow.
  const autoMax = () => Math.max(MIN_TIMELINE, Math.min(timelineMax(), Math.max(AUTO_FLOOR, Math.round(height() * AUTO_SHARE))));

  const colsSplitter: Splitter = createSplitter({
    orientation: "vertical",
    label: "Resize the editor and the output",
    controls: p.editor.id,
    grows: 1,
    size: () => ({ value: p.editor.offsetWidth, min: MIN_COLUMN, max: Math.max(MIN_COLUMN, columnsWidth() - MIN_COLUMN) }),
    set(px) {
      saved.editorShare = px === null ? undefined : px / columnsWidth();
      apply();
      saveLayout(saved);
    },
  });
  const rowsSplitter: Splitter = createSplitter({
    orientation: "horizontal",
    label: "Resize the timeline",
    controls: p.timeline.id,
    grows: -1,
    size: () => ({ value: p.timeline.offsetHeight, min: MIN_TIMELINE, max: timelineMax() }),
    set(px) {
      saved.timelineHeight = px ?? undefined;
      apply();
      saveLayout(saved);
    },
  });
  p.editor.after(colsSplitter.dom);
  p.run.after(rowsSplitter.dom);

  let held = 0;
  let settle = 0;
  let room = Infinity; // the height the timeline component may take
  // The timeline's own parts change height too (its legend folds, its
  // texts fill in): it is told its room again, and a waiting release waits on.
  const content = new ResizeObserver(() => {
    p.room?.(room);
    if (settle === 0) return;
    clearTimeout(settle);
    settle = window.setTimeout(unhold, SETTLE_MS);
  });
  if (p.timeline.firstElementChild) content.observe(p.timeline.firstElementChild);
  function unhold() {
    settle = 0;
    held = 0;
    apply();
  }

  function apply() {
    const share = saved.editorShare;
    style.setProperty("--lp-left", share ? `${share}fr` : "");
    style.setProperty("--lp-right", share ? `${1 - share}fr` : "");
    const fixed = saved.timelineHeight !== undefined && wide.matches ? Math.min(saved.timelineHeight, timelineMax()) : null;
    const max = fixed ?? autoMax();
    style.setProperty("--lp-timeline-h", fixed !== null ? `${fixed}px` : "");
    p.timeline.style.maxHeight = wide.matches ? `${max}px` : "";
    p.timeline.style.minHeight = held > 0 && fixed === null && wide.matches ? `${Math.min(held, max)}px` : "";
    room = wide.matches ? max - borders(p.timeline) : Infinity;
    p.room?.(room);
    colsSplitter.update();
    rowsSplitter.update();
  }

  const ro = new ResizeObserver(() => apply());
  ro.observe(p.main);
  wide.addEventListener("change", apply);
  apply();

  return {
    hold() {
      clearTimeout(settle);
      settle = 0;
      held = p.timeline.offsetHeight;
      apply();
    },
    release() {
      clearTimeout(settle);
      settle = window.setTimeout(unhold, SETTLE_MS);
    },
    update: apply,
    destroy() {
      clearTimeout(settle);
      ro.disconnect();
      content.disconnect();
      wide.removeEventListener("change", apply);
      colsSplitter.destroy();
      rowsSplitter.destroy();
    },
  };
}

function padding(el: HTMLElement): number {
  const s = getComputedStyle(el);
  return parseFloat(s.paddingTop) + parseFloat(s.paddingBottom);
}

function borders(el: HTMLElement): number {
  const s = getComputedStyle(el);
  return parseFloat(s.borderTopWidth) + parseFloat(s.borderBottomWidth) + parseFloat(s.paddingTop) + parseFloat(s.paddingBottom);
}
