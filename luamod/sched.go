package luamod

import (
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"time"

	lua "github.com/yuin/gopher-lua"
)

// sched is one run: its goroutines, the run token, the clock and the trace.
//
// Exactly one goroutine holds the run token and executes Lua; every field
// below is read and written only by that goroutine (or, while nobody can
// run, by the one that last gave the token up and now keeps the clock).
// The token moves within a worker's Go goroutine (a goroutine yielded or
// ended and the worker runs the next), or by a send on the wake channel of
// the worker that runs the next goroutine, which also orders memory for
// the race detector. Only ext and kick are touched
// from outside, and checkAt by the watchdog (watchdog.go).
type sched struct {
	opts Options
	root *lua.LState
	sink Sink

	cur         *G
	runq        fifo[*G] // runnable goroutines
	all         []*G
	gSlab       []G            // the goroutines newG hands out next
	gSlabN      int            // the size of the last slab
	idle        []*goWorker    // Go goroutines waiting for a goroutine to run (gopool.go)
	workers     sync.WaitGroup // every Go goroutine the run started
	workersMade int            // how many
	free        []*lua.LState  // idle threads: of goroutines that ended, and lent to pcall
	alive       int
	nextID      int
	seq         int64 // object ids: "chan 3", "wg 4", ...

	clock
	steps      int64     // VM instructions executed so far
	checkAt    int64     // steps at which runCtx.Done takes the slow path
	sliceStart int64     // steps when the current goroutine got the token, less the work charged since
	checkEvery int64     // most instructions between two slow paths of Done (see noteBigString)
	charged    int64     // work charged since the last checkpoint
	allocated  int64     // bytes reserved since the heap was last read
	checks     int       // calls of checkOutside
	checkedAt  time.Time // the wall clock at checkOutside's last reading
	lastCheck  time.Time
	lastPause  time.Time
	memBase    heapBase

	ext      atomic.Pointer[stopReason] // set from outside: the caller cancelled
	kick     chan struct{}              // wakes a real-time idle wait
	stopped  *stopReason
	ending   bool // the result is decided; remaining goroutines are drained
	finished chan struct{}

	rand       *rand.Rand
	afterMain  []func(g *G) error // run after the chunk: sloth-runner workflows
	graceTimer *timer             // ends the run once main has ended (grace.go)
	unwinder   *lua.LFunction     // message handler of protected calls (pcall.go)
	trampoline *lua.LFunction     // bottom frame of a lent thread
	raiser     *lua.LFunction     // raises an error, so unwind can close upvalues
	errorFn    *lua.LFunction     // the engine's error (pcall.go)
	luaCreate  *lua.LFunction     // gopher-lua's coroutine.create and resume
	luaResume  *lua.LFunction
	pools      map[string]*pool
	shown      map[lua.LValue]int // reference values tostring has named
	concatFn   *lua.LFunction     // the .. operator of every chunk (concat.go)
	panicFn    func(*lua.LState)  // panicTrace (resume.go)

	panicNamedFn func(*lua.LState) // panicNamed (errname.go)
	nameHook     *lua.LState       // a thread whose next instruction installs panicNamed
	copiedBytes  int64             // bytes builtins copied since the last check (bigcopy.go)

	result      Result
	stats       Stats
	outSize     int
	outFull     bool    // the output limit was reached: further output is dropped
	midLine     bool    // the last output did not end a line
	atStop      []Stuck // the goroutines alive when a limit or the caller stopped the run
	aliveAtStop int     // how many there were
	events      int
	traceBytes  int64
	main        *G
}

type stopReason struct {
	status Status
	err    error
}

// Bounds on what the trace keeps of text a script chose.
const (
	maxLabelBytes = 200  // names, marks, objects, task ids
	maxErrBytes   = 1000 // error messages
	// traceBytesPerEvent is the average size an event may have: a run's
	// trace stops at MaxEvents events or MaxEvents times this many bytes.
	traceBytesPerEvent = 128
)

// emit appends an event to the trace, unless the run is being drained.
// The trace is limited in events and in bytes.
func (s *sched) emit(e Event) {
	if s.ending {
		return
	}
	s.events++
	if s.events > s.opts.MaxEvents {
		s.stop(StatusLimit, limitError("trace events", s.opts.MaxEvents))
		return
	}
	// Every bound is at least maxLabelBytes: text shorter than that in
	// all has nothing to clip (the handoffs' events never have).
	text := len(e.Name) + len(e.Object) + len(e.Group) + len(e.Err)
	if text > maxLabelBytes {
		e.Name, e.Object, e.Group = clip(e.Name, maxLabelBytes), clip(e.Object, maxLabelBytes), clip(e.Group, maxLabelBytes)
		e.Err = clip(e.Err, maxErrBytes)
		text = len(e.Name) + len(e.Object) + len(e.Group) + len(e.Err)
	}
	s.traceBytes += int64(48 + text + len(e.Reason) + len(e.Status))
	if limit := int64(s.opts.MaxEvents) * traceBytesPerEvent; s.traceBytes > limit {
		s.stop(StatusLimit, limitError("trace bytes", limit))
		return
	}
	e.T = s.now()
	s.sink.Event(e)
}

// grant gives the token to g. Its Go goroutine, if it has one, is still
// to be woken: handoff does that.
func (s *sched) grant(g *G) {
	s.cur = g
	g.state = gRunning
	s.sliceStart = s.steps
	s.root.G.CurrentThread = g.coro
	if !g.started {
		g.started = true
		s.emit(Event{Kind: KindStart, G: g.id})
	} else {
		s.emit(Event{Kind: KindRun, G: g.id})
	}
	s.updateCheckAt()
}

// release records what the current goroutine g leaves behind before it
// gives the token up.
func (s *sched) release(g *G) {
	g.coro = s.root.G.CurrentThread
	s.cur = nil
}

// handoff passes the token to the next runnable goroutine. With none, it
// moves the clock to the next timer; with no timer either, the remaining
// goroutines are stuck and the run ends.
//
// free is the worker calling it once its goroutine yielded or ended (nil
// when a goroutine gives the token up while it keeps its Go goroutine). A
// next goroutine without a Go goroutine of its own is returned for free
// to run; any other outcome leaves free idle, and handoff returns nil.
func (s *sched) handoff(free *goWorker) *G {
	for {
		s.checkOutside(false)
		if s.checks%pauseEvery == 0 {
			platformPause(s) // a run of handoffs never uses up a quantum
		}
		if g, ok := s.runq.pop(); ok {
			s.grant(g)
			if g.wake == nil && free != nil {
				return g
			}
			s.goIdle(free)
			if g.wake == nil {
				s.dispatch(g)
			} else {
				g.wake <- struct{}{}
			}
			return nil
		}
		if s.alive == 0 {
			s.goIdle(free)
			s.finish()
			return nil
		}
		if t := s.timers.peek(); t != nil && s.canWake() {
			s.idleUntil(t.when)
			s.fireDue()
			continue
		}
		s.stuck()
	}
}

// pauseEvery is how many handoffs go by between two looks at whether the
// page's messages are due: the handoffs on which checkOutside reads the
// clock, which platformPause takes.
const pauseEvery = clockEvery

// goIdle puts worker w, when there is one, with the idle workers before
// the token leaves it.
func (s *sched) goIdle(w *goWorker) {
	if w != nil {
		s.idle = append(s.idle, w)
	}
}

// park blocks the current goroutine until ready is called for it. It
// returns the goroutine's cancel error when it was woken to stop; the
// caller then undoes its registrations and raises.
func (s *sched) park(w wait) error {
	g := s.cur
	if g.cancelErr != nil {
		return g.cancelErr
	}
	s.parked(g, w)
	s.handoff(nil)
	<-g.wake
	return g.cancelErr
}

// parked records that g, the current goroutine, blocks on w and gives the
// token up.
func (s *sched) parked(g *G, w wait) {
	g.state = gParked
	g.wait = w
	g.parkGen++
	g.parkedAt = s.now()
	s.emit(Event{Kind: KindBlock, G: g.id, Reason: w.Reason, Object: w.Object, Line: w.Line})
	s.release(g)
}

// ready makes a parked g runnable; by is the goroutine that woke it (0 for
// the clock or the runtime). It does nothing when g is not parked, so a
// second waker of the same park is harmless.
func (s *sched) ready(g *G, by int) {
	if g.state != gParked {
		return
	}
	g.state = gRunnable
	if by != 0 { // woken by the clock, it waited for time: that is work
		g.waited += s.now() - g.parkedAt
	}
	s.emit(Event{Kind: KindUnblock, G: g.id, Other: by})
	s.runq.push(g)
}

// yield puts the current goroutine at the back of the run queue.
func (s *sched) yield() error {
	g := s.cur
	if g.cancelErr != nil {
		return g.cancelErr
	}
	s.fireDue()
	if s.runq.len() == 0 {
		s.sliceStart = s.steps
		s.updateCheckAt()
		return nil
	}
	g.state = gRunnable
	s.emit(Event{Kind: KindPreempt, G: g.id})
	s.runq.push(g)
	s.release(g)
	s.handoff(nil)
	<-g.wake
	return g.cancelErr
}

// cancel makes g stop with err: at its next VM instruction when it runs,
// or now when it is parked.
func (s *sched) cancel(g *G, err error) {
	if g.state == gDead || g.cancelErr != nil {
		return
	}
	g.cancelErr = err
	if g == s.cur {
		s.checkAt = 0
	}
	s.ready(g, 0)
}

// slowDone is runCtx.Done past checkAt: fire due timers, check limits and
// cancellation, and preempt the current goroutine when its quantum is used
// and another one can run.
func (s *sched) slowDone() <-chan struct{} {
	g := s.cur
	if g.hook || s.nameHook != nil {
		s.onHook(g)
		if s.updateCheckAt(); s.steps < s.checkAt {
			return nil
		}
	}
	if g.cancelErr == nil {
		s.checkOutside(true)
		s.fireDue()
		platformPause(s)
		if s.steps-s.sliceStart >= int64(s.opts.Quantum) {
			if s.runq.len() > 0 {
				if err := s.yield(); err != nil {
					return closedChan
				}
			} else {
				s.sliceStart = s.steps
			}
		}
	}
	if g.cancelErr != nil {
		s.checkAt = 0
		return closedChan
	}
	s.updateCheckAt()
	return nil
}

var closedChan = func() chan struct{} {
	c := make(chan struct{})
	close(c)
	return c
}()

// updateCheckAt sets when the fast path of Done must look again: at the end
// of the quantum or, in virtual time, when the next timer is due.
func (s *sched) updateCheckAt() {
	if s.cur != nil && s.cur.cancelErr != nil {
		s.checkAt = 0
		return
	}
	at := min(s.sliceStart+int64(s.opts.Quantum), s.steps+s.checkEvery)
	if !s.opts.RealTime {
		if t := s.timers.peek(); t != nil {
			due := s.steps + (t.when-s.now())/int64(InstructionCost/time.Microsecond)
			if due <= s.steps {
				due = s.steps + 1
			}
			at = min(at, due)
		}
	}
	s.checkAt = at
}
