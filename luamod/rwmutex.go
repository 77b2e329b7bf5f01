package luamod

import (
	"slices"

	lua "github.com/yuin/gopher-lua"
)

const rwmutexType = "goroutine.rwmutex"

// rwmutex is Go's sync.RWMutex: many readers or one writer. Like Go's, it
// prefers writers: once a writer waits, new readers queue behind it, so a
// stream of readers cannot starve it. Waiters are served in FIFO order; a
// writer's unlock admits every reader queued at the head.
type rwmutex struct {
	obj     string
	readers int
	writer  bool
	waiters []*lockWaiter
}

func checkRWMutex(L *lua.LState, n int) *rwmutex {
	return checkObject[rwmutex](L, n, rwmutexType)
}

func (m *Module) rwmutexMethods() map[string]lua.LGFunction {
	return map[string]lua.LGFunction{
		"lock": func(L *lua.LState) int {
			raiseIf(L, m.s.lockRW(checkRWMutex(L, 1), true, callerLine(L)))
			return 0
		},
		"rlock": func(L *lua.LState) int {
			raiseIf(L, m.s.lockRW(checkRWMutex(L, 1), false, callerLine(L)))
			return 0
		},
		"unlock": func(L *lua.LState) int {
			rw := checkRWMutex(L, 1)
			if !rw.writer {
				L.RaiseError("sync: unlock of unlocked rwmutex")
			}
			m.s.unlockRW(rw, true)
			return 0
		},
		"runlock": func(L *lua.LState) int {
			rw := checkRWMutex(L, 1)
			if rw.readers == 0 {
				L.RaiseError("sync: runlock of unlocked rwmutex")
			}
			m.s.unlockRW(rw, false)
			return 0
		},
		"try_lock": func(L *lua.LState) int {
			rw := checkRWMutex(L, 1)
			ok := !rw.writer && rw.readers == 0 && len(rw.waiters) == 0
			rw.writer = rw.writer || ok
			L.Push(lua.LBool(ok))
			return 1
		},
		"try_rlock": func(L *lua.LState) int {
			rw := checkRWMutex(L, 1)
			ok := !rw.writer && len(rw.waiters) == 0
			if ok {
				rw.readers++
			}
			L.Push(lua.LBool(ok))
			return 1
		},
	}
}

// lockRW takes the write lock (write) or a read lock, parking until the
// lock is free and every earlier waiter has been served.
func (s *sched) lockRW(rw *rwmutex, write bool, line int) error {
	me := s.cur
	if me.cancelErr != nil {
		return me.cancelErr
	}
	switch {
	case len(rw.waiters) > 0 || rw.writer:
	case write && rw.readers == 0:
		rw.writer = true
		return nil
	case !write:
		rw.readers++
		return nil
	}
	w := &lockWaiter{g: me, write: write}
	rw.waiters = append(rw.waiters, w)
	err := s.park(wait{Reason: ReasonRWMutex, Object: rw.obj, Line: line})
	if err != nil {
		if w.granted {
			s.unlockRW(rw, write)
		} else {
			rw.waiters = slices.DeleteFunc(rw.waiters, func(x *lockWaiter) bool { return x == w })
			s.grantRW(rw)
		}
	}
	return err
}

// unlockRW releases a write or a read lock and admits the waiters it can.
func (s *sched) unlockRW(rw *rwmutex, write bool) {
	if write {
		rw.writer = false
	} else {
		rw.readers--
	}
	s.grantRW(rw)
}

// grantRW admits waiters from the head of the queue: one writer when the
// lock is free, or every reader up to the next writer when no writer
// holds it.
func (s *sched) grantRW(rw *rwmutex) {
	for len(rw.waiters) > 0 && !rw.writer {
		w := rw.waiters[0]
		if w.write {
			if rw.readers > 0 {
				return
			}
			rw.writer = true
		} else {
			rw.readers++
		}
		rw.waiters = rw.waiters[1:]
		w.granted = true
		s.ready(w.g, s.curID())
	}
}

func (m *Module) rwmutexL(L *lua.LState) int {
	L.Push(newObject(L, rwmutexType, &rwmutex{obj: m.s.nextObject("rwmutex")}))
	return 1
}
