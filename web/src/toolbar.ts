// The toolbar: Run, Stop, the Examples menu, Reset, Share, the Virtual time,
// grace period and trace-event limit options and the theme switch.

import type { ExampleInfo } from "./examples";
import { createNumberField } from "./numberfield";
import { defaultOptions, MAX_EVENTS, MAX_GRACE_SECONDS, validGrace, validMaxEvents, type PageOptions } from "./options";
import { YOURS, type MenuState } from "./provenance";
import type { Theme } from "./storage";

/** ToolbarHandlers receive the user's choices. */
export interface ToolbarHandlers {
  onRun(): void;
  onStop(): void;
  /** onExample opens an example's file, or the user's own code (YOURS). */
  onExample(file: string): void;
  /** onReset puts the current example back as shipped. */
  onReset(): void;
  onShare(): void;
  onOptions(o: PageOptions): void;
  onTheme(t: Theme): void;
}

/** ToolbarState is what the toolbar shows. */
export interface ToolbarState {
  running: boolean;
  /** canRun is false until the editor holds what Run would run. */
  canRun: boolean;
  options: PageOptions;
  theme: Theme;
  menu: MenuState;
  canReset: boolean;
}

/** Toolbar is the toolbar component. */
export interface Toolbar {
  dom: HTMLElement;
  setExamples(list: readonly ExampleInfo[]): void;
  update(s: ToolbarState): void;
  /** flash shows a short message next to Share (and to screen readers). */
  flash(message: string): void;
  destroy(): void;
}

function button(label: string, cls: string, onClick: () => void, keys?: string): HTMLButtonElement {
  const b = document.createElement("button");
  b.type = "button";
  b.className = `lp-btn ${cls}`;
  b.textContent = label;
  if (keys) {
    b.setAttribute("aria-keyshortcuts", keys);
    b.title = `${label} (${keys.replace("Control", "Ctrl")})`;
  }
  // aria-disabled rather than disabled: a focused button keeps the focus
  // when a run starts or ends, so keyboard use goes on where it was.
  b.addEventListener("click", () => {
    if (b.getAttribute("aria-disabled") !== "true") onClick();
  });
  return b;
}

function option(value: string, label: string): HTMLOptionElement {
  const o = document.createElement("option");
  o.value = value;
  o.textContent = label;
  return o;
}

// fitToChoice makes a select as wide as its chosen option (plus its padding
// and arrow), so the choice shows whole and the toolbar keeps its room;
// CSS caps it at the row's width.
const measure = document.createElement("canvas").getContext("2d");
function fitToChoice(select: HTMLSelectElement): void {
  const text = select.selectedOptions[0]?.textContent ?? "";
  if (!measure || !select.isConnected) return;
  const st = getComputedStyle(select);
  measure.font = st.font;
  const chrome = parseFloat(st.paddingLeft) + parseFloat(st.paddingRight) + parseFloat(st.borderLeftWidth) * 2 + 28;
  select.style.width = `${Math.ceil(measure.measureText(text).width + chrome)}px`;
}

/** createToolbar builds the toolbar; setExamples fills the menu later. */
export function createToolbar(h: ToolbarHandlers): Toolbar {
  const dom = document.createElement("div");
  dom.className = "lp-toolbar";

  const run = button("Run", "lp-btn-run", () => h.onRun(), "Control+Enter");
  const stop = button("Stop", "lp-btn-stop", () => h.onStop(), "Escape");

  const examples = document.createElement("select");
  examples.className = "lp-select lp-examples";
  examples.setAttribute("aria-label", "Examples");
  examples.append(option("", "Examples…"));
  examples.addEventListener("change", () => {
    fitToChoice(examples);
    if (examples.value) h.onExample(examples.value);
  });

  const reset = button("Reset", "lp-btn-reset", () => h.onReset());
  reset.title = "Put the example back as it was (Ctrl+Z or Examples → Your code brings your code back)";
  const share = button("Share", "lp-btn-share", () => h.onShare());
  share.title = "Copy a link with this code";

  let options: PageOptions = { ...defaultOptions };
  const virtual = document.createElement("input");
  virtual.type = "checkbox";
  virtual.id = "lp-virtual-time";
  virtual.addEventListener("change", () => h.onOptions({ ...options, virtualTime: virtual.checked }));
  const virtualLabel = document.createElement("label");
  virtualLabel.className = "lp-check";
  virtualLabel.htmlFor = virtual.id;
  virtualLabel.title = "Reproducible runs on a simulated clock; off: sleeps take real time";
  virtualLabel.append(virtual, document.createTextNode(" Virtual time"));

  const grace = createNumberField({
    id: "lp-grace",
    label: "Grace (s)",
    title: "Seconds of run clock the other goroutines get once main has ended; then the run stops them and says what each was doing",
    min: 0.001,
    max: MAX_GRACE_SECONDS,
    step: "any",
    valid: validGrace,
    current: () => options.graceSeconds,
    onChange: (n) => h.onOptions({ ...options, graceSeconds: n }),
  });
  const maxEvents = createNumberField({
    id: "lp-max-events",
    label: "Max events",
    title: "Trace events a run may record before it stops with a limit error",
    min: 1,
    max: MAX_EVENTS,
    step: "1",
    valid: validMaxEvents,
    current: () => options.maxEvents,
    onChange: (n) => h.onOptions({ ...options, maxEvents: n }),
  });

  // The limits are set seldom: they wait in a disclosure, so the toolbar
  // keeps room for the Examples menu.
  const limits = document.createElement("details");
  limits.className = "lp-limits";
  const limitsSummary = document.createElement("summary");
  limitsSummary.className = "lp-btn lp-limits-summary";
  limitsSummary.textContent = "Limits";
  limitsSummary.title = "The run's grace period and trace-event limit";
  const limitsPanel = document.createElement("div");
  limitsPanel.className = "lp-limits-panel";
  limitsPanel.append(grace.label, maxEvents.label);
  limits.append(limitsSummary, limitsPanel);
  const closeLimits = (e: Event) => {
    if (limits.open && !limits.contains(e.target as Node)) limits.open = false;
  };
  const escapeLimits = (e: KeyboardEvent) => {
    if (e.key === "Escape" && limits.open) {
      limits.open = false;
      limitsSummary.focus();
    }
  };
  document.addEventListener("pointerdown", closeLimits);
  limits.addEventListener("keydown", escapeLimits);

  const theme = document.createElement("select");
  theme.className = "lp-select lp-theme";
  theme.setAttribute("aria-label", "Theme");
  theme.append(option("system", "Theme: system"), option("light", "Theme: light"), option("dark", "Theme: dark"));
  theme.addEventListener("change", () => h.onTheme(theme.value as Theme));

  const message = document.createElement("span");
  message.className = "lp-toolbar-msg";
  message.setAttribute("aria-live", "polite");
  let clearTimer = 0;

  const group = (...els: HTMLElement[]) => {
    const g = document.createElement("div");
    g.className = "lp-toolbar-group";
    g.append(...els);
    return g;
  };
  dom.append(group(run, stop), group(examples, reset, share, message), group(virtualLabel, limits, theme));

  let list: readonly ExampleInfo[] = [];
  let offersYours: boolean | null = null;
  // fillMenu lists the examples after the placeholder or "Your code".
  function fillMenu(yours: boolean) {
    offersYours = yours;
    const first = yours ? option(YOURS, "Your code") : option("", "Examples…");
    examples.replaceChildren(first, ...list.map((e) => option(e.file, e.title)));
  }

  return {
    dom,
    setExamples(l) {
      list = l;
      fillMenu(offersYours ?? false);
    },
    update(s) {
      run.setAttribute("aria-disabled", String(s.running || !s.canRun));
      stop.setAttribute("aria-disabled", String(!s.running));
      options = s.options;
      virtual.checked = s.options.virtualTime;
      grace.show(s.options.graceSeconds);
      maxEvents.show(s.options.maxEvents);
      theme.value = s.theme;
      if (s.menu.yours !== offersYours) fillMenu(s.menu.yours);
      examples.value = [...examples.options].some((o) => o.value === s.menu.value) ? s.menu.value : examples.options[0].value;
      fitToChoice(examples);
      reset.setAttribute("aria-disabled", String(!s.canReset));
    },
    flash(text) {
      message.textContent = text;
      clearTimeout(clearTimer);
      clearTimer = window.setTimeout(() => (message.textContent = ""), 4000);
    },
    destroy() {
      clearTimeout(clearTimer);
      document.removeEventListener("pointerdown", closeLimits);
      dom.remove();
    },
  };
}
