// Example header and index tests; the real files are read too, so the page
// and luamod/examples_test.go agree on what each example promises.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { parseExampleHeader, parseExampleIndex } from "../src/examples";

test("headers are the leading comment lines", () => {
  const h = parseExampleHeader("-- Title: T\n-- Expect: leak\n-- Output contains: a: b\n--\n-- Expect: later\nprint(1)\n-- Output contains: no");
  assert.deepEqual(h, { title: "T", expect: "later", contains: ["a: b"] });
});

test("index entries need a .lua file name and a title", () => {
  assert.deepEqual(parseExampleIndex([{ file: "a.lua", title: "A" }]), [{ file: "a.lua", title: "A" }]);
  assert.throws(() => parseExampleIndex({}), /not a list/);
  assert.throws(() => parseExampleIndex([{ file: "../x.lua", title: "X" }]), /entry 1/);
  assert.throws(() => parseExampleIndex([{ file: "a.lua" }]), /entry 1/);
});

test("every shipped example has a title that matches the index and an outcome", () => {
  const index = parseExampleIndex(JSON.parse(readFileSync("web/examples/index.json", "utf8")));
  assert.ok(index.length >= 15);
  for (const e of index) {
    const h = parseExampleHeader(readFileSync(`web/examples/${e.file}`, "utf8"));
    assert.equal(h.title, e.title, e.file);
    assert.match(h.expect, /^(ok|error|deadlock|leak)$/, e.file);
  }
});
