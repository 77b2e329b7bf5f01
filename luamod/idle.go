package luamod

import (
	"sync"
	"time"
)

// runs counts the runs going on in the process. Once none has gone on for
// idleDelay (the page's worker between two of its user's runs), it does
// what makes the next run start sooner and what lets a finished one be
// collected: the spare threads are tidied, and the state of a run with
// the last run's options is built ahead (ahead.go).
var runs runCounter

// idleDelay is how long the process must have had no run: long enough
// that runs started one after another by a program (a benchmark, a test)
// do not wait for the idle work, a few milliseconds in the page's wasm.
const idleDelay = 100 * time.Millisecond

type runCounter struct {
	mu     sync.Mutex
	active int
	last   Options // of the run that ended last
	timer  *time.Timer
}

// begin counts a run that starts.
func (r *runCounter) begin() {
	r.mu.Lock()
	r.active++
	r.mu.Unlock()
}

// none reports whether no run is going on.
func (r *runCounter) none() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.active == 0
}

// end counts a run with opts that ended.
func (r *runCounter) end(opts Options) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.active--
	r.last = opts
	if r.active > 0 {
		return
	}
	if r.timer == nil {
		r.timer = time.AfterFunc(idleDelay, r.idle)
	} else {
		r.timer.Reset(idleDelay)
	}
}

// DropSpares forgets what earlier runs left for the next ones (the spare
// threads, the state built ahead, the last script's prototype), so that
// what a run allocates can be measured from nothing: the memory benchmark
// does.
func DropSpares() {
	spares.mu.Lock()
	spares.clean, spares.dirty = nil, nil
	spares.mu.Unlock()
	ahead.mu.Lock()
	ahead.s = nil
	ahead.mu.Unlock()
	lastMain.drop()
}

// idle does the idle work unless a run has started meanwhile: that run's
// end arms the timer again.
func (r *runCounter) idle() {
	r.mu.Lock()
	active, opts := r.active, r.last
	r.mu.Unlock()
	if active > 0 {
		return
	}
	spares.tidy()
	ahead.prepare(opts)
}
