// The worker's outbox: batches handed over while the engine runs are
// posted once the event loop runs, in order, or at a flush.

import { test } from "node:test";
import assert from "node:assert/strict";
import { maxHeld, Outbox } from "../src/outbox";

test("what is added while the thread is busy is posted when the event loop runs", async () => {
  const posted: number[] = [];
  const box = new Outbox<number>((n) => posted.push(n));
  for (let i = 1; i <= 3; i++) box.add(i);
  assert.deepEqual(posted, [], "nothing is posted before the engine gives the thread back");
  await Promise.resolve();
  assert.deepEqual(posted, [1, 2, 3]);
  box.add(4);
  await Promise.resolve();
  assert.deepEqual(posted, [1, 2, 3, 4]);
});

test("flush posts what is held at once, and the later microtask posts nothing twice", async () => {
  const posted: string[] = [];
  const box = new Outbox<string>((s) => posted.push(s));
  box.add("a");
  box.add("b");
  box.flush();
  posted.push("result");
  await Promise.resolve();
  assert.deepEqual(posted, ["a", "b", "result"]);
  box.flush();
  assert.deepEqual(posted, ["a", "b", "result"]);
});

test("a stream of batches goes maxHeld at a time while the thread stays busy", async () => {
  const posted: number[] = [];
  const box = new Outbox<number>((n) => posted.push(n));
  for (let i = 1; i < maxHeld; i++) box.add(i);
  assert.equal(posted.length, 0);
  box.add(maxHeld);
  assert.equal(posted.length, maxHeld, "the batch that fills the outbox posts them all");
  box.add(maxHeld + 1);
  assert.equal(posted.length, maxHeld);
  await Promise.resolve();
  assert.deepEqual(posted, Array.from({ length: maxHeld + 1 }, (_, i) => i + 1));
});
