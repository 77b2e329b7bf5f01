package main

import (
	"context"
	"fmt"
	"sync"

	lua "github.com/yuin/gopher-lua"

	"luaplay/luamod"
)

// The Lua side of each workload. The same sources, written for
// coroutines where the peers lack goroutines, run in wasmoon and fengari
// (web/bench/peers.ts).

// pingPongSrc makes n round trips between main and one goroutine over two
// unbuffered channels.
func pingPongSrc(n int) string {
	return fmt.Sprintf(`
local ping, pong = goroutine.channel(), goroutine.channel()
goroutine.spawn(function()
  for i = 1, %d do pong:send(ping:receive()) end
end)
for i = 1, %[1]d do ping:send(i); pong:receive() end
`, n)
}

// spawnJoinSrc spawns n goroutines that each end at once and waits for all.
func spawnJoinSrc(n int) string {
	return fmt.Sprintf(`
local wg = goroutine.wait_group()
for i = 1, %d do
  wg:add(1)
  goroutine.spawn(function() wg:done() end)
end
wg:wait()
`, n)
}

// fibSrc computes fib(n) recursively.
func fibSrc(n int) string {
	return fmt.Sprintf(`
local function fib(n) if n < 2 then return n end return fib(n-1) + fib(n-2) end
fib(%d)
`, n)
}

// engineOptions let a workload of n items run to the end: the defaults
// stop 100k goroutines or a 100k ping-pong's 600k events.
func engineOptions(n int) luamod.Options {
	return luamod.Options{MaxGoroutines: n + 100, MaxEvents: 10*n + 1000, WallTimeout: luamod.Millis(10 * 60e9)}
}

// runEngine runs src as a run whose events go to sink, and fails loudly:
// a benchmark of a run that failed would measure nothing.
func runEngine(src string, opts luamod.Options, sink luamod.Sink) {
	if res := luamod.Run(context.Background(), src, opts, sink); !res.OK() {
		panic(fmt.Sprintf("luabench: run %s: %s", res.Status, res.Error))
	}
}

// runPlainLua runs src in plain gopher-lua: default options, no context.
func runPlainLua(src string) {
	L := lua.NewState()
	defer L.Close()
	if err := L.DoString(src); err != nil {
		panic(err)
	}
}

// runPlainLuaContext runs src in plain gopher-lua with a context whose
// Done never fires and costs nothing to ask: gopher-lua then selects on
// Done before every instruction, the engine's only way to preempt, stop
// or time out a run. What that alone costs is the floor under the
// engine's compute ratio.
func runPlainLuaContext(src string) {
	L := lua.NewState()
	defer L.Close()
	L.SetContext(neverDone{context.Background()})
	if err := L.DoString(src); err != nil {
		panic(err)
	}
}

// neverDone is a context whose Done is a nil channel, returned at once.
type neverDone struct{ context.Context }

func (neverDone) Done() <-chan struct{} { return nil }

// goPingPong is pingPongSrc in Go, on channels of any.
func goPingPong(n int) {
	ping, pong := make(chan any), make(chan any)
	go func() {
		for range n {
			pong <- <-ping
		}
	}()
	for i := range n {
		ping <- i
		<-pong
	}
}

// goSpawnJoin is spawnJoinSrc in Go.
func goSpawnJoin(n int) {
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go wg.Done()
	}
	wg.Wait()
}

// discard is a Sink that drops everything, as a run whose trace nobody
// reads; recorder keeps the trace, as the native runner and the page do.
type discard struct{}

func (discard) Output(luamod.OutputChunk) {}
func (discard) Event(luamod.Event)        {}
func (discard) Flush()                    {}

// runLuaFloor runs pingPongSrc's Lua in plain gopher-lua with channel
// methods that do nothing, one loop after the other: what the Lua side of
// the ping-pong costs before any handoff (runCoroutineFloor adds those).
func runLuaFloor(n int) {
	L := lua.NewState()
	defer L.Close()
	methods := L.SetFuncs(L.NewTable(), map[string]lua.LGFunction{
		"send":    func(L *lua.LState) int { L.Push(lua.LTrue); return 1 },
		"receive": func(L *lua.LState) int { L.Push(lua.LNumber(1)); L.Push(lua.LTrue); return 2 },
	})
	mt := L.NewTable()
	L.SetField(mt, "__index", methods)
	for _, name := range []string{"ping", "pong"} {
		ud := L.NewUserData()
		ud.Metatable = mt
		L.SetGlobal(name, ud)
	}
	src := fmt.Sprintf(`local ping, pong = ping, pong
for i = 1, %d do pong:send(ping:receive()) end
for i = 1, %[1]d do ping:send(i); pong:receive() end`, n)
	if err := L.DoString(src); err != nil {
		panic(err)
	}
}
