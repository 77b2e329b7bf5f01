package luamod

import (
	"fmt"
	"sync"
	"unsafe" // also for go:linkname

	lua "github.com/yuin/gopher-lua"
)

// A goroutine whose function is a Lua function runs as a gopher-lua
// coroutine of the run's root state: its worker resumes it (resumeG), and
// a blocking operation that the goroutine's own Lua code called directly
// yields back to the worker instead of parking the worker's Go goroutine
// (block). The worker then runs the next goroutine itself: a channel
// handoff, a sleep or a spawn costs no Go goroutine switch. Where the
// operation cannot yield (inside a pcall, a coroutine, a metamethod, a
// callback of a Go function, or after a preemption) the goroutine keeps
// its worker and parks the worker's Go goroutine, as every goroutine did
// before: both ways keep the same order of events.

// contFn completes a blocking operation once its goroutine runs again,
// woken with err (its cancellation, or nil): it pushes the operation's
// results on L and returns how many, or err. It fails with err only: an
// operation that could fail otherwise once woken would have to raise its
// error where the goroutine yielded.
type contFn func(s *sched, L *lua.LState, err error) (int, error)

// block parks the current goroutine in a blocking operation that Go
// function L is running, and completes it with cont once woken. It
// returns what the Go function returns: the number of results, or
// gopher-lua's yield when the goroutine yielded to its worker.
func (s *sched) block(L *lua.LState, w wait, cont contFn) int {
	g := s.cur
	if g.cancelErr == nil && g.resumed && L == g.L {
		if caller := yieldCaller(L); caller != nil {
			g.cont, g.callFn, g.callPc = cont, frameFn(caller), framePc(caller)
			s.parked(g, w)
			fitTop(L, 0) // what L.Yield() does, without its SetTop
			return -1
		}
	}
	n, err := cont(s, L, s.park(w))
	raiseIf(L, err)
	return n
}

// maxYieldDepth bounds the frames yieldCaller looks through: a blocking
// operation deeper in a recursion parks its Go goroutine instead.
const maxYieldDepth = 200

// yieldCaller returns the Lua frame that called the running Go function
// of goroutine thread L when that function can yield: it was called by a
// call instruction (not a tail call, whose results go elsewhere), and
// every frame below was called the same way down to the goroutine's
// function (see vmCalled). It returns nil otherwise.
func yieldCaller(L *lua.LState) unsafe.Pointer {
	caller := frameParent(currentFrame(L))
	if caller == nil || callOp(caller) != lua.OP_CALL || !vmCalled(caller, maxYieldDepth) {
		return nil
	}
	return caller
}

// callOp is the instruction Lua frame fr is at, or -1 for a Go frame.
func callOp(fr unsafe.Pointer) int {
	fn, pc := frameFn(fr), framePc(fr)
	if fn.IsG || pc < 1 || pc > len(fn.Proto.Code) {
		return -1
	}
	return int(fn.Proto.Code[pc-1] >> 26)
}

// resumeG runs goroutine g, whose Lua function started or yielded, on the
// calling worker until it yields again or ends. It reports whether g
// ended.
func (s *sched) resumeG(g *G) bool {
	L := g.L
	fn, args := g.fn, g.args
	g.fn, g.args = nil, nil
	if fn != nil {
		g.hook = true // the first instruction installs panicTrace
	} else if err := s.guardDeliver(g); err != nil {
		// It ends where it parked, as a goroutine parked in Go raises its
		// cancellation there. Its thread keeps the frames.
		s.endResumed(g, nil, err)
		return true
	}
	if g.hook {
		s.checkAt = 0
	}
	g.resumed = true
	st, err, values := s.resumeLua(L, fn, args)
	g.resumed = false
	if st == lua.ResumeYield && g.cont != nil {
		return false
	}
	if st == lua.ResumeYield { // no yield of the engine's: not reachable
		err = fmt.Errorf("%w: a goroutine yielded outside a blocking operation", errInternal)
	}
	if err != nil {
		s.endResumed(g, nil, s.withTrace(g, err))
		return true
	}
	L.Dead = false // ended normally: its thread can serve again
	L.SetTop(0)
	if g.then != nil {
		if _, err = guard(g, g.then); err != nil {
			s.endResumed(g, nil, err)
			return true
		}
	}
	s.end(g, values, nil)
	s.free = append(s.free, L)
	g.L, g.coro = nil, nil
	return true
}

// resumeLua runs goroutine thread L: it starts fn(args...) on it, or
// continues it where it yielded when fn is nil. It returns as
// gopher-lua's Resume does, with only the values the function returned.
//
// A thread that yielded is continued as gopher-lua's own
// coroutine.resume continues one, with an idle thread of the run as its
// parent: Resume allocates a slice for what the thread yields on every
// return, twice a channel round trip, and coroutine.resume leaves it on
// the stack of the parent instead. Each worker takes its own parent (a
// worker that parks inside a goroutine keeps it), so two resumes never
// share a stack. The yielded thread has nothing to receive (a blocking
// operation's results are already on its stack, see deliver), so the
// resume is what coroutine.resume does past its checks and argument
// moves: set the parent and the current thread, and run (runThread).
func (s *sched) resumeLua(L *lua.LState, fn *lua.LFunction, args []lua.LValue) (lua.ResumeState, error, []lua.LValue) {
	if fn != nil {
		s.root.G.CurrentThread = s.root
		top := s.root.GetTop()
		st, err, values := s.root.Resume(L, fn, args...)
		return st, err, values[:min(max(resultCount(values, top), 0), len(values))]
	}
	R := s.thread()
	L.Parent = R
	s.root.G.CurrentThread = L
	runThread(L) // R gets true or false, then the values
	st, err, values := lua.ResumeYield, error(nil), []lua.LValue(nil)
	switch {
	case R.Get(1) == lua.LFalse:
		st, err = lua.ResumeError, &lua.ApiError{Type: lua.ApiErrorRun, Object: R.Get(2)}
	case L.Dead:
		st, values = lua.ResumeOK, make([]lua.LValue, R.GetTop()-1)
		for i := range values {
			values[i] = R.Get(2 + i)
		}
	}
	fitTop(R, 0)
	s.free = append(s.free, R)
	return st, err, values
}

// runThread runs thread L from where it stands until it yields, returns
// or fails, all of which go back to L.Parent: coroutine.resume's own run
// of a thread. It is gopher-lua's unexported threadRun (see newstate.go
// for why go:linkname is safe here; luaHelpers checks that it resumes
// as coroutine.resume does).
//
//go:linkname runThread github.com/yuin/gopher-lua.threadRun
func runThread(L *lua.LState)

// endResumed ends g with err. Its thread is not reused: a raised error
// leaves gopher-lua's call frames on it, so the error text (which may
// call __tostring) is made on a fresh one.
func (s *sched) endResumed(g *G, values []lua.LValue, err error) {
	g.L = s.thread()
	g.coro = g.L
	s.end(g, values, err)
	g.L.SetTop(0)
	s.free = append(s.free, g.L)
	g.L, g.coro = nil, nil
}

// guardDeliver is deliver, returning the error g must end with instead:
// its cancellation, or an internal error for a Go panic (a bug in the
// engine), so no input can crash the process: a continuation runs outside
// the Lua VM's own recovery.
func (s *sched) guardDeliver(g *G) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %v", errInternal, r)
		}
	}()
	if !s.deliver(g) {
		return g.cancelErr
	}
	return nil
}

// deliver completes the operation g yielded in: its results are pushed on
// g's thread where the calling instruction expects them, padded with nil
// or cut to the number it asked for. It reports false when g was woken
// to stop: then g must end, as a goroutine parked in Go would raise its
// cancellation. A continuation fails only then (contFn).
func (s *sched) deliver(g *G) bool {
	L, cont := g.L, g.cont
	g.cont = nil
	base := L.GetTop()
	n, err := cont(s, L, g.cancelErr)
	if err != nil {
		L.SetTop(base)
		return false
	}
	if c := int(g.callFn.Proto.Code[g.callPc-1]>>9) & 0x1ff; c != 0 {
		n = c - 1
	}
	fitTop(L, base+n)
	return true
}

// fitTop is L.SetTop(top) for the few slots a blocking operation's
// arguments and results take: it pops or pads them one at a time, where
// gopher-lua's SetTop clears the slots it drops with a call of the
// runtime's memclr, which costs more for one or two slots (four times a
// channel round trip).
func fitTop(L *lua.LState, top int) {
	n := L.GetTop() - top
	if n > 0 {
		L.Pop(n)
	}
	for ; n < 0; n++ {
		L.Push(lua.LNil)
	}
}

// onHook is the first slow path of Done after resumeG or hookNames
// asked for one: it installs panicTrace on a goroutine that starts, and
// panicNamed on the thread hookNames named.
func (s *sched) onHook(g *G) {
	if g.hook {
		g.hook = false
		g.L.Panic = s.panicFn
	}
	if th := s.nameHook; th != nil {
		s.nameHook = nil
		th.Panic = s.panicNamedFn
	}
}

// panicTrace is the Panic function of a goroutine's thread while it runs
// resumed: gopher-lua's resume gives a thread one that keeps no
// traceback, and the goroutine's error report shows one. It records the
// same traceback gopher-lua's PCall would.
func (s *sched) panicTrace(L *lua.LState) {
	err := &lua.ApiError{Type: lua.ApiErrorRun, Object: vmMessage(L, currentFrame(L), L.Get(-1))}
	if g := s.cur; g != nil && g.L != nil {
		g.trace = s.traceback(g.L)
	}
	panic(err)
}

// traceback is gopher-lua's stack traceback of th, as PCall records it.
// A resumed thread has a parent, and gopher-lua then calls its first
// function "corountine" instead of "main chunk".
func (s *sched) traceback(th *lua.LState) string {
	parent := th.Parent
	th.Parent = nil
	defer func() { th.Parent = parent }()
	L := s.root
	top := L.GetTop()
	L.Push(luaHelpers().traceback)
	L.Push(th)
	L.Push(lua.LNumber(0))
	L.Call(2, 1)
	text := lua.LVAsString(L.Get(-1))
	L.SetTop(top)
	return text
}

// withTrace gives the error a resumed goroutine ended with the traceback
// panicTrace recorded.
func (s *sched) withTrace(g *G, err error) error {
	if apiErr, ok := err.(*lua.ApiError); ok && apiErr.StackTrace == "" {
		apiErr.StackTrace = g.trace
	}
	g.trace = ""
	return err
}

// resultCount is how many values a coroutine that ended returned.
// gopher-lua's Resume reports a lone nil for none, but sizes the slice it
// returns by the resumer's stack: one slot above top for the status, one
// per value (luaHelpers checks this once).
func resultCount(values []lua.LValue, top int) int {
	return cap(values) - 1 - top
}

// luaHelpers are taken once from a scratch gopher-lua state: debug's
// traceback (the run's own states do not open the debug library), and
// the check that resultCount reads Resume right.
var luaHelpers = sync.OnceValue(func() (h struct{ traceback *lua.LFunction }) {
	L := newState(threadOptions)
	defer L.Close()
	lua.OpenDebug(L)
	h.traceback = L.NewFunction(L.GetGlobal("debug").(*lua.LTable).RawGetString("traceback").(*lua.LFunction).GFunction)
	for want, src := range []string{"return", "return nil", "return 1, nil"} {
		fn, err := L.LoadString(src)
		if err != nil {
			panic(err)
		}
		th, _ := L.NewThread()
		if _, _, values := L.Resume(th, fn); resultCount(values, L.GetTop()) != want {
			panic("luamod: gopher-lua's Resume changed how it returns results: resume.go must follow it")
		}
	}
	checkRunThread(L)
	return h
})

// checkRunThread continues a thread that yielded through runThread, as
// resumeLua does, and panics unless it ends as coroutine.resume would
// end it: dead, its parent holding true and what it returned.
func checkRunThread(L *lua.LState) {
	fn, err := L.LoadString(`local yield = ... return yield() .. "!"`)
	if err != nil {
		panic(err)
	}
	yield := L.NewFunction(func(L *lua.LState) int { return L.Yield() })
	th, _ := L.NewThread()
	parent, _ := L.NewThread()
	if st, _, _ := L.Resume(th, fn, yield); st != lua.ResumeYield {
		panic("luamod: gopher-lua's Resume did not yield")
	}
	th.Push(lua.LString("resumed"))
	th.Parent = parent
	L.G.CurrentThread = th
	runThread(th)
	L.G.CurrentThread = L
	if !th.Dead || parent.GetTop() != 2 || parent.Get(1) != lua.LTrue || parent.Get(2) != lua.LString("resumed!") {
		panic("luamod: gopher-lua's threadRun changed: resume.go's runThread must follow it")
	}
}
