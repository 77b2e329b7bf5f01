// The timeline's stylesheet. The component adopts it into its document (or
// an embedded example's shadow root) once, so no stylesheet link is needed.
// Colours of the canvas itself live in colors.ts.

import { adoptSheet, type StyleRoot } from "../sheet";

const CSS = `
.lp-timeline { display: flex; flex-direction: column; gap: 6px; font: 13px system-ui, sans-serif; color: inherit; }
.lp-tl-toolbar, .lp-tl-lanesbar, .lp-tl-groups { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; }
.lp-tl-button { font: inherit; padding: 2px 10px; border: 1px solid rgba(127,127,127,0.5); border-radius: 4px;
  background: transparent; color: inherit; cursor: pointer; }
.lp-tl-button:hover:not(:disabled) { background: rgba(127,127,127,0.15); }
.lp-tl-button:disabled { opacity: 0.5; cursor: default; }
.lp-tl-button:focus-visible, .lp-tl-canvas:focus-visible, .lp-tl-filter:focus-visible,
.lp-tl-legend-box summary:focus-visible { outline: 2px solid #2f7de1; outline-offset: 1px; }
.lp-tl-group-toggle[aria-expanded="true"] { background: rgba(127,127,127,0.18); }
.lp-tl-range { flex: 1; min-width: 12em; color: rgba(127,127,127,1); font-variant-numeric: tabular-nums; }
.lp-tl-selection { display: inline-flex; align-items: center; gap: 4px; padding: 1px 4px 1px 8px; border-radius: 10px;
  background: rgba(0,87,217,0.14); font-variant-numeric: tabular-nums; }
.lp-tl-selection[hidden] { display: none; }
.lp-tl-selection .lp-tl-button { padding: 0 6px; border: none; }
.lp-tl-filter { font: inherit; min-width: 0; width: 16em; max-width: 100%; padding: 2px 6px; color: inherit;
  background: transparent; border: 1px solid rgba(127,127,127,0.5); border-radius: 4px; }
.lp-tl-hint { margin: 0; font-size: 12px; color: rgba(127,127,127,1); }
.lp-tl-stage { position: relative; width: 100%; min-width: 0; }
.lp-tl-scroller { overflow-x: hidden; overflow-y: auto; border: 1px solid rgba(127,127,127,0.3); border-radius: 4px; }
.lp-tl-sizer { position: relative; }
.lp-tl-canvas { display: block; position: sticky; top: 0; touch-action: pan-y; cursor: grab; }
.lp-tl-canvas:active { cursor: grabbing; }
.lp-timeline.lp-tl-is-stale .lp-tl-canvas { opacity: 0.45; filter: grayscale(0.7); cursor: default; }
.lp-tl-stale { position: absolute; top: 30px; left: 50%; transform: translateX(-50%); z-index: 4; max-width: 90%;
  padding: 4px 10px; border-radius: 4px; background: #ffe08a; color: #3b2f00; font-weight: 600; text-align: center;
  pointer-events: none; }
.lp-tl-stale[hidden] { display: none; }
.lp-tl-wheelhint { position: absolute; inset: 0; z-index: 3; display: flex; align-items: center; justify-content: center;
  padding: 8px; background: rgba(0,0,0,0.45); color: #fff; font-size: 15px; font-weight: 600; text-align: center;
  pointer-events: none; opacity: 0; transition: opacity 0.25s; }
.lp-tl-wheelhint.lp-tl-show { opacity: 1; }
.lp-tl-tooltip { position: absolute; z-index: 5; max-width: 360px; padding: 6px 8px; pointer-events: none;
  background: #1d2330; color: #f2f4f8; border-radius: 4px; box-shadow: 0 2px 8px rgba(0,0,0,0.3);
  font-size: 12px; line-height: 1.4; white-space: pre-wrap; overflow-wrap: anywhere; }
.lp-tl-tooltip[hidden] { display: none; }
.lp-tl-tooltip-title { font-weight: 600; }
.lp-tl-legend-box summary { cursor: pointer; font-size: 12px; width: max-content; }
.lp-tl-legend { display: flex; flex-wrap: wrap; gap: 4px 14px; margin: 4px 0 0; padding: 0; list-style: none; font-size: 12px; }
.lp-tl-legend li { display: inline-flex; align-items: center; gap: 4px; }
.lp-tl-legend-detail { color: rgba(127,127,127,1); }
.lp-tl-swatch { display: inline-block; width: 14px; height: 10px; border-radius: 2px; background: var(--lp-tl-swatch); }
.lp-tl-swatch-line { height: 2px; }
.lp-tl-swatch-dash { height: 0; background: none; border-top: 2px dashed var(--lp-tl-swatch); border-radius: 0; }
.lp-tl-swatch-cap { width: 2px; height: 12px; margin: 0 6px; }
.lp-tl-swatch-cross { background: none; position: relative; }
.lp-tl-swatch-cross::before, .lp-tl-swatch-cross::after { content: ""; position: absolute; left: 6px; top: -1px; width: 2px;
  height: 12px; background: var(--lp-tl-swatch); transform: rotate(45deg); }
.lp-tl-swatch-cross::after { transform: rotate(-45deg); }
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

/** ensureStyles adopts the timeline's stylesheet into root (a document or
 * the shadow root of an embedded example) unless it is there. */
export function ensureStyles(root: StyleRoot): void {
  adoptSheet(root, "timeline", CSS);
}
