package luamod

import (
	lua "github.com/yuin/gopher-lua"
)

const channelType = "goroutine.channel"

// errSendClosed is what a send on a closed channel returns.
const errSendClosed = "send on closed channel"

// channel is a Go channel of Lua values. Its fields are touched only by
// the goroutine holding the run token, so it needs no lock. Blocked
// operations wait in recvq and sendq as waiters, the way Go's runtime
// queues sudogs, so that one select can wait on many channels at once.
type channel struct {
	obj        string
	cap        int
	buf        fifo[item] // at most cap values, oldest first
	closed     bool
	recvq      waitq
	sendq      waitq
	recvReason Reason // why a receive parks, when not ReasonChanReceive
}

// item is a buffered value with its sender and the run-clock time it was
// sent, so the trace can link the handoff when it is received.
type item struct {
	v      lua.LValue
	from   int64
	sender int
}

// trySend delivers v on ch without blocking: to a waiting receiver, else
// into the buffer. sent is false when neither was possible; closed means
// the channel is closed and nothing was sent.
func (s *sched) trySend(ch *channel, v lua.LValue, by int) (sent, closed bool) {
	if ch.closed {
		return false, true
	}
	if r := ch.recvq.dequeue(); r != nil {
		r.v, r.ok, r.from, r.sender = v, true, s.now(), by
		s.fire(r, by)
		return true, false
	}
	if ch.buf.len() < ch.cap {
		ch.buf.push(item{v: v, from: s.now(), sender: by})
		return true, false
	}
	return false, false
}

// tryRecv takes a value from ch without blocking: from the buffer (then
// refilled from a blocked sender) or straight from a blocked sender. ready
// is false when the operation would block; ok is false when ch is closed
// and drained.
func (s *sched) tryRecv(ch *channel) (it item, ok, ready bool) {
	me := s.curID()
	if it, ok := ch.buf.pop(); ok {
		if w := ch.sendq.dequeue(); w != nil {
			ch.buf.push(item{v: w.v, from: w.from, sender: w.g.id})
			w.ok = true
			s.fire(w, me)
		}
		return it, true, true
	}
	if w := ch.sendq.dequeue(); w != nil {
		w.ok = true
		s.fire(w, me)
		return item{v: w.v, from: w.from, sender: w.g.id}, true, true
	}
	if ch.closed {
		return item{v: lua.LNil}, false, true
	}
	return item{}, false, false
}

// received records in the trace that the current goroutine got a value
// on ch, linked to its sender.
func (s *sched) received(ch *channel, it item) {
	s.emit(Event{Kind: KindRecv, G: s.cur.id, Other: it.sender, Object: ch.obj, From: it.from})
}

// closeChan closes ch and wakes every waiter: receivers get nil, false and
// senders fail. It reports false when ch was already closed.
func (s *sched) closeChan(ch *channel, by int) bool {
	if ch.closed {
		return false
	}
	ch.closed = true
	for r := ch.recvq.dequeue(); r != nil; r = ch.recvq.dequeue() {
		r.v, r.ok = lua.LNil, false
		s.fire(r, by)
	}
	for w := ch.sendq.dequeue(); w != nil; w = ch.sendq.dequeue() {
		w.ok = false
		s.fire(w, by)
	}
	return true
}

// chanSend sends v on ch, blocking until a receiver or buffer space takes
// it. It reports false when ch is or becomes closed; err is the current
// goroutine's cancellation.
func (s *sched) chanSend(ch *channel, v lua.LValue, line int) (bool, error) {
	if ok, err, done := s.sendNow(ch, v); done {
		return ok, err
	}
	return s.sendWoken(s.park(sendWait(ch, line)))
}

// sendNow sends v on ch if it can without blocking (done); otherwise it
// queues the current goroutine's waiter, which must then park and finish
// with sendWoken.
func (s *sched) sendNow(ch *channel, v lua.LValue) (ok bool, err error, done bool) {
	me := s.cur
	if me.cancelErr != nil {
		return false, me.cancelErr, true
	}
	if sent, closed := s.trySend(ch, v, me.id); sent || closed {
		return sent, nil, true
	}
	ch.sendq.push(me.plainWaiter(ch, true, v, s.now()))
	return false, nil, false
}

func sendWait(ch *channel, line int) wait {
	return wait{Reason: ReasonChanSend, Object: ch.obj, Line: line}
}

// sendWoken finishes a send the current goroutine parked in, woken with
// err.
func (s *sched) sendWoken(err error) (bool, error) {
	w := &s.cur.op
	if w.sel.fired == nil {
		s.unregister(w.sel)
	}
	ok := w.ok
	*w = waiter{}
	return ok, err
}

// chanRecv receives from ch, blocking until a value arrives or ch is
// closed and drained (ok false).
func (s *sched) chanRecv(ch *channel, line int) (lua.LValue, bool, error) {
	if v, ok, err, done := s.recvNow(ch); done {
		return v, ok, err
	}
	return s.recvWoken(s.park(recvWait(ch, line)))
}

// recvNow receives from ch if it can without blocking (done); otherwise
// it queues the current goroutine's waiter, which must then park and
// finish with recvWoken.
func (s *sched) recvNow(ch *channel) (v lua.LValue, ok bool, err error, done bool) {
	me := s.cur
	if me.cancelErr != nil {
		return lua.LNil, false, me.cancelErr, true
	}
	if it, ok, ready := s.tryRecv(ch); ready {
		if ok {
			s.received(ch, it)
		}
		return it.v, ok, nil, true
	}
	ch.recvq.push(me.plainWaiter(ch, false, nil, 0))
	return nil, false, nil, false
}

func recvWait(ch *channel, line int) wait {
	reason := ReasonChanReceive
	if ch.recvReason != "" {
		reason = ch.recvReason
	}
	return wait{Reason: reason, Object: ch.obj, Line: line}
}

// recvWoken finishes a receive the current goroutine parked in, woken
// with err.
func (s *sched) recvWoken(err error) (lua.LValue, bool, error) {
	w := &s.cur.op
	if w.sel.fired == nil {
		s.unregister(w.sel)
		*w = waiter{}
		return lua.LNil, false, err
	}
	if w.ok && err == nil {
		s.received(w.ch, item{from: w.from, sender: w.sender})
	}
	v, ok := w.v, w.ok
	if v == nil {
		v = lua.LNil
	}
	*w = waiter{}
	return v, ok, err
}

func (s *sched) newChannel(capacity int) *channel {
	return &channel{obj: s.nextObject("chan"), cap: capacity}
}

func checkChannel(L *lua.LState, n int) *channel { return checkObject[channel](L, n, channelType) }

// channelMethods serve both ch:send(v) and channel_send(ch, v): the
// channel is argument 1 either way.
func (m *Module) channelMethods() map[string]lua.LGFunction {
	return map[string]lua.LGFunction{
		"send":        m.chanSendL,
		"receive":     m.chanRecvL,
		"try_send":    m.chanTrySendL,
		"try_receive": m.chanTryRecvL,
		"close":       m.chanCloseL,
		"len": func(L *lua.LState) int {
			L.Push(lua.LNumber(checkChannel(L, 1).buf.len()))
			return 1
		},
		"cap": func(L *lua.LState) int {
			L.Push(lua.LNumber(checkChannel(L, 1).cap))
			return 1
		},
		"is_closed": func(L *lua.LState) int {
			L.Push(lua.LBool(checkChannel(L, 1).closed))
			return 1
		},
		"range": m.chanRangeL,
	}
}

func (m *Module) channelFuncs() map[string]lua.LGFunction {
	methods := m.channelMethods()
	return map[string]lua.LGFunction{
		"channel":         m.channelL,
		"after":           m.afterL,
		"channel_send":    methods["send"],
		"channel_receive": methods["receive"],
		"channel_close":   methods["close"],
		"channel_len":     methods["len"],
		"channel_cap":     methods["cap"],
	}
}

func (m *Module) channelL(L *lua.LState) int {
	n := float64(L.OptNumber(1, 0))
	argCheck(L, n >= 0 && n <= 1e9 && n == float64(int(n)), 1, "capacity must be an integer >= 0")
	L.Push(newObject(L, channelType, m.s.newChannel(int(n))))
	return 1
}

// afterL is after(ms): a channel that receives the run clock (ms) once,
// ms from now, for use in select.
func (m *Module) afterL(L *lua.LState) int {
	s := m.s
	ms := float64(L.CheckNumber(1))
	ch := s.newChannel(1)
	s.addTimer(s.after(msToMicros(ms)), func() {
		s.trySend(ch, lua.LNumber(float64(s.now())/1000), 0)
	})
	L.Push(newObject(L, channelType, ch))
	return 1
}

func (m *Module) chanSendL(L *lua.LState) int {
	ch := checkChannel(L, 1)
	ok, err, done := m.s.sendNow(ch, L.Get(2))
	if !done {
		return m.s.block(L, sendWait(ch, callerLine(L)), sendCont)
	}
	raiseIf(L, err)
	return pushSent(L, ok)
}

func sendCont(s *sched, L *lua.LState, err error) (int, error) {
	ok, err := s.sendWoken(err)
	if err != nil {
		return 0, err
	}
	return pushSent(L, ok), nil
}

// pushSent pushes what send returns: true, or false and why.
func pushSent(L *lua.LState, ok bool) int {
	if !ok {
		return pushFail(L, lua.LFalse, errSendClosed)
	}
	L.Push(lua.LTrue)
	return 1
}

func (m *Module) chanRecvL(L *lua.LState) int {
	ch := checkChannel(L, 1)
	v, ok, err, done := m.s.recvNow(ch)
	if !done {
		return m.s.block(L, recvWait(ch, callerLine(L)), recvCont)
	}
	raiseIf(L, err)
	return pushReceived(L, v, ok)
}

func recvCont(s *sched, L *lua.LState, err error) (int, error) {
	v, ok, err := s.recvWoken(err)
	if err != nil {
		return 0, err
	}
	return pushReceived(L, v, ok), nil
}

func pushReceived(L *lua.LState, v lua.LValue, ok bool) int {
	L.Push(v)
	L.Push(lua.LBool(ok))
	return 2
}

func (m *Module) chanTrySendL(L *lua.LState) int {
	ch := checkChannel(L, 1)
	sent, closed := m.s.trySend(ch, L.Get(2), m.s.cur.id)
	if closed {
		return pushFail(L, lua.LFalse, errSendClosed)
	}
	L.Push(lua.LBool(sent))
	return 1
}

func (m *Module) chanTryRecvL(L *lua.LState) int {
	ch := checkChannel(L, 1)
	it, ok, _ := m.s.tryRecv(ch)
	if !ok {
		L.Push(lua.LNil)
		L.Push(lua.LFalse)
		return 2
	}
	m.s.received(ch, it)
	L.Push(it.v)
	L.Push(lua.LTrue)
	return 2
}

func (m *Module) chanCloseL(L *lua.LState) int {
	if !m.s.closeChan(checkChannel(L, 1), m.s.cur.id) {
		return pushFail(L, lua.LFalse, "channel already closed")
	}
	L.Push(lua.LTrue)
	return 1
}

// chanRangeL calls fn(v) for every value received until ch is closed and
// drained, like Go's for v := range ch.
func (m *Module) chanRangeL(L *lua.LState) int {
	ch := checkChannel(L, 1)
	fn := L.CheckFunction(2)
	line := callerLine(L)
	for {
		v, ok, err := m.s.chanRecv(ch, line)
		raiseIf(L, err)
		if !ok {
			return 0
		}
		L.Push(fn)
		L.Push(v)
		m.s.inCallback("range callback", func() int { L.Call(1, 0); return 0 })
	}
}
