package luamod

import (
	"fmt"

	lua "github.com/yuin/gopher-lua"
)

const handleType = "goroutine.handle"

// handle is what async returns: the goroutine whose result await collects.
type handle struct{ g *G }

func (m *Module) asyncFuncs() map[string]lua.LGFunction {
	return map[string]lua.LGFunction{
		"async":     m.async,
		"await":     m.await,
		"await_all": m.awaitAll,
		"timeout":   m.timeout,
	}
}

func (m *Module) handleMethods() map[string]lua.LGFunction {
	return map[string]lua.LGFunction{
		"await": m.await,
		"done": func(L *lua.LState) int {
			L.Push(lua.LBool(checkHandle(L, 1).g.done))
			return 1
		},
	}
}

func checkHandle(L *lua.LState, n int) *handle { return checkObject[handle](L, n, handleType) }

func (m *Module) async(L *lua.LState) int {
	fn := L.CheckFunction(1)
	g, err := m.spawnLua(L, fn, argsFrom(L, 2))
	raiseIf(L, err)
	g.collected = true
	L.Push(newObject(L, handleType, &handle{g: g}))
	return 1
}

// awaitG parks the current goroutine until g has ended.
func (s *sched) awaitG(g *G, line int) error {
	me := s.cur
	s.emit(Event{Kind: KindAwait, G: me.id, Other: g.id, Line: line})
	if g.done {
		return nil
	}
	return s.parkIn(&g.waiters, awaitWait(g, line))
}

func (m *Module) await(L *lua.LState) int {
	s := m.s
	g := checkHandle(L, 1).g
	line := callerLine(L)
	s.emit(Event{Kind: KindAwait, G: s.cur.id, Other: g.id, Line: line})
	s.cur.awaited = g
	if g.done {
		n, _ := awaited(s, L, nil)
		return n
	}
	return s.blockIn(L, &g.waiters, awaitWait(g, line), awaitWoken)
}

// awaitWoken finishes an await the current goroutine parked in.
func awaitWoken(s *sched, L *lua.LState, err error) (int, error) {
	if _, err := listWoken(s, L, err); err != nil {
		return 0, err
	}
	return awaited(s, L, nil)
}

func awaitWait(g *G, line int) wait {
	return wait{Reason: ReasonAwait, Object: fmt.Sprintf("goroutine %d", g.id), Line: line}
}

// awaited pushes what await returns for the goroutine the current one
// awaited: true and its results, or false and its error.
func awaited(s *sched, L *lua.LState, _ error) (int, error) {
	g := s.cur.awaited
	s.cur.awaited = nil
	if !g.ok {
		L.Push(lua.LFalse)
		L.Push(lua.LString(g.errMsg))
		return 2, nil
	}
	L.Push(lua.LTrue)
	for _, v := range g.values {
		L.Push(v)
	}
	return 1 + len(g.values), nil
}

func (m *Module) awaitAll(L *lua.LState) int {
	list := L.CheckTable(1)
	n := list.Len()
	handles := make([]*handle, n)
	for i := 1; i <= n; i++ {
		ud, ok := list.RawGetInt(i).(*lua.LUserData)
		h, isHandle := (*handle)(nil), false
		if ok {
			h, isHandle = ud.Value.(*handle)
		}
		if !isHandle {
			L.ArgError(1, fmt.Sprintf("element %d: %s expected, got %s", i, handleType, typeNameOf(list.RawGetInt(i))))
		}
		handles[i-1] = h
	}
	line := callerLine(L)
	out := L.CreateTable(n, 0)
	for _, h := range handles {
		raiseIf(L, m.s.awaitG(h.g, line))
		r := L.NewTable()
		if h.g.ok {
			r.RawSetString("success", lua.LTrue)
			r.RawSetString("values", valuesTable(L, h.g.values))
		} else {
			r.RawSetString("success", lua.LFalse)
			r.RawSetString("error", lua.LString(h.g.errMsg))
		}
		out.Append(r)
	}
	L.Push(out)
	return 1
}

func valuesTable(L *lua.LState, values []lua.LValue) *lua.LTable {
	t := L.CreateTable(len(values), 0)
	for i, v := range values {
		t.RawSetInt(i+1, v)
	}
	return t
}

// timeout runs fn in a new goroutine and waits at most ms for it; on
// timeout that goroutine is cancelled.
func (m *Module) timeout(L *lua.LState) int {
	s := m.s
	ms := float64(L.CheckNumber(1))
	fn := L.CheckFunction(2)
	line := callerLine(L)
	g, err := m.spawnLua(L, fn, argsFrom(L, 3))
	raiseIf(L, err)
	g.collected = true
	me := s.cur
	timedOut := false
	t := s.addTimer(s.after(msToMicros(ms)), func() {
		if !g.done {
			timedOut = true
			s.cancel(g, errTimeout)
			s.ready(me, 0)
		}
	})
	err = s.parkIn(&g.waiters, wait{Reason: ReasonTimeout, Object: fmt.Sprintf("goroutine %d", g.id), Line: line})
	s.stopTimer(t)
	g.waiters.remove(me) // the timer woke me: g still lists me
	raiseIf(L, err)
	switch {
	case timedOut:
		L.Push(lua.LFalse)
		L.Push(lua.LString(errTimeout.Error()))
		return 2
	case !g.ok:
		L.Push(lua.LFalse)
		L.Push(lua.LString(g.errMsg))
		return 2
	}
	L.Push(lua.LTrue)
	for _, v := range g.values {
		L.Push(v)
	}
	return 1 + len(g.values)
}
