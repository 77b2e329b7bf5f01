// Stylesheets of components, adopted as constructed sheets into a document
// or the shadow root a component is shown in (an embedded example): unlike
// <style> elements they need no 'unsafe-inline' in the page's
// Content-Security-Policy.

/** StyleRoot is where a component's stylesheet goes. */
export type StyleRoot = Document | ShadowRoot;

const adopted = new WeakMap<StyleRoot, Set<string>>();

/** adoptSheet adopts css into root once per name. */
export function adoptSheet(root: StyleRoot, name: string, css: string): void {
  const done = adopted.get(root) ?? new Set<string>();
  const win = ("defaultView" in root ? root : root.ownerDocument).defaultView;
  if (done.has(name) || !win) return;
  const sheet = new win.CSSStyleSheet();
  sheet.replaceSync(css);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  done.add(name);
  adopted.set(root, done);
}
