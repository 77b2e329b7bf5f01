// Hidden set-up lines of embedded examples: split, join after edits, and
// the line numbers of messages.

import { test } from "node:test";
import assert from "node:assert/strict";
import { joinHidden, shownLines, splitHidden } from "../src/embed/hidden";

const SRC = "-- hide\nlocal x = 1\n-- show\nprint(x)\n-- hide\nlocal y = 2\n-- show\nprint(y)";

test("hidden regions are taken out and put back where they were", () => {
  const h = splitHidden(SRC);
  assert.equal(h.shown, "print(x)\nprint(y)");
  const j = joinHidden(h.shown, h.regions);
  assert.equal(j.source, SRC);
  assert.deepEqual(j.shownLine, [0, 0, 0, 0, 1, 0, 0, 0, 2]);
});

test("a region stays anchored when the shown text is edited, or goes at its end", () => {
  const h = splitHidden(SRC);
  assert.equal(joinHidden("print(x)\nprint(1)\nprint(y)", h.regions).source, "-- hide\nlocal x = 1\n-- show\nprint(x)\n-- hide\nlocal y = 2\n-- show\nprint(1)\nprint(y)");
  assert.equal(joinHidden("", h.regions).source, "-- hide\nlocal x = 1\n-- show\n\n-- hide\nlocal y = 2\n-- show");
});

test("an unclosed region hides the rest; no region changes nothing", () => {
  assert.equal(splitHidden("a\n-- hide\nb\nc").shown, "a");
  const plain = splitHidden("print(1)\nprint(2)");
  assert.deepEqual(plain.regions, []);
  assert.equal(shownLines("main.lua:2: boom", "main.lua", joinHidden(plain.shown, plain.regions)), "main.lua:2: boom");
});

test("messages count shown lines; a hidden line says so", () => {
  const h = splitHidden(SRC);
  const j = joinHidden(h.shown, h.regions);
  assert.equal(shownLines("main.lua:8: bad\nmain.lua:2: x", "main.lua", j), "main.lua:2: bad\n(set-up line 2): x");
  assert.equal(shownLines("main.lua:99: far", "main.lua", j), "main.lua:99: far");
});
