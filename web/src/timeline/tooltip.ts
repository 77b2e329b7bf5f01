// The hover tooltip: a DOM element written with textContent, showing what
// hovertext.ts says about the thing under the pointer.

/** Tooltip is the floating element that shows describe's lines. */
export class Tooltip {
  readonly dom: HTMLElement;

  constructor(doc: Document) {
    this.dom = doc.createElement("div");
    this.dom.className = "lp-tl-tooltip";
    this.dom.setAttribute("role", "tooltip");
    this.dom.dataset.testid = "timeline-tooltip";
    this.dom.hidden = true;
  }

  /** show writes lines and places the tooltip near (x, y) within a box of
   * the given size: below the pointer, or above it near the bottom. */
  show(lines: string[], x: number, y: number, width: number, height: number): void {
    const doc = this.dom.ownerDocument;
    this.dom.replaceChildren(...lines.map((text, i) => {
      const div = doc.createElement("div");
      if (i === 0) div.className = "lp-tl-tooltip-title";
      div.textContent = text;
      return div;
    }));
    this.dom.hidden = false;
    const w = this.dom.offsetWidth || 220;
    this.dom.style.left = `${Math.max(0, Math.min(x + 12, width - w - 4))}px`;
    const h = this.dom.offsetHeight || 80;
    this.dom.style.top = `${y + 14 + h <= height ? y + 14 : Math.max(0, y - h - 8)}px`;
  }

  hide(): void {
    this.dom.hidden = true;
  }
}
