package luamod

import (
	"errors"

	lua "github.com/yuin/gopher-lua"
)

const onceType = "goroutine.once"

// once is Go's sync.Once: call runs its function at most once. Like Go's
// Do, a second caller that arrives while the function runs waits for it
// to end (shown as a mutex wait on "once N"), and a function that raised
// counts as done; the error reaches its own caller.
type once struct {
	obj     string
	started bool
	done    bool
	waiters waitList
}

func checkOnce(L *lua.LState, n int) *once { return checkObject[once](L, n, onceType) }

func (m *Module) onceMethods() map[string]lua.LGFunction {
	return map[string]lua.LGFunction{"call": m.onceCall}
}

func (m *Module) onceCall(L *lua.LState) int {
	s := m.s
	o := checkOnce(L, 1)
	fn := L.CheckFunction(2)
	if o.started {
		if !o.done {
			raiseIf(L, s.parkIn(&o.waiters, wait{Reason: ReasonMutex, Object: o.obj, Line: callerLine(L)}))
		}
		return 0
	}
	o.started = true
	_, err := s.protectIn(L, "once function", fn, nil)
	o.done = true
	s.wakeAll(&o.waiters, s.cur.id)
	if err != nil {
		var apiErr *lua.ApiError
		if errors.As(err, &apiErr) && apiErr.Object != nil {
			L.Error(apiErr.Object, 0)
		}
		L.RaiseError("%s", err.Error())
	}
	return 0
}

func (m *Module) onceL(L *lua.LState) int {
	L.Push(newObject(L, onceType, &once{obj: m.s.nextObject("once")}))
	return 1
}
