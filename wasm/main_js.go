//go:build js

package main

import (
	"syscall/js"

	"luaplay/luamod"
)

// main installs globalThis.luaplay and keeps the program alive: the worker
// calls into it for as long as the page needs the engine. The bridge's
// functions therefore live, unreleased, until the worker is terminated.
// Until the first run, the engine builds what runs reuse (luamod.WarmUp),
// for a run with the engine's default options, which are the page's
// (web/src/options.ts).
func main() {
	luamod.TuneGC(2 * luamod.DefaultMaxMemory)
	var b bridge
	b.install(js.Global(), "luaplay")
	luamod.WarmUp(luamod.Options{})
	select {}
}
