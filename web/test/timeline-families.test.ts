// State families: seventeen states and reasons fold into a few colours
// that differ in both themes, arrows contrast with all of them, the legend
// names every family and arrow, and the canvas's keys match shortcuts.ts.

import { test } from "node:test";
import assert from "node:assert/strict";
import { DARK, LIGHT } from "../src/timeline/colors";
import { FAMILIES, familyOf, isClockReason, reasonText, stateText } from "../src/timeline/families";
import { KEYS } from "../src/timeline/interact";
import { legendEntries } from "../src/timeline/legend";
import type { Span, State } from "../src/timeline/model";
import { SHORTCUTS, keyParts } from "../src/shortcuts";

const span = (state: State, reason = ""): Span => ({ start: 0, end: 1, state, reason, obj: "", line: 0, err: "" });

test("states fold into running, runnable, waiting on the clock, blocked and stuck", () => {
  assert.deepEqual(
    (["running", "runnable", "sleeping", "blocked", "stuck", "done", "failed", "cancelled"] as State[]).map((s) => familyOf(span(s))),
    ["running", "runnable", "clock", "blocked", "stuck", null, null, null]);
  assert.equal(isClockReason("sleep"), true);
  assert.equal(isClockReason("pool rate"), true);
  assert.equal(isClockReason("chan send"), false);
  assert.equal(FAMILIES.length, 5);
});

test("the tooltip keeps the exact reason", () => {
  assert.equal(stateText(span("blocked", "chan receive")), "blocked: channel receive");
  assert.equal(stateText(span("blocked", "wait group")), "blocked: wait group");
  assert.equal(stateText(span("sleeping", "sleep")), "waiting on the clock: sleep");
  assert.equal(stateText(span("stuck", "mutex")), "stuck: mutex (never woke)");
  assert.equal(reasonText("something new"), "something new");
});

test("family colours differ, and arrows differ from every bar, in both themes", () => {
  for (const p of [LIGHT, DARK]) {
    const bars = Object.values(p.family);
    assert.equal(new Set(bars).size, bars.length);
    for (const c of [p.spawn, p.wake, p.chan]) assert.ok(!bars.includes(c), c);
  }
});

test("the legend names every family, ends and every kind of arrow", () => {
  const labels = legendEntries(LIGHT).map((e) => e.label);
  for (const f of FAMILIES) assert.ok(labels.includes(f.label), f.label);
  for (const l of ["ended", "failed", "spawn", "wake-up", "channel handoff", "waits for"]) assert.ok(labels.includes(l), l);
  const blocked = legendEntries(LIGHT).find((e) => e.label === "blocked")!;
  for (const r of ["channel send", "select", "await", "wait group", "mutex", "semaphore"]) assert.match(blocked.detail, new RegExp(r));
});

test("the canvas's keys are the ones shortcuts.ts lists for the timeline", () => {
  const listed = new Set(SHORTCUTS.filter((s) => s.scope === "timeline" || s.keys.includes("?"))
    .flatMap((s) => s.keys).filter((k) => !/wheel|pinch|swipe|drag|click/.test(k)));
  const handled = new Set(Object.keys(KEYS));
  for (const k of listed) assert.ok(handled.has(k) || handled.has(k.toLowerCase()), `listed but not handled: ${k}`);
  const shown = new Set([...listed].flatMap((k) => keyParts(k, false)).map((k) => k.toLowerCase()));
  for (const k of handled) {
    const alias = { "=": "+", _: "-" }[k] ?? k;
    assert.ok(listed.has(alias) || listed.has(alias.toUpperCase()) || shown.has(alias.toLowerCase()), `handled but not listed: ${k}`);
  }
});
