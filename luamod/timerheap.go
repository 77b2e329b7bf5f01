package luamod

// timerHeap is the run's timers as a binary min-heap, ordered by time, then
// by creation; each timer knows its index, so that a stopped one can be
// removed. It is written out for *timer rather than through container/heap,
// whose interface calls (Less, Swap, Push, Pop, each through a wrapper)
// were a tenth of the page worker's CPU while a thousand sleepers woke.
type timerHeap []*timer

// before reports whether a fires before b.
func before(a, b *timer) bool {
	if a.when != b.when {
		return a.when < b.when
	}
	return a.seq < b.seq
}

func (h timerHeap) peek() *timer {
	if len(h) == 0 {
		return nil
	}
	return h[0]
}

// push adds t.
func (h *timerHeap) push(t *timer) {
	*h = append(*h, t)
	h.up(len(*h)-1, t)
}

// pop removes the first timer.
func (h *timerHeap) pop() { h.remove(0) }

// remove takes out the timer at index i, which then has index -1.
func (h *timerHeap) remove(i int) {
	old := *h
	last := len(old) - 1
	gone, moved := old[i], old[last]
	old[last] = nil
	*h = old[:last]
	gone.index = -1
	if i == last {
		return
	}
	if i > 0 && before(moved, old[(i-1)/2]) {
		h.up(i, moved)
	} else {
		h.down(i, moved)
	}
}

// up places t, which belongs at index i or above, moving its ancestors
// down until one fires before it.
func (h timerHeap) up(i int, t *timer) {
	for i > 0 {
		parent := (i - 1) / 2
		p := h[parent]
		if !before(t, p) {
			break
		}
		h[i], p.index = p, i
		i = parent
	}
	h[i], t.index = t, i
}

// down places t, which belongs at index i or below, moving the earlier of
// each pair of children up until t fires before both.
func (h timerHeap) down(i int, t *timer) {
	n := len(h)
	for {
		child := 2*i + 1
		if child >= n {
			break
		}
		if right := child + 1; right < n && before(h[right], h[child]) {
			child = right
		}
		c := h[child]
		if !before(c, t) {
			break
		}
		h[i], c.index = c, i
		i = child
	}
	h[i], t.index = t, i
}
