package luamod

import (
	"slices"

	lua "github.com/yuin/gopher-lua"
)

const semaphoreType = "goroutine.semaphore"

// semaphore is a counting semaphore of capacity permits (Go's
// x/sync/semaphore with weight 1). release hands a permit straight to the
// longest waiter, so waiters are served in FIFO order.
type semaphore struct {
	obj       string
	capacity  int
	available int
	waiters   []*lockWaiter
}

func checkSemaphore(L *lua.LState, n int) *semaphore {
	return checkObject[semaphore](L, n, semaphoreType)
}

func (m *Module) semaphoreMethods() map[string]lua.LGFunction {
	return map[string]lua.LGFunction{
		"acquire": func(L *lua.LState) int {
			raiseIf(L, m.s.acquireSem(checkSemaphore(L, 1), callerLine(L)))
			return 0
		},
		"release": func(L *lua.LState) int {
			sem := checkSemaphore(L, 1)
			if sem.available >= sem.capacity {
				L.RaiseError("semaphore: released more than acquired")
			}
			m.s.releaseSem(sem)
			return 0
		},
		"try_acquire": func(L *lua.LState) int {
			sem := checkSemaphore(L, 1)
			ok := sem.available > 0
			if ok {
				sem.available--
			}
			L.Push(lua.LBool(ok))
			return 1
		},
		"available": func(L *lua.LState) int {
			L.Push(lua.LNumber(checkSemaphore(L, 1).available))
			return 1
		},
		"capacity": func(L *lua.LState) int {
			L.Push(lua.LNumber(checkSemaphore(L, 1).capacity))
			return 1
		},
	}
}

// acquireSem takes a permit, parking until one is free.
func (s *sched) acquireSem(sem *semaphore, line int) error {
	me := s.cur
	if me.cancelErr != nil {
		return me.cancelErr
	}
	if sem.available > 0 {
		sem.available--
		return nil
	}
	w := &lockWaiter{g: me}
	sem.waiters = append(sem.waiters, w)
	err := s.park(wait{Reason: ReasonSemaphore, Object: sem.obj, Line: line})
	if err != nil {
		if w.granted {
			s.releaseSem(sem)
		} else {
			sem.waiters = slices.DeleteFunc(sem.waiters, func(x *lockWaiter) bool { return x == w })
		}
	}
	return err
}

// releaseSem returns a permit, to the first waiter if there is one.
func (s *sched) releaseSem(sem *semaphore) {
	if len(sem.waiters) == 0 {
		sem.available++
		return
	}
	w := sem.waiters[0]
	sem.waiters = sem.waiters[1:]
	w.granted = true
	s.ready(w.g, s.curID())
}

func (m *Module) semaphoreL(L *lua.LState) int {
	n := float64(L.CheckNumber(1))
	argCheck(L, n >= 1 && n <= 1e9 && n == float64(int(n)), 1, "permits must be an integer >= 1")
	sem := &semaphore{obj: m.s.nextObject("semaphore"), capacity: int(n), available: int(n)}
	L.Push(newObject(L, semaphoreType, sem))
	return 1
}
