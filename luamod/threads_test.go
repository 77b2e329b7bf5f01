package luamod

import (
	"runtime"
	"testing"
	"time"

	lua "github.com/yuin/gopher-lua"
)

// The spare threads' registry size is read at offsets found through
// reflection: with the pinned gopher-lua they must be found, or no thread
// would ever be kept, and the size read must follow the registry's growth.
func TestRegistrySizeIsRead(t *testing.T) {
	th, _ := newRoot().NewThread()
	if got := registrySize(th); got != threadRegistry {
		t.Fatalf("registry size %d, want %d", got, threadRegistry)
	}
	for i := 0; i < 3*threadRegistry; i++ {
		th.Push(lua.LNumber(i))
	}
	if got := registrySize(th); got < 3*threadRegistry {
		t.Fatalf("registry size %d after %d pushes", got, 3*threadRegistry)
	}
}

// A run takes the threads an earlier run left: its goroutines see their
// own run's globals only, and its trace is the one a fresh process gives.
func TestSpareThreadsSeeOnlyTheirRun(t *testing.T) {
	DropSpares()
	const src = `
local wg = goroutine.wait_group()
for i = 1, 50 do
  wg:add(1)
  goroutine.spawn(function() print(i, seen) seen = i wg:done() end)
end
wg:wait()
`
	_, fresh := run(t, src)
	if spareCount() == 0 {
		t.Fatal("the run left no spare thread")
	}
	_, warm := run(t, src)
	if warm.Stdout.String() != fresh.Stdout.String() {
		t.Fatalf("output with spare threads:\n%s\nwant:\n%s", warm.Stdout.String(), fresh.Stdout.String())
	}
	if got, want := formatEvents(warm.Trace), formatEvents(fresh.Trace); got != want {
		t.Fatalf("trace with spare threads differs:\n%s\nwant:\n%s", got, want)
	}
}

// Once tidied, the spares keep nothing of the run that used them alive:
// the stale call frames of its goroutines pointed at its globals.
func TestTidySparesFreeTheirRun(t *testing.T) {
	DropSpares()
	before := heapNow()
	res, rec := run(t, `
big = string.rep("x", 32 * 1024 * 1024)
local wg = goroutine.wait_group()
for i = 1, 20 do
  wg:add(1)
  goroutine.spawn(function() local b = #big wg:done() end)
end
wg:wait()
`)
	if !res.OK() {
		t.Fatalf("run failed: %s\n%s", res.Error, rec.Stderr.String())
	}
	spares.tidy()
	if n := spareCount(); n == 0 {
		t.Fatal("the run left no spare thread")
	}
	runtime.GC() // gopher-lua's pool of call frames drops them at the second
	if grown := int64(heapNow()) - int64(before); grown > 16<<20 {
		t.Fatalf("the heap kept %d MiB after the run", grown>>20)
	}
}

// A thread whose registry grew for a deep call is not kept.
func TestSparesLeaveGrownThreads(t *testing.T) {
	DropSpares()
	_, rec := run(t, `
local function deep(n) if n == 0 then return 0 end return 1 + deep(n - 1) end
goroutine.spawn(function() print(deep(500)) end)
`)
	if rec.Stdout.String() != "500\n" {
		t.Fatalf("stdout %q", rec.Stdout.String())
	}
	if n := spareCount(); n != 0 {
		t.Fatalf("%d spare threads kept, want none", n)
	}
}

func spareCount() int {
	spares.mu.Lock()
	defer spares.mu.Unlock()
	return len(spares.clean) + len(spares.dirty)
}

// With no run going on, the spares are tidied on their own.
func TestSparesAreTidiedWhenIdle(t *testing.T) {
	DropSpares()
	run(t, `
local wg = goroutine.wait_group()
wg:add(1)
goroutine.spawn(function() wg:done() end)
wg:wait()`)
	deadline := time.Now().Add(5 * time.Second)
	for dirtySpares() > 0 && time.Now().Before(deadline) {
		time.Sleep(idleDelay)
	}
	if n := dirtySpares(); n > 0 {
		t.Fatalf("%d spare threads still dirty", n)
	}
	if spareCount() == 0 {
		t.Fatal("the run left no spare thread")
	}
}

func dirtySpares() int {
	spares.mu.Lock()
	defer spares.mu.Unlock()
	return len(spares.dirty)
}
