// The shortcut list: how chords are written for each platform, and that
// each scope has entries.

import { test } from "node:test";
import assert from "node:assert/strict";
import { SCOPE_TITLES, SHORTCUTS, isMac, keyParts, keyText } from "../src/shortcuts";

test("Mod is Ctrl, or ⌘ on a Mac; arrows and the plus key read as themselves", () => {
  assert.equal(keyText("Mod+Enter", false), "Ctrl+Enter");
  assert.equal(keyText("Mod+Enter", true), "⌘+Enter");
  assert.deepEqual(keyParts("+", false), ["+"]);
  assert.deepEqual(keyParts("Mod++", false), ["Ctrl", "+"]);
  assert.deepEqual(keyParts("Alt+ArrowUp", false), ["Alt", "↑"]);
  assert.equal(keyText("-", false), "−");
});

test("isMac reads the user agent", () => {
  assert.equal(isMac({ userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0)" }), true);
  assert.equal(isMac({ userAgent: "Mozilla/5.0 (X11; Linux x86_64)" }), false);
});

test("every scope lists shortcuts and no action is listed twice in a scope", () => {
  for (const scope of Object.keys(SCOPE_TITLES)) {
    const list = SHORTCUTS.filter((s) => s.scope === scope);
    assert.ok(list.length > 0, scope);
    assert.equal(new Set(list.map((s) => s.action)).size, list.length, scope);
  }
});
