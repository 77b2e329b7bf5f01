package luamod

import (
	lua "github.com/yuin/gopher-lua"
)

// coreFuncs are spawning, time and the timeline annotations.
func (m *Module) coreFuncs() map[string]lua.LGFunction {
	return map[string]lua.LGFunction{
		"spawn":      m.spawn,
		"spawn_many": m.spawnMany,
		"id":         m.id,
		"name":       m.name,
		"now":        m.now,
		"yield":      m.yield,
		"mark":       m.mark,
		"sleep":      m.sleep,
		"wait_group": m.waitGroup,
	}
}

// spawnLua starts fn(args...) in a new goroutine that inherits the
// caller's group.
func (m *Module) spawnLua(L *lua.LState, fn *lua.LFunction, args []lua.LValue) (*G, error) {
	s := m.s
	if fn.IsG { // a Go function cannot be resumed: it runs called, as pcall would
		return s.spawn("", s.cur.group, callerLine(L), callLua(fn, args))
	}
	g, err := s.spawn("", s.cur.group, callerLine(L), nil)
	if err == nil {
		g.fn, g.args = fn, args
	}
	return g, err
}

func (m *Module) spawn(L *lua.LState) int {
	fn := L.CheckFunction(1)
	g, err := m.spawnLua(L, fn, argsFrom(L, 2))
	raiseIf(L, err)
	L.Push(lua.LNumber(g.id))
	return 1
}

func (m *Module) spawnMany(L *lua.LState) int {
	n := L.CheckInt(1)
	fn := L.CheckFunction(2)
	argCheck(L, n >= 0, 1, "count must not be negative")
	for i := 1; i <= n; i++ {
		_, err := m.spawnLua(L, fn, []lua.LValue{lua.LNumber(i)})
		raiseIf(L, err)
	}
	return 0
}

func (m *Module) id(L *lua.LState) int {
	L.Push(lua.LNumber(m.s.cur.id))
	return 1
}

func (m *Module) name(L *lua.LState) int {
	label := L.CheckString(1)
	g := m.s.cur
	g.name = label
	m.s.emit(Event{Kind: KindName, G: g.id, Name: label})
	return 0
}

func (m *Module) now(L *lua.LState) int {
	L.Push(lua.LNumber(float64(m.s.now()) / 1000))
	return 1
}

func (m *Module) yield(L *lua.LState) int {
	raiseIf(L, m.s.yield())
	return 0
}

func (m *Module) mark(L *lua.LState) int {
	label := L.CheckString(1)
	m.s.emit(Event{Kind: KindMark, G: m.s.cur.id, Name: label, Line: callerLine(L)})
	return 0
}

func (m *Module) sleep(L *lua.LState) int {
	ms := float64(L.CheckNumber(1))
	blocks, err := m.s.sleepStart(msToMicros(ms))
	if blocks {
		return m.s.block(L, wait{Reason: ReasonSleep, Line: callerLine(L)}, sleepEnd)
	}
	raiseIf(L, err)
	return 0
}

// sleep parks the current goroutine for d microseconds of run clock.
// A zero d returns at once, like Go's time.Sleep(0).
func (s *sched) sleep(d int64, w wait) error {
	if blocks, err := s.sleepStart(d); !blocks {
		return err
	}
	_, err := sleepEnd(s, nil, s.park(w))
	return err
}

// sleepStart sets the timer of a sleep of d microseconds, unless the
// current goroutine is cancelled (err) or d is not positive: blocks says
// whether it must then park.
func (s *sched) sleepStart(d int64) (blocks bool, err error) {
	g := s.cur
	if g.cancelErr != nil {
		return false, g.cancelErr
	}
	if d <= 0 {
		return false, nil
	}
	g.timer = s.addTimer(s.after(d), func() { s.ready(g, 0) })
	return true, nil
}

// sleepEnd stops the timer of the sleep the current goroutine woke from.
func sleepEnd(s *sched, _ *lua.LState, err error) (int, error) {
	g := s.cur
	s.stopTimer(g.timer)
	g.timer = nil
	return 0, err
}
