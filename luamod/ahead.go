package luamod

import (
	"sync"
	"time"
)

// ahead is the state of the process's next run, built while a run waited
// in real time with nothing to do, or while the process had no run
// (idle.go): opening the libraries (and copying them in key order, see
// sortLibs) is a run's whole set-up, a few milliseconds in the page's
// wasm. The next run takes it when it has the
// same options, which it was built with; until then it has run nothing,
// so it is the state buildSched would make.
var ahead aheadState

// aheadMinIdle is the shortest idle wait that builds the next run's state:
// well above what the building takes, so no timer fires late for it.
const aheadMinIdle = 20 * time.Millisecond

type aheadState struct {
	mu sync.Mutex
	s  *sched
}

// take returns the state built ahead if it has opts, or nil.
func (a *aheadState) take(opts Options) *sched {
	a.mu.Lock()
	defer a.mu.Unlock()
	s := a.s
	if s == nil || s.opts != opts {
		return nil
	}
	a.s = nil
	return s
}

// prepare builds a state with opts unless one is ready.
func (a *aheadState) prepare(opts Options) {
	a.mu.Lock()
	ready := a.s != nil && a.s.opts == opts
	a.mu.Unlock()
	if ready {
		return
	}
	s := buildSched(opts)
	a.mu.Lock()
	a.s = s
	a.mu.Unlock()
}
