// Work the page can put off until it has nothing else to do.

/** whenIdle runs fn when the window is idle (soon, where it cannot tell)
 * and returns what cancels it. */
export function whenIdle(win: Window | null, fn: () => void): () => void {
  if (!win) return () => {};
  if (typeof win.requestIdleCallback !== "function") {
    const id = win.setTimeout(fn, 200);
    return () => win.clearTimeout(id);
  }
  const id = win.requestIdleCallback(fn, { timeout: 1000 });
  return () => win.cancelIdleCallback(id);
}
