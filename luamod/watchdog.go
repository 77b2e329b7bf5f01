package luamod

import (
	"runtime"
	"time"
)

// A single VM instruction can allocate or scan a lot without calling any
// engine code: `t[2^26-1] = 1` makes gopher-lua append 67 million nils
// to a table's array (about a GiB), `#t` scans such an array. The run's
// own checks come every quantum of instructions, so many such
// instructions could pass every limit before one is seen. The watchdog,
// a Go goroutine of the run, reads the heap and the wall clock every
// watchEvery and, when the run is over its memory or wall limit, stops
// it from outside as the caller's cancellation does: the run's next
// instruction takes Done's slow path, which ends the run with the limit's
// error. It never touches a run that is within its limits, so runs stay
// reproducible, and it costs Done nothing. Under GOOS=js it runs only
// when the busy goroutine lets the event loop run (platformPause), that
// is at the run's own checks: there it adds nothing yet.

// watchdog holds what the watching goroutine reads: copies taken before
// it starts. Of the run it touches only ext, kick and checkAt, and reads
// opts, which no one writes.
type watchdog struct {
	s        *sched
	heap     heapBase
	maxHeap  int64
	start    time.Time
	wall     time.Duration
	lastGC   time.Time
	stopping error // the limit the run is over, once seen
}

// watch starts the run's watchdog and returns the function that stops it
// and waits until its goroutine has ended.
func (s *sched) watch() (stop func()) {
	w := &watchdog{s: s, heap: s.memBase, maxHeap: s.opts.MaxMemory, start: s.start, wall: time.Duration(s.opts.WallTimeout)}
	quit, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(watchEvery)
		defer tick.Stop()
		for {
			select {
			case <-quit:
				return
			case <-tick.C:
				w.look()
			}
		}
	}()
	return func() {
		close(quit)
		<-done
	}
}

// look checks the limits once. After a limit is seen it only repeats the
// request to check (forceCheck), which the running goroutine may have
// overwritten.
func (w *watchdog) look() {
	if w.stopping == nil {
		w.stopping = w.over()
		if w.stopping == nil {
			return
		}
		w.s.ext.CompareAndSwap(nil, &stopReason{status: StatusLimit, err: w.stopping})
		w.s.kickIdle()
	}
	w.s.forceCheck()
}

// over is the limit the run is over, or nil. As checkOutside does, it
// collects before it calls the heap too big, so that garbage does not
// count, at most every 50 ms.
func (w *watchdog) over() error {
	now := time.Now()
	if now.Sub(w.start) > w.wall {
		return w.s.wallLimitError()
	}
	if w.heap.used() <= w.maxHeap || now.Sub(w.lastGC) < 50*time.Millisecond {
		return nil
	}
	runtime.GC()
	w.lastGC = time.Now()
	if w.heap.used() > w.maxHeap {
		return w.s.memoryLimitError()
	}
	return nil
}

// kickIdle wakes a real-time idle wait, if one is on, so that it sees
// ext at once. It may be called from outside the run.
func (s *sched) kickIdle() {
	select {
	case s.kick <- struct{}{}:
	default:
	}
}

// forceCheck makes the running goroutine's next instruction take Done's
// slow path. It is the one write to a run's fields from outside the run
// token: the fast path of Done reads checkAt without synchronisation, on
// purpose (an atomic read there would cost every instruction under
// GOOS=js). The store is a single word; if the running goroutine
// overwrites it first, the watchdog's next look stores it again. The race
// detector is told not to see it.
//
//go:norace
func (s *sched) forceCheck() { s.checkAt = 0 }
