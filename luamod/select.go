package luamod

import (
	"fmt"
	"slices"
	"strings"

	lua "github.com/yuin/gopher-lua"
)

// selCase is one case of a select: a send of v or a receive on ch, or
// the default case.
type selCase struct {
	ch        *channel
	send      bool
	v         lua.LValue
	isDefault bool
	handler   *lua.LFunction
}

// noTimeout is selectCases' timeout for a select that may block forever.
const noTimeout = -1

func (m *Module) selectFuncs() map[string]lua.LGFunction {
	return map[string]lua.LGFunction{
		"select":         m.selectL,
		"select_timeout": m.selectTimeoutL,
	}
}

// selectCases is Go's select: among the ready cases it picks one
// uniformly at random (the run's seeded source) and performs it. With
// none ready it returns -1 when there is a default case or the timeout
// (microseconds) is 0; otherwise it queues the goroutine on every
// channel at once, parks once, and the first peer to complete a case
// wins. -1 after a park means the timeout expired. ok is false for a
// receive on a closed channel and for a send on one.
func (s *sched) selectCases(cases []selCase, timeout int64, line int) (idx int, it item, ok bool, err error) {
	me := s.cur
	if me.cancelErr != nil {
		return -1, item{v: lua.LNil}, false, me.cancelErr
	}
	hasDefault := false
	var ready []int
	for i, c := range cases {
		switch {
		case c.isDefault:
			hasDefault = true
		case c.send && (c.ch.closed || c.ch.recvq.ready() || c.ch.buf.len() < c.ch.cap):
			ready = append(ready, i)
		case !c.send && (c.ch.closed || c.ch.sendq.ready() || c.ch.buf.len() > 0):
			ready = append(ready, i)
		}
	}
	if len(ready) > 0 {
		i := ready[0]
		if len(ready) > 1 {
			i = ready[s.rand.IntN(len(ready))]
		}
		it, ok := s.performCase(cases[i])
		return i, it, ok, nil
	}
	if hasDefault || timeout == 0 {
		return -1, item{v: lua.LNil}, false, nil
	}
	return s.blockSelect(cases, timeout, line)
}

// performCase does a case that is ready: it cannot block.
func (s *sched) performCase(c selCase) (item, bool) {
	if c.send {
		sent, _ := s.trySend(c.ch, c.v, s.cur.id)
		return item{v: lua.LNil}, sent
	}
	it, ok, _ := s.tryRecv(c.ch)
	if ok {
		s.received(c.ch, it)
	}
	return it, ok
}

// blockSelect waits on every case of a select that found none ready.
func (s *sched) blockSelect(cases []selCase, timeout int64, line int) (int, item, bool, error) {
	me := s.cur
	sel := &selection{}
	objs := objectList{}
	now := s.now()
	for i, c := range cases {
		if c.isDefault {
			continue
		}
		w := &waiter{g: me, sel: sel, idx: i, ch: c.ch, send: c.send, v: c.v, from: now}
		sel.waiters = append(sel.waiters, w)
		if c.send {
			c.ch.sendq.push(w)
		} else {
			c.ch.recvq.push(w)
		}
		objs.add(c.ch)
	}
	var t *timer
	if timeout > 0 {
		t = s.addTimer(s.after(timeout), func() { s.ready(me, 0) })
	}
	err := s.park(wait{Reason: ReasonSelect, Object: objs.String(), Line: line})
	s.stopTimer(t)
	w := sel.fired
	if w == nil {
		s.unregister(sel)
		return -1, item{v: lua.LNil}, false, err
	}
	it := item{v: w.v, from: w.from, sender: w.sender}
	if it.v == nil || w.send {
		it.v = lua.LNil
	}
	if w.ok && !w.send && err == nil {
		s.received(w.ch, it)
	}
	return w.idx, it, w.ok, err
}

// objectList names the channels a select waits on: the first few, then
// how many more there are, so a select over 50,000 channels stays linear
// and its trace event short.
type objectList struct {
	names []string
	more  map[*channel]bool // distinct channels past the named ones
}

// maxObjectNames is how many channels a select's wait names.
const maxObjectNames = 8

func (l *objectList) add(ch *channel) {
	switch {
	case slices.Contains(l.names, ch.obj):
	case len(l.names) < maxObjectNames:
		l.names = append(l.names, ch.obj)
	default:
		if l.more == nil {
			l.more = map[*channel]bool{}
		}
		l.more[ch] = true
	}
}

func (l *objectList) String() string {
	text := strings.Join(l.names, ", ")
	if len(l.more) > 0 {
		text += fmt.Sprintf(", and %d more", len(l.more))
	}
	return text
}

// parseCases reads the case list at argument n, raising an argument error
// that names the first malformed case.
func parseCases(L *lua.LState, n int) []selCase {
	list := L.CheckTable(n)
	cases := make([]selCase, list.Len())
	defaults := 0
	for i := range cases {
		bad := func(format string, args ...any) {
			L.ArgError(n, fmt.Sprintf("case %d: ", i+1)+fmt.Sprintf(format, args...))
		}
		t, ok := list.RawGetInt(i + 1).(*lua.LTable)
		if !ok {
			bad("table expected, got %s", typeNameOf(list.RawGetInt(i+1)))
		}
		c := &cases[i]
		switch h := t.RawGetString("handler").(type) {
		case *lua.LFunction:
			c.handler = h
		case *lua.LNilType:
		default:
			bad("handler: function expected, got %s", typeNameOf(h))
		}
		if lua.LVAsBool(t.RawGetString("default")) {
			if defaults++; defaults > 1 {
				bad("more than one default case")
			}
			c.isDefault = true
			continue
		}
		chv := t.RawGetString("channel")
		ud, _ := chv.(*lua.LUserData)
		if ud != nil {
			c.ch, _ = ud.Value.(*channel)
		}
		if c.ch == nil {
			bad("channel: %s expected, got %s", channelType, typeNameOf(chv))
		}
		recv := lua.LVAsBool(t.RawGetString("receive"))
		c.v = t.RawGetString("send")
		c.send = c.v != lua.LNil
		switch {
		case recv && c.send:
			bad("both send and receive")
		case !recv && !c.send:
			bad("receive=true or send=value expected")
		}
	}
	return cases
}

// callHandler calls the chosen case's handler in the caller, with v, ok
// for a receive case, and leaves its results on the stack. Without a
// handler a receive case leaves v, ok. It returns how many it left.
func callHandler(L *lua.LState, c selCase, it item, ok bool) int {
	base := L.GetTop()
	if c.handler == nil {
		if c.send || c.isDefault {
			return 0
		}
		L.Push(it.v)
		L.Push(lua.LBool(ok))
		return 2
	}
	L.Push(c.handler)
	nargs := 0
	if !c.send && !c.isDefault {
		L.Push(it.v)
		L.Push(lua.LBool(ok))
		nargs = 2
	}
	L.Call(nargs, lua.MultRet)
	return L.GetTop() - base
}

// defaultIndex is the index of the default case, -1 without one.
func defaultIndex(cases []selCase) int {
	for i, c := range cases {
		if c.isDefault {
			return i
		}
	}
	return -1
}

// selectL is select(cases): the 1-based index of the case that ran, then
// its handler's results. A send case on a closed channel raises, as it
// panics in Go.
func (m *Module) selectL(L *lua.LState) int {
	cases := parseCases(L, 1)
	idx, it, ok, err := m.s.selectCases(cases, noTimeout, callerLine(L))
	raiseIf(L, err)
	if idx < 0 {
		idx = defaultIndex(cases)
	}
	c := cases[idx]
	if c.send && !ok {
		L.RaiseError("select case %d: %s", idx+1, errSendClosed)
	}
	L.Push(lua.LNumber(idx + 1))
	return 1 + m.s.inCallback("select handler", func() int { return callHandler(L, c, it, ok) })
}

// selectTimeoutL is select_timeout(ms, cases), as upstream: true, nil on
// timeout; false, i (0-based) when case i ran; false, msg when its handler
// raised or its send found the channel closed.
func (m *Module) selectTimeoutL(L *lua.LState) int {
	ms := float64(L.CheckNumber(1))
	cases := parseCases(L, 2)
	idx, it, ok, err := m.s.selectCases(cases, msToMicros(ms), callerLine(L))
	raiseIf(L, err)
	if idx < 0 {
		if idx = defaultIndex(cases); idx < 0 {
			L.Push(lua.LTrue)
			L.Push(lua.LNil)
			return 2
		}
	}
	c := cases[idx]
	if c.send && !ok {
		return pushFail(L, lua.LFalse, errSendClosed)
	}
	if c.handler != nil {
		args := []lua.LValue{}
		if !c.send && !c.isDefault {
			args = []lua.LValue{it.v, lua.LBool(ok)}
		}
		if _, err := m.s.protectIn(L, "select handler", c.handler, args); err != nil {
			raiseIf(L, m.s.cur.cancelErr)
			return pushFail(L, lua.LFalse, m.s.errorText(L, err))
		}
	}
	L.Push(lua.LFalse)
	L.Push(lua.LNumber(idx))
	return 2
}
