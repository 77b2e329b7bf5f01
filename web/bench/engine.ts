// The page's wasm build (dist/luaplay.wasm) in Node, driven through its
// JavaScript bridge the way the worker drives it: options as JSON, every
// batch decoded with the page's BatchDecoder, then its buffer handed back
// for a later batch, as the page's ack does.

import { readFileSync } from "node:fs";
import { runInThisContext } from "node:vm";
import { BatchDecoder } from "../src/batchcodec";
import type { RunOptions } from "../src/protocol";

interface Luaplay {
  run(source: string, options: string, onBatch: (batch: Uint8Array) => void, key: number): Promise<string>;
  buffers: ArrayBuffer[];
}

declare class Go {
  importObject: WebAssembly.Imports;
  run(instance: WebAssembly.Instance): Promise<void>;
}

/** EngineRunner runs a script to the end and returns how many events it delivered. */
export type EngineRunner = (src: string, options?: RunOptions) => Promise<number>;

/** loadEngine starts the wasm in dist (LP_DIST, default "dist"). */
export async function loadEngine(dist = process.env.LP_DIST ?? "dist"): Promise<EngineRunner> {
  runInThisContext(readFileSync(`${dist}/wasm_exec.js`, "utf8"));
  const go = new Go();
  const { instance } = await WebAssembly.instantiate(readFileSync(`${dist}/luaplay.wasm`), go.importObject);
  void go.run(instance);
  const lp = (globalThis as { luaplay?: Luaplay }).luaplay;
  if (!lp) throw new Error("the engine did not install globalThis.luaplay");
  let key = 0;
  return async (src, options = {}) => {
    const dec = new BatchDecoder();
    let events = 0;
    const onBatch = (b: Uint8Array) => {
      events += dec.decode(b).events?.length ?? 0;
      lp.buffers.push(b.buffer as ArrayBuffer);
    };
    const result = JSON.parse(await lp.run(src, JSON.stringify(options), onBatch, ++key));
    if (result.status !== "ok") throw new Error(`run ${result.status}: ${result.error}`);
    return events;
  };
}
