// When the engine dies under a run (wasm out of memory, a Go fatal error):
// the worker keeps the start of what the Go runtime writes to stderr, whose
// first "fatal error:" or "panic:" line says why; the runner fails the run
// with an EngineCrash and starts a fresh worker; the page says so in words.

import { cancelledResult } from "./protocol";
import type { RunResult } from "./trace";

/** EngineCrash is how a run ends when the engine's worker died under it. */
export class EngineCrash extends Error {
  constructor(readonly reason: string) {
    super(`the engine crashed (${reason})`);
    this.name = "EngineCrash";
  }
}

/** MAX_STDERR is how much of Go's stderr the worker keeps: the reason comes
 * first, a dump of every goroutine's stack follows. */
export const MAX_STDERR = 4096;

const MAX_REASON = 200;

/** crashReason reads why the Go program ended from the start of its stderr
 * and its exit code: "out of memory", "stack overflow", a panic's message. */
export function crashReason(stderr: string, code?: number): string {
  for (const line of stderr.split("\n")) {
    const m = /^(?:fatal error|panic): (.+)$/.exec(line.trim());
    if (m) return m[1].length > MAX_REASON ? `${m[1].slice(0, MAX_REASON)}…` : m[1];
  }
  return code ? `the engine exited with status ${code}` : "the engine stopped";
}

/** crashNote is what the output pane says after a crash, below the output so far. */
export function crashNote(crash: EngineCrash): string {
  return `The engine crashed (${crash.reason}) and a fresh one was started. ` +
    "Your code, the output and the timeline so far are kept: press Run to try again.";
}

/** STUCK_GRACE_MS is how long past its wall limit the runner waits for a
 * run's result before it replaces the worker: one Lua instruction cannot
 * be interrupted, and every run ends within its wall limit plus a second. */
export const STUCK_GRACE_MS = 1000;

/** stuckResult is the result of a run whose engine was stuck in one
 * instruction past its wall limit of wallMs, in the engine's words. */
export function stuckResult(wallMs: number): RunResult {
  const limit = wallMs < 1000 ? `${wallMs}ms` : `${wallMs / 1000}s`;
  const error = `limit exceeded: wall time (${limit}); the engine was stuck in one instruction and was restarted`;
  return { ...cancelledResult(error), status: "limit" };
}

/** GoFS is the part of Go's JavaScript glue (wasm_exec.js) that the
 * runtime writes through: globalThis.fs.writeSync(fd, bytes). */
interface GoFS {
  writeSync(fd: number, buf: Uint8Array): number;
}

/** keepStderr makes Go's glue also keep the first MAX_STDERR characters
 * written to stderr (fd 2); the returned function reads them. Call it after
 * wasm_exec.js has installed globalThis.fs. */
export function keepStderr(): () => string {
  let kept = "";
  const fs = (globalThis as { fs?: GoFS }).fs;
  if (!fs) return () => kept;
  const write = fs.writeSync.bind(fs);
  const decoder = new TextDecoder();
  fs.writeSync = (fd, buf) => {
    if (fd === 2 && kept.length < MAX_STDERR) kept += decoder.decode(buf).slice(0, MAX_STDERR - kept.length);
    return write(fd, buf);
  };
  return () => kept;
}
