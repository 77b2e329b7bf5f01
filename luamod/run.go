package luamod

import (
	"context"
	"time"

	lua "github.com/yuin/gopher-lua"
)

// Run executes src as the main goroutine of a new run and returns when every
// goroutine has ended, the main goroutine deadlocked, a limit was exceeded
// or ctx was cancelled. Output and trace events stream to sink meanwhile.
func Run(ctx context.Context, src string, opts Options, sink Sink) Result {
	opts, err := opts.withDefaults()
	if err != nil {
		return Result{Status: StatusError, Error: err.Error()}
	}
	return newSched(opts, sink).run(ctx, src)
}

// run is Run once the options are known good.
func (s *sched) run(ctx context.Context, src string) Result {
	sink := s.sink
	runs.begin()
	defer s.root.Close()
	defer func() {
		spares.keep(s.free)
		runs.end(s.opts)
	}()
	stopWatch := context.AfterFunc(ctx, func() {
		s.ext.Store(&stopReason{status: StatusCancelled, err: errCancelled})
		s.kickIdle()
	})
	defer stopWatch()
	defer s.watch()()
	fn, res := s.compileMain(src)
	if fn == nil {
		s.output("stderr", res.Error+"\n")
		sink.Flush()
		return res
	}
	s.main, _ = s.spawn("main", "", 0, nil) // the first goroutine: no limit can refuse it
	s.main.fn, s.main.then = fn, s.afterMainBody
	s.handoff(nil)
	<-s.finished
	s.workers.Wait()
	return s.result
}

// threadOptions keep a thread small until it needs more: a call stack and
// registry that grow on demand (a few KB per parked goroutine instead of
// about 100 KB with gopher-lua's defaults; see BenchmarkNewThread).
var threadOptions = lua.Options{
	SkipOpenLibs:        true,
	CallStackSize:       1024,
	MinimizeStackMemory: true,
	RegistrySize:        256,
	RegistryMaxSize:     1 << 20,
	RegistryGrowStep:    256,
}

// threadRegistry is the registry a goroutine's thread starts with and
// grows by, in slots of 16 bytes.
const threadRegistry = 32

func newSched(opts Options, sink Sink) *sched {
	s := ahead.take(opts)
	if s == nil {
		s = buildSched(opts)
	}
	s.sink = sink
	s.start = time.Now()
	s.lastCheck, s.lastPause = s.start, s.start
	s.memBase = heapBase(heapBytes())
	return s
}

// buildSched makes a run's state and opens its libraries: all of a run's
// set-up that depends neither on its sink nor on when it starts.
func buildSched(opts Options) *sched {
	s := &sched{opts: opts, kick: make(chan struct{}, 1), finished: make(chan struct{})}
	s.checkEvery = int64(opts.Quantum)
	s.root = newRoot()
	luaHelpers()
	s.panicFn, s.panicNamedFn = s.panicTrace, s.panicNamed
	s.openLibs()
	s.free = append(s.free, s.mainThread()) // the first thread taken: main's
	return s
}

// newRoot makes a run's root state, whose threads are its goroutines'.
// The root starts with threadOptions' registry; threads take the root's
// Options as they are: a goroutine's thread starts with threadRegistry
// slots (half a KB instead of 4), most of its memory while it is parked,
// and grows when a call needs more.
func newRoot() *lua.LState {
	L := newState(threadOptions)
	L.Options.RegistrySize, L.Options.RegistryGrowStep = threadRegistry, threadRegistry
	return L
}

// afterMainBody runs the sloth-runner workflows the chunk defined, once
// it has returned.
func (s *sched) afterMainBody(g *G) ([]lua.LValue, error) {
	for _, after := range s.afterMain {
		if err := after(g); err != nil {
			return nil, err
		}
	}
	return nil, nil
}

// stuck is reached when goroutines remain but none can ever wake. It
// records them (a deadlock when main is among them, a leak otherwise) and
// cancels them so their Go goroutines end.
func (s *sched) stuck() {
	for _, g := range s.all {
		if g.state != gParked {
			continue
		}
		st := Stuck{G: g.id, Name: g.name, Reason: g.wait.Reason, Object: g.wait.Object, Line: g.wait.Line}
		s.result.Stuck = append(s.result.Stuck, st)
		ev := Event{Kind: KindStuck, G: g.id, Reason: st.Reason, Object: st.Object, Line: st.Line}
		if g.wait.holder != nil {
			ev.Other = g.wait.holder()
		}
		s.emit(ev)
		if g == s.main && s.stopped == nil {
			s.stopped = &stopReason{status: StatusDeadlock, err: errDeadlock}
		}
	}
	s.output("stderr", stuckReport(s.opts.ChunkName, s.result.Stuck, !s.main.done))
	s.ending = true
	for _, g := range s.all {
		s.cancel(g, errRunEnded)
	}
}

// finish decides the result once every goroutine has ended.
func (s *sched) finish() {
	s.ending = true
	r := &s.result
	s.stats.Goroutines = s.nextID
	s.stats.Clock = s.now()
	s.stats.Wall = time.Since(s.start).Microseconds()
	s.stats.Events = s.events
	s.stats.Output = s.outSize
	s.stats.Speedup = s.speedup()
	r.Stats = s.stats
	switch {
	case s.stopped != nil:
		r.Status, r.Error = s.stopped.status, s.stopped.err.Error()
		if s.stopped.status == StatusLimit || s.stopped.status == StatusCancelled {
			s.finalReport(r.Error)
		}
	case len(r.Errors) > 0:
		r.Status, r.Error, r.Line = StatusError, r.Errors[0].Message, r.Errors[0].Line
	default:
		r.Status = StatusOK
	}
	s.sink.Flush()
	s.releaseWorkers()
	close(s.finished)
}

// speedup is the work of every goroutine that ended, over the run's
// length. A goroutine's work is its lifetime less the time it waited for
// another goroutine to wake it: running and waiting for the clock (sleep,
// timers: the playground's stand-in for I/O) count, waiting on a channel,
// a lock or an await that another goroutine completes does not.
func (s *sched) speedup() float64 {
	var work int64
	for _, g := range s.all {
		if g.done {
			work += g.died - g.born - g.waited
		}
	}
	if s.stats.Clock <= 0 || work <= 0 {
		return 1
	}
	return float64(work) / float64(s.stats.Clock)
}
