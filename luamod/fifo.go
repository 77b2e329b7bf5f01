package luamod

// fifo is a first-in, first-out queue that keeps its backing array: once
// it has grown to its working size, pushes and pops allocate nothing. The
// run queue, channel buffers and channel wait queues are fifos, so a
// steady stream of handoffs makes no garbage.
type fifo[T any] struct {
	items []T // items[head:] are queued, oldest first
	head  int
}

func (q *fifo[T]) len() int { return len(q.items) - q.head }

// all returns the queued items, oldest first, without copying.
func (q *fifo[T]) all() []T { return q.items[q.head:] }

// push appends v. When the array is full and at least half of it is
// already popped, the queued items slide to the front instead of the
// array growing, which keeps every operation amortised O(1).
func (q *fifo[T]) push(v T) {
	if len(q.items) == cap(q.items) && q.head > 0 && q.head >= len(q.items)/2 {
		n := copy(q.items, q.items[q.head:])
		clear(q.items[n:])
		q.items, q.head = q.items[:n], 0
	}
	q.items = append(q.items, v)
}

// pop removes and returns the oldest item; ok is false when q is empty.
func (q *fifo[T]) pop() (v T, ok bool) {
	if q.head == len(q.items) {
		return v, false
	}
	v = q.items[q.head]
	var zero T
	q.items[q.head] = zero
	q.head++
	if q.head == len(q.items) {
		q.items, q.head = q.items[:0], 0
	}
	return v, true
}

// removeAt removes the i-th queued item (0 is the oldest).
func (q *fifo[T]) removeAt(i int) {
	i += q.head
	copy(q.items[i:], q.items[i+1:])
	var zero T
	q.items[len(q.items)-1] = zero
	q.items = q.items[:len(q.items)-1]
	if q.head == len(q.items) {
		q.items, q.head = q.items[:0], 0
	}
}
