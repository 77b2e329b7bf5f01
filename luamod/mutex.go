package luamod

import (
	"slices"

	lua "github.com/yuin/gopher-lua"
)

const mutexType = "goroutine.mutex"

// mutex is Go's sync.Mutex for Lua goroutines. Unlock hands the lock
// straight to the longest waiter, so waiters are served in FIFO order and
// a run is reproducible. owner is the goroutine that locked it last,
// which cond:wait checks.
type mutex struct {
	obj     string
	locked  bool
	owner   int
	waiters []*lockWaiter
}

// lockWaiter is a goroutine parked on a mutex, rwmutex or semaphore.
// granted is set by the goroutine that hands it the lock, so a waiter
// cancelled after the handoff can pass the lock on instead of losing it.
type lockWaiter struct {
	g       *G
	write   bool // rwmutex: waits for the write lock
	granted bool
}

func checkMutex(L *lua.LState, n int) *mutex { return checkObject[mutex](L, n, mutexType) }

func (m *Module) mutexMethods() map[string]lua.LGFunction {
	return map[string]lua.LGFunction{
		"lock": func(L *lua.LState) int {
			mu := checkMutex(L, 1)
			blocks, err := m.s.lockNow(mu)
			if blocks {
				return m.s.block(L, mu.wait(callerLine(L)), lockWoken)
			}
			raiseIf(L, err)
			return 0
		},
		"unlock": func(L *lua.LState) int {
			mu := checkMutex(L, 1)
			if !mu.locked {
				L.RaiseError("sync: unlock of unlocked mutex")
			}
			m.s.unlockMutex(mu)
			return 0
		},
		"try_lock": func(L *lua.LState) int {
			mu := checkMutex(L, 1)
			if mu.locked {
				L.Push(lua.LFalse)
				return 1
			}
			mu.locked, mu.owner = true, m.s.cur.id
			L.Push(lua.LTrue)
			return 1
		},
	}
}

func (s *sched) newMutex() *mutex { return &mutex{obj: s.nextObject("mutex")} }

// lockMutex locks mu for the current goroutine, parking while it is held.
func (s *sched) lockMutex(mu *mutex, line int) error {
	if blocks, err := s.lockNow(mu); !blocks {
		return err
	}
	_, err := lockWoken(s, nil, s.park(mu.wait(line)))
	return err
}

// lockNow locks mu if it is free; otherwise it queues the current
// goroutine, which must then park and finish with lockWoken (blocks).
func (s *sched) lockNow(mu *mutex) (blocks bool, err error) {
	me := s.cur
	if me.cancelErr != nil {
		return false, me.cancelErr
	}
	if !mu.locked {
		mu.locked, mu.owner = true, me.id
		return false, nil
	}
	me.lockW = lockWaiter{g: me}
	me.lockMu = mu
	mu.waiters = append(mu.waiters, &me.lockW)
	return true, nil
}

func (mu *mutex) wait(line int) wait {
	return wait{Reason: ReasonMutex, Object: mu.obj, Line: line, holder: func() int { return mu.owner }}
}

// lockWoken finishes a lock the current goroutine parked in, woken with
// err: cancelled, it passes on a lock it was handed, or leaves the queue.
func lockWoken(s *sched, _ *lua.LState, err error) (int, error) {
	me := s.cur
	mu, w := me.lockMu, &me.lockW
	me.lockMu = nil
	if err != nil {
		if w.granted {
			s.unlockMutex(mu)
		} else {
			mu.waiters = slices.DeleteFunc(mu.waiters, func(x *lockWaiter) bool { return x == w })
		}
	}
	return 0, err
}

// unlockMutex releases mu, handing it to the first waiter if any.
func (s *sched) unlockMutex(mu *mutex) {
	if len(mu.waiters) == 0 {
		mu.locked, mu.owner = false, 0
		return
	}
	w := mu.waiters[0]
	mu.waiters = mu.waiters[1:]
	w.granted = true
	mu.owner = w.g.id
	s.ready(w.g, s.curID())
}

func (m *Module) mutexL(L *lua.LState) int {
	L.Push(newObject(L, mutexType, m.s.newMutex()))
	return 1
}

// syncFuncs are the constructors of the sync primitives.
func (m *Module) syncFuncs() map[string]lua.LGFunction {
	return map[string]lua.LGFunction{
		"mutex":      m.mutexL,
		"rwmutex":    m.rwmutexL,
		"semaphore":  m.semaphoreL,
		"atomic_int": m.atomicIntL,
		"once":       m.onceL,
		"cond":       m.condL,
		"context":    m.contextL,
	}
}
