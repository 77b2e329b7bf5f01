// Reading why the engine died from what the Go runtime wrote to stderr.

import { test } from "node:test";
import assert from "node:assert/strict";
import { crashNote, crashReason, EngineCrash, keepStderr, MAX_STDERR } from "../src/crash";

const dump = "\ngoroutine 14 gp=0x403340 m=0 mp=0x331240 [running]:\nruntime.throw({0x72225, 0xd})\n\truntime/panic.go:1229 +0x3\n";

test("the fatal error or panic line names the reason", () => {
  const cases: [string, string][] = [
    ["runtime: out of memory: cannot allocate 4294967296-byte block (4201480192 in use)\nfatal error: out of memory\n" + dump, "out of memory"],
    ["runtime: goroutine stack exceeds 1000000000-byte limit\nfatal error: stack overflow\n\nruntime stack:\n", "stack overflow"],
    ["fatal error: concurrent map writes\n" + dump, "concurrent map writes"],
    ["panic: runtime error: index out of range [3] with length 3\n" + dump, "runtime error: index out of range [3] with length 3"],
  ];
  for (const [stderr, want] of cases) assert.equal(crashReason(stderr, 2), want);
});

test("without those words the exit code is the reason", () => {
  assert.equal(crashReason("", 2), "the engine exited with status 2");
  assert.equal(crashReason("some text\n", 0), "the engine stopped");
  assert.equal(crashReason(""), "the engine stopped");
});

test("a long reason is cut", () => {
  const reason = crashReason(`panic: ${"x".repeat(5000)}\n`, 2);
  assert.ok(reason.length <= 201 && reason.endsWith("…"), `${reason.length} characters`);
});

test("the note says what happened and what is kept", () => {
  const note = crashNote(new EngineCrash("out of memory"));
  assert.match(note, /^The engine crashed \(out of memory\) and a fresh one was started\./);
  assert.match(note, /code, the output and the timeline so far are kept/);
});

test("keepStderr keeps the start of fd 2 and passes every write on", () => {
  const written: [number, string][] = [];
  const g = globalThis as { fs?: { writeSync(fd: number, buf: Uint8Array): number } };
  g.fs = { writeSync: (fd, buf) => (written.push([fd, new TextDecoder().decode(buf)]), buf.length) };
  try {
    const kept = keepStderr();
    const enc = (s: string) => new TextEncoder().encode(s);
    g.fs.writeSync(1, enc("out\n"));
    g.fs.writeSync(2, enc("fatal error: out of memory\n"));
    g.fs.writeSync(2, enc("y".repeat(2 * MAX_STDERR)));
    assert.equal(kept().length, MAX_STDERR);
    assert.ok(kept().startsWith("fatal error: out of memory\n"));
    assert.deepEqual(written.map(([fd]) => fd), [1, 2, 2]);
  } finally {
    delete g.fs;
  }
});
