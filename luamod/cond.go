package luamod

import (
	lua "github.com/yuin/gopher-lua"
)

const condType = "goroutine.cond"

// cond is Go's sync.Cond over a mutex: wait releases the mutex, parks
// until signal or broadcast, and locks it again before returning.
type cond struct {
	obj     string
	mu      *mutex
	muUD    *lua.LUserData // returned by get_mutex
	waiters waitList
}

func checkCond(L *lua.LState, n int) *cond { return checkObject[cond](L, n, condType) }

func (m *Module) condMethods() map[string]lua.LGFunction {
	return map[string]lua.LGFunction{
		"wait": m.condWait,
		"signal": func(L *lua.LState) int {
			m.s.wakeOne(&checkCond(L, 1).waiters, m.s.cur.id)
			return 0
		},
		"broadcast": func(L *lua.LState) int {
			m.s.wakeAll(&checkCond(L, 1).waiters, m.s.cur.id)
			return 0
		},
		"get_mutex": func(L *lua.LState) int {
			L.Push(checkCond(L, 1).muUD)
			return 1
		},
	}
}

// condWait is cond:wait(). The caller must hold the cond's mutex.
func (m *Module) condWait(L *lua.LState) int {
	s := m.s
	c := checkCond(L, 1)
	me := s.cur
	if !c.mu.locked || c.mu.owner != me.id {
		L.RaiseError("sync: wait on cond without holding its mutex")
	}
	line := callerLine(L)
	s.unlockMutex(c.mu) // nobody runs before parkIn parks: the token stays here
	raiseIf(L, s.parkIn(&c.waiters, wait{Reason: ReasonCond, Object: c.obj, Line: line}))
	raiseIf(L, s.lockMutex(c.mu, line))
	return 0
}

// condL is cond(mutex?): a condition variable over the given mutex or a
// new one.
func (m *Module) condL(L *lua.LState) int {
	mu, ud := (*mutex)(nil), (*lua.LUserData)(nil)
	if L.Get(1) == lua.LNil {
		mu = m.s.newMutex()
		ud = newObject(L, mutexType, mu)
	} else {
		mu, ud = checkMutex(L, 1), L.CheckUserData(1)
	}
	c := &cond{obj: m.s.nextObject("cond"), mu: mu, muUD: ud}
	L.Push(newObject(L, condType, c))
	return 1
}
