// The `?` overlay: a modal dialog listing every keyboard shortcut of the
// page (shortcuts.ts), opened by a `?` button, the `?` key on its owner,
// and (on the playground page) the `?` key anywhere outside a text field.
// Escape or Close shuts it and focus returns.

import { adoptSheet, type StyleRoot } from "./sheet";
import { renderShortcuts } from "./shortcuts";

/** ShortcutsDialog is the overlay component. */
export interface ShortcutsDialog {
  readonly dom: HTMLDialogElement;
  open(): void;
  close(): void;
  destroy(): void;
}

const CSS = `
.lp-shortcuts-dialog { max-width: min(640px, 94vw); max-height: 86vh; overflow: auto; padding: 12px 18px;
  border: 1px solid rgba(127,127,127,0.5); border-radius: 8px; background: Canvas; color: CanvasText;
  font: 14px system-ui, sans-serif; }
.lp-shortcuts-dialog::backdrop { background: rgba(0,0,0,0.4); }
.lp-shortcuts-dialog h2 { margin: 0 0 4px; font-size: 17px; }
.lp-shortcuts h3 { margin: 12px 0 4px; font-size: 14px; }
.lp-shortcuts dl { display: grid; grid-template-columns: minmax(9em, max-content) 1fr; gap: 4px 14px; margin: 0; }
.lp-shortcuts dt { white-space: nowrap; }
.lp-shortcuts dd { margin: 0; }
.lp-shortcuts kbd { display: inline-block; min-width: 1.4em; padding: 0 4px; border: 1px solid rgba(127,127,127,0.6);
  border-bottom-width: 2px; border-radius: 4px; font: 12px ui-monospace, monospace; text-align: center; }
.lp-shortcuts-close { display: flex; justify-content: flex-end; margin-top: 12px; }
.lp-shortcuts-close button { font: inherit; padding: 2px 12px; }
`;

/** isTyping tells whether a key event goes to a text field or the editor,
 * where `?` is a character. The editor lives in a shadow root, so the
 * event's first target is read, not the host it is retargeted to. */
export function isTyping(e: Event): boolean {
  const el = (e.composedPath?.()[0] ?? e.target) as HTMLElement | null;
  if (!el || typeof el.closest !== "function") return false;
  return el.isContentEditable || !!el.closest("input, textarea, select, .cm-editor");
}

/** createShortcutsDialog builds the dialog in parent, with its stylesheet
 * in root; pageKey adds the page-wide `?` key. */
export function createShortcutsDialog(parent: HTMLElement, root: StyleRoot, pageKey: boolean): ShortcutsDialog {
  const doc = parent.ownerDocument;
  adoptSheet(root, "shortcuts", CSS);
  const dialog = doc.createElement("dialog");
  dialog.className = "lp-shortcuts-dialog";
  dialog.setAttribute("aria-labelledby", "lp-shortcuts-title");
  const title = doc.createElement("h2");
  title.id = "lp-shortcuts-title";
  title.textContent = "Keyboard shortcuts";
  const form = doc.createElement("form");
  form.method = "dialog";
  form.className = "lp-shortcuts-close";
  const close = doc.createElement("button");
  close.textContent = "Close";
  form.append(close);
  dialog.append(title, renderShortcuts(doc), form);
  parent.append(dialog);
  const open = () => {
    if (!dialog.open) dialog.showModal();
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== "?" || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || isTyping(e)) return;
    e.preventDefault();
    open();
  };
  if (pageKey) doc.addEventListener("keydown", onKey);
  return {
    dom: dialog,
    open,
    close: () => dialog.close(),
    destroy() {
      doc.removeEventListener("keydown", onKey);
      dialog.remove();
    },
  };
}
