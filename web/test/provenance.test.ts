// Provenance tests: when code counts as the user's, what the Examples menu
// shows, and what a replacement sets aside.

import { test } from "node:test";
import assert from "node:assert/strict";
import { canReset, isOwn, menuState, replaced, YOURS, type Provenance } from "../src/provenance";

const example: Provenance = { example: "a.lua", pristine: "print(1)", yours: null };

test("code is the user's once it differs from the example, or has none", () => {
  assert.equal(isOwn(example, "print(1)"), false);
  assert.equal(isOwn(example, "print(2)"), true);
  assert.equal(isOwn({ ...example, pristine: null }, "print(1)"), true);
  assert.equal(isOwn({ example: "", pristine: null, yours: null }, "x"), true);
  assert.equal(isOwn({ example: "", pristine: null, yours: null }, "  \n"), false);
});

test("the menu shows Your code for edits, and offers it while it is set aside", () => {
  assert.deepEqual(menuState(example, "print(1)"), { value: "a.lua", yours: false });
  assert.deepEqual(menuState(example, "print(2)"), { value: YOURS, yours: true });
  assert.deepEqual(menuState({ ...example, yours: "mine" }, "print(1)"), { value: "a.lua", yours: true });
  assert.equal(canReset(example, "print(1)"), false);
  assert.equal(canReset(example, "print(2)"), true);
});

test("a replacement sets the user's own code aside, and keeps what it had otherwise", () => {
  const next = { example: "b.lua", pristine: "print(3)" };
  assert.equal(replaced(example, "mine", "print(3)", next).yours, "mine");
  assert.equal(replaced({ ...example, yours: "older" }, "print(1)", "print(3)", next).yours, "older");
  // The same code again (a shared link of the draft itself) sets nothing aside.
  const shared = { example: "", pristine: null, yours: "draft" };
  assert.equal(replaced(shared, "code", "code", { example: "", pristine: null }).yours, "draft");
});
