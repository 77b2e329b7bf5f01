// The lane controls under the toolbar: the filter box and one disclosure
// button per group (keyboard users open and close groups with them, as
// pointer users do by clicking a group's name on the canvas), with
// Collapse and Expand for all.

import type { Parts } from "./dom";
import type { GroupRow } from "./model";

/** GROUP_BUTTONS bounds the group buttons shown; the filter finds the rest. */
export const GROUP_BUTTONS = 24;

/** LaneHandlers receive the user's choices. */
export interface LaneHandlers {
  filter(text: string): void;
  toggle(key: string): void;
  all(collapsed: boolean): void;
}

/** LaneControls keeps the group buttons in step with the rows. */
export class LaneControls {
  private shown = "";

  constructor(private parts: Parts, h: LaneHandlers) {
    const { filter, buttons, groups } = parts;
    filter.addEventListener("input", () => h.filter(filter.value));
    buttons.collapseAll.addEventListener("click", () => h.all(true));
    buttons.expandAll.addEventListener("click", () => h.all(false));
    groups.addEventListener("click", (e) => {
      const key = (e.target as HTMLElement).closest<HTMLElement>("[data-group]")?.dataset.group;
      if (key !== undefined) h.toggle(key);
    });
    this.update([]);
  }

  /** update rewrites the group buttons when the groups changed. */
  update(list: readonly GroupRow[]): void {
    const state = list.map((g) => `${g.key}\u0000${g.collapsed}\u0000${g.lanes.length}`).join("\u0001");
    const { groups, buttons } = this.parts;
    buttons.collapseAll.hidden = buttons.expandAll.hidden = list.length === 0;
    if (state === this.shown) return;
    this.shown = state;
    const doc = groups.ownerDocument;
    const focused = (doc.activeElement as HTMLElement | null)?.dataset?.group;
    groups.replaceChildren(...list.slice(0, GROUP_BUTTONS).map((g) => {
      const b = doc.createElement("button");
      b.type = "button";
      b.className = "lp-tl-button lp-tl-group-toggle";
      b.dataset.group = g.key;
      b.setAttribute("aria-expanded", String(!g.collapsed));
      b.textContent = `${g.collapsed ? "▸" : "▾"} ${g.name} (${g.lanes.length})`;
      b.title = g.collapsed ? "Show this group's lanes" : "Show this group as one row";
      return b;
    }));
    if (list.length > GROUP_BUTTONS) {
      const more = doc.createElement("span");
      more.textContent = `and ${list.length - GROUP_BUTTONS} more groups (filter to find them)`;
      groups.append(more);
    }
    if (focused !== undefined) groups.querySelector<HTMLElement>(`[data-group="${CSS.escape(focused)}"]`)?.focus();
  }
}
