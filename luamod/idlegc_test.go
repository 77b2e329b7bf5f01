package luamod

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// garbage keeps the compiler from dropping the allocations of the tests.
var garbage []byte

// gcCycles counts the collections the process has completed.
func gcCycles() uint64 { return heapStats().cycles }

// A real-time wait with nothing to do collects when the heap is past half
// way to the next collection, which would otherwise start while the next
// goroutines start; the run behaves the same.
func TestIdleWaitCollects(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	gcRate.Store(0) // what an earlier test's collection took does not count
	h := fillToDue(t)
	before := gcCycles()
	// Long enough for the next run's state, built first in the same wait
	// (ahead.go), on a loaded machine under GOOS=js.
	wait := max(time.Second, 4*gcTime(h.live))
	res, rec := run(t, fmt.Sprintf(`goroutine.sleep(%d) print("woke")`, wait.Milliseconds()), Options{RealTime: true})
	if !res.OK() || rec.Stdout.String() != "woke\n" {
		t.Fatalf("run: %s %s, output %q", res.Status, res.Error, rec.Stdout.String())
	}
	if gcCycles() == before {
		t.Errorf("no collection during a %v wait with the heap at %d of %d bytes (%d live)", wait, h.objects, h.goal, h.live)
	}
}

// A wait too short for what a collection is expected to take leaves it.
func TestShortWaitLeavesCollection(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	defer gcRate.Store(gcRate.Load())
	h := fillToDue(t)
	gcRate.Store(int64(h.live)) // a second for the live heap
	before := gcCycles()
	if collectIfDue(1500*time.Millisecond) || gcCycles() != before {
		t.Errorf("a collection expected to take a second was made in a wait of 1.5 s")
	}
	gcRate.Store(int64(h.live) * 10)
	if !collectIfDue(1500*time.Millisecond) || gcCycles() == before {
		t.Errorf("a collection expected to take 100 ms was not made in a wait of 1.5 s")
	}
}

// fillToDue collects, then fills the heap with garbage until a collection
// is due, and returns the heap then.
func fillToDue(t *testing.T) heapState {
	t.Helper()
	runtime.GC()
	h := heapStats()
	if h.goal <= h.live || h.live == 0 {
		t.Skipf("no room before the next collection (live %d, goal %d)", h.live, h.goal)
	}
	for !gcDue(h) {
		garbage = make([]byte, 64<<10)
		h = heapStats()
	}
	return h
}

// Right after a collection none is due, however much is live; before the
// first one, one is.
func TestGCDue(t *testing.T) {
	for _, c := range []struct {
		h    heapState
		want bool
	}{
		{heapState{10, 10, 50, 1}, false}, {heapState{29, 10, 50, 1}, false}, {heapState{30, 10, 50, 1}, true},
		{heapState{60, 10, 50, 1}, true}, {heapState{40, 40, 50, 1}, false}, {heapState{45, 40, 50, 1}, true},
		{heapState{5, 10, 50, 1}, false}, {heapState{10, 0, 0, 1}, false}, {heapState{1, 0, 50, 0}, true},
	} {
		if got := gcDue(c.h); got != c.want {
			t.Errorf("gcDue(%+v) = %v, want %v", c.h, got, c.want)
		}
	}
}
