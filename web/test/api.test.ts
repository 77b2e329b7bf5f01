// The API reference as the editor and the Help panel read it.

import { test } from "node:test";
import assert from "node:assert/strict";
import { ENTRIES, GLOBALS, METHODS, MODULES, SECTIONS, anchor, lookup, moduleEntries, names } from "../src/api";

test("the reference has its sections, modules and globals", () => {
  assert.ok(SECTIONS.length >= 10);
  assert.deepEqual([...MODULES].sort(), ["exec", "goroutine", "http", "log", "workflow"]);
  assert.deepEqual(GLOBALS, ["task"]);
  assert.ok(moduleEntries("goroutine").some((e) => e.name === "goroutine.spawn"));
});

test("lookup finds functions by module and methods of every type", () => {
  assert.equal(lookup("goroutine.", "spawn")[0].signature, "goroutine.spawn(fn, ...) → id");
  assert.deepEqual(lookup("goroutine.", "nope"), []);
  const done = lookup(":", "done").map((e) => e.type).sort();
  assert.deepEqual(done, ["goroutine.context", "goroutine.handle", "goroutine.wait_group"]);
  assert.equal(lookup(":", "run")[0].name, "t:command", "another name finds its entry");
  assert.equal(lookup("", "task")[0].name, "task");
});

test("names, anchors and methods", () => {
  const send = lookup(":", "send")[0];
  assert.deepEqual(names(send), ["send"]);
  assert.equal(anchor(send), "goroutine.channel:send");
  assert.equal(anchor(lookup("log.", "info")[0]), "log.info");
  assert.equal(new Set(METHODS.map((m) => m.name)).size, METHODS.length, "one completion per method name");
});

test("every entry has a signature, a summary and an example with its output", () => {
  for (const e of ENTRIES) {
    assert.ok(e.signature && e.summary && e.example.length > 0, e.name);
    assert.ok(Array.isArray(e.output), e.name);
  }
});
