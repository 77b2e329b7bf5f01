// The peers: wasmoon (Lua 5.4 compiled to wasm) and fengari (Lua 5.3 in
// JavaScript), each running a Lua source in a fresh state, as the engine
// runs each script in a fresh run.

import { LuaFactory } from "wasmoon";
// @ts-expect-error: fengari ships no types
import * as fengari from "fengari";

/** LuaRunner runs one Lua source to the end. */
export type LuaRunner = (src: string) => Promise<void>;

/** wasmoon returns a runner on wasmoon; the wasm module is compiled once. */
export async function wasmoon(): Promise<LuaRunner> {
  const factory = new LuaFactory();
  await factory.getLuaModule();
  return async (src) => {
    const lua = await factory.createEngine();
    try {
      await lua.doString(src);
    } finally {
      lua.global.close();
    }
  };
}

/** fengariRunner runs on fengari. */
export function fengariRunner(): LuaRunner {
  const { lauxlib, lualib, lua, to_luastring } = fengari;
  return async (src) => {
    const L = lauxlib.luaL_newstate();
    lualib.luaL_openlibs(L);
    if (lauxlib.luaL_loadstring(L, to_luastring(src)) !== lua.LUA_OK || lua.lua_pcall(L, 0, 0, 0) !== lua.LUA_OK) {
      throw new Error(`fengari: ${lua.lua_tojsstring(L, -1)}`);
    }
  };
}

/** The peers' forms of the engine's workloads: coroutines stand in for goroutines. */
export const peerSources = {
  fib: (n: number) => `local function fib(n) if n < 2 then return n end return fib(n-1) + fib(n-2) end\nfib(${n})`,
  /** pingpong resumes one coroutine n times, passing a value in and out. */
  pingpong: (n: number) =>
    `local co = coroutine.create(function(v) while true do v = coroutine.yield(v) end end)\n` +
    `for i = 1, ${n} do coroutine.resume(co, i) end`,
  /** spawn creates and finishes n coroutines. */
  spawn: (n: number) => `for i = 1, ${n} do coroutine.resume(coroutine.create(function() end)) end`,
};
