package luamod

import (
	lua "github.com/yuin/gopher-lua"
)

// waiter is one goroutine waiting on one channel: a plain send or
// receive, or one case of a select. The goroutine that completes the
// operation fills in v, ok, from and sender and fires the selection.
type waiter struct {
	g      *G
	sel    *selection
	idx    int // case index in the select (0 for a plain operation)
	ch     *channel
	send   bool
	v      lua.LValue // the value to send, or the value received
	from   int64
	sender int
	ok     bool // receive: got a value; send: delivered
	slot   int  // index in its queue's slots while queued
}

// selection ties the waiters of one blocked operation together: the first
// that completes wins and the others leave their queues at once.
type selection struct {
	waiters []*waiter
	fired   *waiter
}

// plainWaiter readies g's own waiter for a plain send or receive on ch.
// A goroutine blocks on one operation at a time and every queue lets go
// of the waiter before the operation returns, so one waiter per
// goroutine serves all its sends and receives without allocating.
func (g *G) plainWaiter(ch *channel, send bool, v lua.LValue, from int64) *waiter {
	g.opSel = selection{waiters: g.opList[:]}
	g.op = waiter{g: g, sel: &g.opSel, ch: ch, send: send, v: v, from: from}
	g.opList[0] = &g.op
	return &g.op
}

// waitq is a FIFO of waiters on one side of a channel. A waiter that
// leaves before its turn (the other cases of a select that fired, a
// timeout, a cancellation) is cleared from its slot at once, in O(1), so
// a select over N cases costs O(N) however many of them share a channel;
// cleared slots are skipped, and squeezed out once they are half the
// queue.
type waitq struct {
	slots   []*waiter // slots[head:] are queued, oldest first; nil: left
	head    int
	cleared int // nil slots in slots[head:]
}

// live reports whether w can still be completed: its goroutine is parked
// on this operation, not woken by a timer or cancellation meanwhile.
func (w *waiter) live() bool { return w.sel.fired == nil && w.g.state == gParked }

// push queues w at the back.
func (q *waitq) push(w *waiter) {
	if len(q.slots) == cap(q.slots) && q.head > 0 && 2*(q.head+q.cleared) >= len(q.slots) {
		q.squeeze()
	}
	w.slot = len(q.slots)
	q.slots = append(q.slots, w)
}

// pop takes the waiter at the front, skipping cleared slots.
func (q *waitq) pop() *waiter {
	for q.head < len(q.slots) {
		w := q.slots[q.head]
		q.slots[q.head] = nil
		q.head++
		if w != nil {
			q.reset()
			return w
		}
		q.cleared--
	}
	q.reset()
	return nil
}

// reset rewinds an emptied queue to the start of its array.
func (q *waitq) reset() {
	if q.head == len(q.slots) {
		q.slots, q.head, q.cleared = q.slots[:0], 0, 0
	}
}

// dequeue pops the first waiter that can still be completed, dropping
// stale ones.
func (q *waitq) dequeue() *waiter {
	for {
		w := q.pop()
		if w == nil || w.live() {
			return w
		}
	}
}

// ready reports whether a waiter could be completed, without taking it.
// Stale waiters at the front are dropped on the way.
func (q *waitq) ready() bool {
	for q.head < len(q.slots) {
		if w := q.slots[q.head]; w != nil && w.live() {
			return true
		}
		q.pop()
	}
	return false
}

// remove clears w's slot, if w is still queued here.
func (q *waitq) remove(w *waiter) {
	if w.slot < q.head || w.slot >= len(q.slots) || q.slots[w.slot] != w {
		return
	}
	q.slots[w.slot] = nil
	q.cleared++
	if q.cleared > 32 && 2*q.cleared > len(q.slots)-q.head {
		q.squeeze()
	}
}

// squeeze moves the queued waiters to the front of the array, dropping
// cleared slots.
func (q *waitq) squeeze() {
	n := 0
	for _, w := range q.slots[q.head:] {
		if w != nil {
			w.slot = n
			q.slots[n] = w
			n++
		}
	}
	clear(q.slots[n:])
	q.slots, q.head, q.cleared = q.slots[:n], 0, 0
}

// fire completes w's selection: every other waiter of it leaves its queue
// and the goroutine becomes runnable, woken by by.
func (s *sched) fire(w *waiter, by int) {
	w.sel.fired = w
	s.unregister(w.sel)
	s.ready(w.g, by)
}

// unregister removes every waiter of sel from its channel's queue.
func (s *sched) unregister(sel *selection) {
	for _, x := range sel.waiters {
		if x.send {
			x.ch.sendq.remove(x)
		} else {
			x.ch.recvq.remove(x)
		}
	}
}

// curID is the id of the goroutine holding the token, 0 in a timer
// callback that runs while nobody does.
func (s *sched) curID() int {
	if s.cur == nil {
		return 0
	}
	return s.cur.id
}
