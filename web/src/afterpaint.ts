// Deferring work until the page has drawn and is idle.

/** afterPaint calls fn once the page has drawn what it has (the output
 * is drawn on the next frame) and is idle: a run's end loads the extras
 * without delaying its output. */
export function afterPaint(fn: () => void): void {
  requestAnimationFrame(() => {
    if (typeof requestIdleCallback === "function") requestIdleCallback(fn, { timeout: 1000 });
    else setTimeout(fn, 0);
  });
}
