package luamod

import (
	"runtime"
	"runtime/metrics"
	"sync/atomic"
	"time"
)

// gcMinIdle is the shortest real-time wait with nothing to do in which
// collectIfDue may collect.
const gcMinIdle = 40 * time.Millisecond

// gcRate is how many bytes of live heap a collection goes through in a
// second, as the last collection collectIfDue made took, to tell whether
// the next one fits in a wait: twice its expected time must. It starts at
// defaultGCRate, a fifth of what a warm collection of the page's wasm
// managed (4 MB in about 9 ms); the first, whose code the browser had not
// optimised yet, took 100-250 ms on a loaded machine.
var gcRate atomic.Int64

const defaultGCRate = 100 << 20

// collectIfDue collects garbage now, while a real-time run waits with
// nothing to do for left, if that leaves time and the process has not collected yet or the heap has
// come past half way from what the last collection kept to the size at
// which Go starts the next one (TuneGC). Left to itself, a collection
// starts where a run allocates most, while it starts goroutines: under
// GOOS=js, where the collector has no thread of its own, the goroutines'
// allocations then pay for its marking, and what is left is marked in the
// next wait, which the wake-up cannot interrupt. In the page, the first
// collection (at 16 MB, in the second or third run of the thousand
// sleepers after the page loaded) made that run take 570 ms instead of
// about 115; it runs the collector's code for the first time, not yet
// compiled by the browser's optimizing tier, so it comes at the first
// wait long enough.
func collectIfDue(left time.Duration) bool {
	h := heapStats()
	if left < gcMinIdle || left < 2*gcTime(h.live) || !gcDue(h) {
		return false
	}
	start := time.Now()
	runtime.GC()
	if took := time.Since(start); took > 0 {
		gcRate.Store(max(int64(heapStats().live)*int64(time.Millisecond)/int64(took)*1000, 1))
	}
	return true
}

// gcTime is how long a collection of live bytes is expected to take.
func gcTime(live uint64) time.Duration {
	rate := gcRate.Load()
	if rate <= 0 {
		rate = defaultGCRate
	}
	return time.Duration(int64(live) * 1000 / rate * int64(time.Millisecond))
}

// heapState is what heapStats reads: the heap's objects (garbage not yet
// collected included), the live heap the last collection kept, the goal
// of the collector's next cycle, and how many cycles it has completed.
type heapState struct{ objects, live, goal, cycles uint64 }

// gcDue reports whether h calls for a collection: none has run yet, or
// the objects have come past half way from live to goal. Right after a
// collection that is not so, however much the run keeps.
func gcDue(h heapState) bool {
	if h.cycles == 0 {
		return true
	}
	return h.goal > h.live && h.objects-min(h.objects, h.live) >= (h.goal-h.live)/2
}

// heapStats reads the heap without stopping the world.
func heapStats() heapState {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/gc/heap/live:bytes"},
		{Name: "/gc/heap/goal:bytes"}, {Name: "/gc/cycles/total:gc-cycles"}}
	metrics.Read(sample)
	for _, v := range sample {
		if v.Value.Kind() != metrics.KindUint64 {
			return heapState{}
		}
	}
	return heapState{sample[0].Value.Uint64(), sample[1].Value.Uint64(), sample[2].Value.Uint64(), sample[3].Value.Uint64()}
}
