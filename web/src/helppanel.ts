// The Help panel: a dialog opened by the header's ? button or F1, with
// what the page is, the words it uses, the keyboard shortcuts and the API
// reference (helpbody.ts, loaded on first open).

/** HelpPanel is the button and its dialog. */
export interface HelpPanel {
  /** button is the header's ? button. */
  button: HTMLButtonElement;
  dialog: HTMLDialogElement;
  open(): void;
  close(): void;
  destroy(): void;
}

/** createHelpPanel builds the button and the dialog; docs is the docs site's folder URL. */
export function createHelpPanel(docs: URL): HelpPanel {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "lp-btn lp-help-button";
  button.textContent = "?";
  button.setAttribute("aria-label", "Help");
  button.setAttribute("aria-keyshortcuts", "F1");
  button.title = "Help (F1)";

  const dialog = document.createElement("dialog");
  dialog.className = "lp-help";
  dialog.setAttribute("aria-labelledby", "lp-help-title");
  const head = document.createElement("div");
  head.className = "lp-help-head";
  const title = document.createElement("h1");
  title.id = "lp-help-title";
  title.textContent = "Help";
  const close = document.createElement("button");
  close.type = "button";
  close.className = "lp-btn";
  close.textContent = "Close";
  head.append(title, close);

  dialog.append(head);

  // The content is loaded and built on first open: the page starts
  // without it. A failed load says so and is tried again on the next open.
  let body: Promise<void> | null = null;
  const failed = document.createElement("p");
  failed.className = "lp-help-failed";
  const open = () => {
    body ??= import("./helpbody").then(
      (m) => {
        failed.remove();
        dialog.append(m.helpBody(docs));
      },
      (e: unknown) => {
        body = null;
        failed.textContent = `The help failed to load (${e instanceof Error ? e.message : String(e)}). Close Help and open it again to retry.`;
        dialog.append(failed);
      },
    );
    if (!dialog.open) dialog.showModal();
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== "F1") return;
    e.preventDefault();
    open();
  };
  button.addEventListener("click", open);
  close.addEventListener("click", () => dialog.close());
  // A click on the backdrop (the dialog box itself, outside its content) closes it.
  dialog.addEventListener("click", (e) => {
    if (e.target === dialog) dialog.close();
  });
  document.addEventListener("keydown", onKey);
  document.body.append(dialog);
  return {
    button,
    dialog,
    open,
    close: () => dialog.close(),
    destroy() {
      document.removeEventListener("keydown", onKey);
      dialog.remove();
      button.remove();
    },
  };
}
