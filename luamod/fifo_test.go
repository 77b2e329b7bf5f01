package luamod

import (
	"slices"
	"testing"
)

// TestFifoOrder pushes and pops in an interleaving that makes the queue
// slide and grow, and checks the order against a plain slice.
func TestFifoOrder(t *testing.T) {
	var q fifo[int]
	var want []int
	next := 0
	for round := range 200 {
		for range round % 7 {
			q.push(next)
			want = append(want, next)
			next++
		}
		for range round % 5 {
			v, ok := q.pop()
			if len(want) == 0 {
				if ok {
					t.Fatalf("pop from an empty queue gave %d", v)
				}
				continue
			}
			if !ok || v != want[0] {
				t.Fatalf("pop = %d, %v; want %d", v, ok, want[0])
			}
			want = want[1:]
		}
		if round%11 == 0 && q.len() > 1 {
			q.removeAt(1)
			want = slices.Delete(want, 1, 2)
		}
		if !slices.Equal(q.all(), want) {
			t.Fatalf("round %d: queue %v, want %v", round, q.all(), want)
		}
	}
}

// TestFifoSteadyStateAllocs checks that a queue at its working size
// allocates nothing.
func TestFifoSteadyStateAllocs(t *testing.T) {
	var q fifo[*G]
	g := &G{}
	for range 8 {
		q.push(g)
	}
	allocs := testing.AllocsPerRun(1000, func() {
		q.pop()
		q.push(g)
	})
	if allocs != 0 {
		t.Fatalf("%v allocations per pop and push, want 0", allocs)
	}
}
