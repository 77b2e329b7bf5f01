package luamod

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// The heap gives timers back in order of time, then of creation, whatever
// was pushed and removed meanwhile, and keeps every timer's index.
func TestTimerHeapOrder(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 200 {
		var h timerHeap
		var live []*timer
		seq := int64(0)
		for range r.IntN(300) {
			switch op := r.IntN(10); {
			case op < 6:
				seq++
				tm := &timer{when: int64(r.IntN(50)), seq: seq}
				h.push(tm)
				live = append(live, tm)
			case op < 8 && len(live) > 0:
				k := r.IntN(len(live))
				h.remove(live[k].index)
				if live[k].index != -1 {
					t.Fatalf("round %d: a removed timer keeps index %d", round, live[k].index)
				}
				live = slices.Delete(live, k, k+1)
			case len(h) > 0:
				first := h.peek()
				h.pop()
				live = slices.DeleteFunc(live, func(x *timer) bool { return x == first })
			}
			checkHeap(t, h)
		}
		slices.SortFunc(live, func(a, b *timer) int {
			if before(a, b) {
				return -1
			}
			return 1
		})
		for i, want := range live {
			if got := h.peek(); got != want {
				t.Fatalf("round %d: pop %d gave (%d, %d), want (%d, %d)", round, i, got.when, got.seq, want.when, want.seq)
			}
			h.pop()
		}
		if h.peek() != nil {
			t.Fatalf("round %d: %d timers left", round, len(h))
		}
	}
}

// checkHeap fails unless every timer is at its index and no child fires
// before its parent.
func checkHeap(t *testing.T, h timerHeap) {
	t.Helper()
	for i, tm := range h {
		if tm.index != i {
			t.Fatalf("timer at %d has index %d", i, tm.index)
		}
		if i > 0 && before(tm, h[(i-1)/2]) {
			t.Fatalf("timer at %d fires before its parent", i)
		}
	}
}
