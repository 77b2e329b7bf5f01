// The plain editor's line tracking: a line followed through an edit.

import { test } from "node:test";
import assert from "node:assert/strict";
import { mapLine, lineOf, lineStart } from "../src/linemap";

const text = "local a = 1\nlocal b = 2\nprint(a + b)\n";

test("lines before an edit stay, lines after it move by the lines it added", () => {
  const after = text.replace("local b = 2\n", "local b = 2\nlocal c = 3\nlocal d = 4\n");
  assert.deepEqual([1, 2, 3].map((l) => mapLine(text, after, l)), [1, 2, 5]);
});

test("a line typed above the first moves every line down", () => {
  assert.deepEqual([1, 2, 3].map((l) => mapLine(text, "-- note\n" + text, l)), [2, 3, 4]);
});

test("a line edited inside keeps its place, a deleted line goes to where the deletion ends", () => {
  assert.equal(mapLine(text, text.replace("b = 2", "b = 20"), 2), 2);
  assert.deepEqual([1, 2, 3].map((l) => mapLine(text, text.replace("local b = 2\n", ""), l)), [1, 2, 2]);
});

test("an unchanged text maps every line to itself, and a line it lacks to null", () => {
  assert.deepEqual([1, 2, 3, 4].map((l) => mapLine(text, text, l)), [1, 2, 3, 4]);
  assert.equal(mapLine(text, text, 5), null);
  assert.equal(mapLine(text, text, 0), null);
});

test("lineStart and lineOf agree", () => {
  for (let l = 1; l <= 4; l++) assert.equal(lineOf(text, lineStart(text, l)), l);
  assert.equal(lineStart("", 1), 0);
  assert.equal(lineStart("one", 2), -1);
});
