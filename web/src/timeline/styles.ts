// The timeline's stylesheet. The component adopts it into its document (or
// an embedded example's shadow root) once, so no stylesheet link is needed.
// Colours of the canvas itself live in colors.ts.

const CSS = `
.lp-timeline { display: flex; flex-direction: column; gap: 6px; font: 13px system-ui, sans-serif; color: inherit; }
.lp-tl-toolbar { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; }
.lp-tl-button { font: inherit; padding: 2px 10px; border: 1px solid rgba(127,127,127,0.5); border-radius: 4px;
  background: transparent; color: inherit; cursor: pointer; }
.lp-tl-button:hover:not(:disabled) { background: rgba(127,127,127,0.15); }
.lp-tl-button:disabled { opacity: 0.5; cursor: default; }
.lp-tl-button:focus-visible, .lp-tl-canvas:focus-visible { outline: 2px solid #2f7de1; outline-offset: 1px; }
.lp-tl-range { flex: 1; min-width: 12em; color: rgba(127,127,127,1); font-variant-numeric: tabular-nums; }
.lp-tl-stage { position: relative; width: 100%; min-width: 0; overflow: hidden; }
.lp-tl-canvas { display: block; touch-action: none; cursor: grab; border: 1px solid rgba(127,127,127,0.3); border-radius: 4px; }
.lp-tl-canvas:active { cursor: grabbing; }
.lp-tl-tooltip { position: absolute; z-index: 5; max-width: 360px; padding: 6px 8px; pointer-events: none;
  background: #1d2330; color: #f2f4f8; border-radius: 4px; box-shadow: 0 2px 8px rgba(0,0,0,0.3);
  font-size: 12px; line-height: 1.4; white-space: pre-wrap; overflow-wrap: anywhere; }
.lp-tl-tooltip[hidden] { display: none; }
.lp-tl-tooltip-title { font-weight: 600; }
.lp-tl-legend { display: flex; flex-wrap: wrap; gap: 4px 12px; margin: 0; padding: 0; list-style: none; font-size: 12px; }
.lp-tl-legend li { display: inline-flex; align-items: center; gap: 4px; }
.lp-tl-swatch { display: inline-block; width: 12px; height: 10px; border-radius: 2px; }
.lp-tl-swatch-line { height: 2px; }
.lp-tl-details { margin: 0; font-variant-numeric: tabular-nums; }
.lp-tl-summary p { margin: 2px 0; }
.lp-tl-table { border-collapse: collapse; font-size: 12px; font-variant-numeric: tabular-nums; }
.lp-tl-table[hidden] { display: none; }
.lp-tl-table caption { text-align: left; font-weight: 600; padding: 4px 0; }
.lp-tl-table th, .lp-tl-table td { padding: 2px 8px; border-bottom: 1px solid rgba(127,127,127,0.25); text-align: left; }
/* On a dark page (data-theme, else the system's) the tooltip turns light. */
:root[data-theme="dark"] .lp-tl-tooltip { background: #e8ecf3; color: #16181d; }
@media (prefers-color-scheme: dark) {
  :root:not([data-theme="light"]) .lp-tl-tooltip { background: #e8ecf3; color: #16181d; }
}
`;

const adopted = new WeakSet<Document | ShadowRoot>();

/** ensureStyles adopts the timeline's stylesheet into root (a document or
 * the shadow root of an embedded example) unless it is there. A constructed
 * stylesheet, unlike a <style> element, needs no 'unsafe-inline' in the
 * page's Content-Security-Policy. */
export function ensureStyles(root: Document | ShadowRoot): void {
  const win = (root instanceof ShadowRoot ? root.ownerDocument : root).defaultView;
  if (adopted.has(root) || !win) return;
  const sheet = new win.CSSStyleSheet();
  sheet.replaceSync(CSS);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  adopted.add(root);
}
