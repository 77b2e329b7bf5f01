package luamod

import (
	lua "github.com/yuin/gopher-lua"
)

const waitGroupType = "goroutine.wait_group"

// waitGroup is Go's sync.WaitGroup for Lua goroutines.
type waitGroup struct {
	obj     string
	count   int
	waiters waitList
}

func checkWaitGroup(L *lua.LState, n int) *waitGroup {
	return checkObject[waitGroup](L, n, waitGroupType)
}

func (m *Module) waitGroupMethods() map[string]lua.LGFunction {
	return map[string]lua.LGFunction{
		"add": func(L *lua.LState) int {
			m.wgAdd(L, checkWaitGroup(L, 1), L.OptInt(2, 1))
			return 0
		},
		"done": func(L *lua.LState) int {
			m.wgAdd(L, checkWaitGroup(L, 1), -1)
			return 0
		},
		"wait": func(L *lua.LState) int {
			wg := checkWaitGroup(L, 1)
			if wg.count == 0 {
				return 0
			}
			return m.s.blockIn(L, &wg.waiters, wait{Reason: ReasonWaitGroup, Object: wg.obj, Line: callerLine(L)}, listWoken)
		},
		"count": func(L *lua.LState) int {
			L.Push(lua.LNumber(checkWaitGroup(L, 1).count))
			return 1
		},
	}
}

func (m *Module) wgAdd(L *lua.LState, wg *waitGroup, delta int) {
	if wg.count+delta < 0 {
		L.RaiseError("sync: negative WaitGroup counter")
	}
	wg.count += delta
	if wg.count > 0 {
		return
	}
	m.s.wakeAll(&wg.waiters, m.s.cur.id)
}

func (m *Module) waitGroup(L *lua.LState) int {
	L.Push(newObject(L, waitGroupType, &waitGroup{obj: m.s.nextObject("wg")}))
	return 1
}
