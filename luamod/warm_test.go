package luamod

import (
	"context"
	"testing"
	"time"

	lua "github.com/yuin/gopher-lua"
)

// spareSet is the spare threads, clean and dirty.
func spareSet() map[*lua.LState]bool {
	spares.mu.Lock()
	defer spares.mu.Unlock()
	set := map[*lua.LState]bool{}
	for _, th := range append(append([]*lua.LState{}, spares.clean...), spares.dirty...) {
		set[th] = true
	}
	return set
}

// Threads made while the process had no run are what the next run's
// goroutines take, and the run behaves as one that made its own.
func TestFilledSparesServeTheNextRun(t *testing.T) {
	const src = `
local wg = goroutine.wait_group()
for i = 1, 50 do wg:add(1) goroutine.spawn(function() goroutine.sleep(i) print(i) wg:done() end) end
wg:wait()
`
	DropSpares()
	_, cold := run(t, src)
	DropSpares()
	spares.fill(100)
	made := spareSet()
	if len(made) != 100 {
		t.Fatalf("fill(100) left %d spare threads", len(made))
	}
	_, warm := run(t, src)
	if after := spareSet(); len(after) != 100 {
		t.Fatalf("%d spare threads after the run, want the 100 its goroutines took back", len(after))
	}
	for th := range spareSet() {
		if !made[th] {
			t.Fatal("the run's goroutines made threads of their own")
		}
	}
	if got, want := formatEvents(warm.Trace), formatEvents(cold.Trace); got != want {
		t.Fatalf("trace on filled spares:\n%s\nwant:\n%s", got, want)
	}
}

// WarmUp builds the first run's state and fills the spares to their
// bound, and it makes nothing while a run goes on.
func TestWarmUpBuildsTheFirstRun(t *testing.T) {
	opts := testOptions(Options{Seed: 9})
	time.Sleep(2 * idleDelay) // the idle work after earlier tests' runs is done
	DropSpares()
	t.Cleanup(DropSpares)
	WarmUp(opts)
	want, _ := opts.withDefaults()
	if s := builtAhead(); s == nil || s.opts != want {
		t.Fatal("WarmUp built no state for a run with its options")
	}
	if n := len(spareSet()); n != maxSpareThreads {
		t.Fatalf("WarmUp left %d spare threads, want %d", n, maxSpareThreads)
	}

	DropSpares()
	done := make(chan Result)
	go func() {
		done <- Run(context.Background(), `goroutine.sleep(200)`, testOptions(Options{RealTime: true}), &Recorder{})
	}()
	for runs.none() {
		time.Sleep(time.Millisecond)
	}
	WarmUp(opts)
	if n := len(spareSet()); n != 0 {
		t.Fatalf("WarmUp made %d threads while a run went on", n)
	}
	if res := <-done; !res.OK() {
		t.Fatal(res.Status, res.Error)
	}
}
