// The example index: its shape, and the shipped examples' entries (their
// promises are kept by luamod/examples_test.go and e2e/page.spec.ts).

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { parseExampleIndex } from "../src/examples";

test("index entries need a .lua file name and a title; promises are optional", () => {
  assert.deepEqual(parseExampleIndex([{ file: "a.lua", title: "A" }]), [{ file: "a.lua", title: "A", contains: [] }]);
  assert.deepEqual(parseExampleIndex([{ file: "a.lua", title: "A", expect: "leak", contains: ["x", 3] }]),
    [{ file: "a.lua", title: "A", expect: "leak", contains: ["x"] }]);
  assert.equal(parseExampleIndex([{ file: "a.lua", title: "A", expect: "maybe" }])[0].expect, undefined);
  assert.throws(() => parseExampleIndex({}), /not a list/);
  assert.throws(() => parseExampleIndex([{ file: "../x.lua", title: "X" }]), /entry 1/);
  assert.throws(() => parseExampleIndex([{ file: "a.lua" }]), /entry 1/);
});

test("every shipped example promises an outcome and opens without test metadata", () => {
  const index = parseExampleIndex(JSON.parse(readFileSync("web/examples/index.json", "utf8")));
  assert.ok(index.length >= 15);
  for (const e of index) {
    assert.ok(e.expect, `${e.file}: index.json gives no expect`);
    const src = readFileSync(`web/examples/${e.file}`, "utf8");
    assert.doesNotMatch(src, /^--\s*(Title|Expect|Output contains)\s*:/m, e.file);
  }
});
