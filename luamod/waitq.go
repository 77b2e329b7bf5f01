package luamod

import (
	"slices"

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

// waitq is a FIFO of waiters on one side of a channel.
type waitq struct{ fifo[*waiter] }

// live reports whether w can still be completed: its goroutine is parked
// on this operation, not woken by a timer or cancellation meanwhile.
func (w *waiter) live() bool { return w.sel.fired == nil && w.g.state == gParked }

// dequeue pops the first waiter that can still be completed, dropping
// stale ones.
func (q *waitq) dequeue() *waiter {
	for {
		w, ok := q.pop()
		if !ok {
			return nil
		}
		if w.live() {
			return w
		}
	}
}

// ready reports whether a waiter could be completed, without taking it.
func (q *waitq) ready() bool {
	for _, w := range q.all() {
		if w.live() {
			return true
		}
	}
	return false
}

func (q *waitq) remove(w *waiter) {
	if i := slices.Index(q.all(), w); i >= 0 {
		q.removeAt(i)
	}
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
