package luamod

import (
	"context"
	"runtime"
	"strings"
	"testing"

	lua "github.com/yuin/gopher-lua"
)

const fibSrc = `
local function fib(n) if n < 2 then return n end return fib(n-1) + fib(n-2) end
fib(22)
`

// BenchmarkFibPlain is the baseline: plain gopher-lua with no context.
func BenchmarkFibPlain(b *testing.B) {
	for b.Loop() {
		L := lua.NewState()
		if err := L.DoString(fibSrc); err != nil {
			b.Fatal(err)
		}
		L.Close()
	}
}

// BenchmarkFibEngine runs the same script as a run: the counting context,
// the sandboxed libraries and the trace.
func BenchmarkFibEngine(b *testing.B) {
	for b.Loop() {
		if res := Run(context.Background(), fibSrc, Options{}, discard{}); !res.OK() {
			b.Fatal(res.Error)
		}
	}
}

// BenchmarkSpawn measures creating, running and ending one goroutine.
func BenchmarkSpawn(b *testing.B) {
	src := `for i = 1, 1000 do goroutine.spawn(function() end) end`
	for b.Loop() {
		if res := Run(context.Background(), src, Options{}, discard{}); !res.OK() {
			b.Fatal(res.Error)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*1000), "ns/spawn")
}

// BenchmarkSpawnAwait spawns goroutines one after another, so each can
// reuse the thread of the one before.
func BenchmarkSpawnAwait(b *testing.B) {
	src := `for i = 1, 1000 do goroutine.await(goroutine.async(function() end)) end`
	for b.Loop() {
		if res := Run(context.Background(), src, Options{}, discard{}); !res.OK() {
			b.Fatal(res.Error)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*1000), "ns/spawn")
}

// BenchmarkNewThread compares the heap a Lua thread holds with gopher-lua's
// default options and with the run's tuned ones.
func BenchmarkNewThread(b *testing.B) {
	for _, c := range []struct {
		name string
		opts lua.Options
	}{
		{"default", lua.Options{}},
		{"tuned", threadOptions},
	} {
		b.Run(c.name, func(b *testing.B) {
			root := lua.NewState(c.opts)
			defer root.Close()
			const n = 1000
			keep := make([]*lua.LState, n)
			var per float64
			for b.Loop() {
				before := heapNow()
				for i := range keep {
					keep[i], _ = root.NewThread()
				}
				per = float64(heapNow()-before) / n
				clear(keep)
			}
			b.ReportMetric(per, "B/thread")
		})
	}
}

func heapNow() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc + ms.StackInuse
}

// discard is a Sink that drops everything.
type discard struct{}

func (discard) Output(OutputChunk) {}
func (discard) Event(Event)        {}
func (discard) Flush()             {}

var _ = strings.Repeat

const pingPongSrc = `
local ping, pong = goroutine.channel(), goroutine.channel()
goroutine.spawn(function()
  for i = 1, 10000 do pong:send(ping:receive()) end
end)
for i = 1, 10000 do ping:send(i); pong:receive() end
`

// BenchmarkPingPong is 10k channel round trips between two goroutines.
func BenchmarkPingPong(b *testing.B) {
	for b.Loop() {
		if res := Run(context.Background(), pingPongSrc, Options{}, discard{}); !res.OK() {
			b.Fatal(res.Error)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*10000), "ns/roundtrip")
}

// BenchmarkPingPongTrace is BenchmarkPingPong keeping the trace, as the
// native runner does.
func BenchmarkPingPongTrace(b *testing.B) {
	for b.Loop() {
		if res := Run(context.Background(), pingPongSrc, Options{}, &Recorder{}); !res.OK() {
			b.Fatal(res.Error)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*10000), "ns/roundtrip")
}

// BenchmarkSleepers is the work of the page's real-time sleep row (a
// thousand goroutines that each sleep, then a wait group) on the virtual
// clock, so that only the CPU counts.
func BenchmarkSleepers(b *testing.B) {
	src := `local wg = goroutine.wait_group()
for i = 1, 1000 do wg:add(1) goroutine.spawn(function() goroutine.sleep(100) wg:done() end) end
wg:wait()`
	for b.Loop() {
		if res := Run(context.Background(), src, Options{}, discard{}); !res.OK() {
			b.Fatal(res.Error)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*1000), "ns/goroutine")
}
