package luamod

import (
	"errors"
	"fmt"

	lua "github.com/yuin/gopher-lua"
)

// gState is where a goroutine is in its life.
type gState int

const (
	gRunnable gState = iota // waits for the run token
	gRunning                // holds the run token
	gParked                 // blocked until someone readies it
	gDead                   // ended
)

// wait says what a parked goroutine waits on, for the trace and the
// deadlock and leak reports.
type wait struct {
	Reason Reason
	Object string // "chan 3", ...
	Line   int
	// holder, when set, names the goroutine that holds what is waited
	// on (a mutex's owner), for the stuck event's wait-for chain.
	holder func() int
}

// G is one Lua goroutine: its own Lua thread, run by a worker Go goroutine
// (gopool.go). Its fields are touched only by the goroutine holding the run
// token.
type G struct {
	id       int
	name     string
	group    string
	line     int            // where it was spawned
	body     body           // what it runs when fn is nil
	fn       *lua.LFunction // the Lua function it runs resumed (resume.go); nil once started
	args     []lua.LValue
	then     body        // run after fn returned, on the same thread (main's workflows)
	L        *lua.LState // its thread, from when it first runs
	coro     *lua.LState // G.CurrentThread while this goroutine is off the token
	state    gState
	started  bool
	wake     chan struct{} // the run token arrives here: its worker's (gopool.go); nil when it has none
	wait     wait
	parkGen  int    // counts parks, so wakers can tell a stale registration
	cdepth   int    // pcall, xpcall and resume levels active (at most maxCCalls)
	callback string // the engine callback running, e.g. "select handler", for yield's error

	cancelErr  error // set when the goroutine must stop
	collected  bool  // its error goes to whoever collects the result (async, timeout, pool)
	born, died int64
	parkedAt   int64 // when the current park began
	waited     int64 // time parked until another goroutine woke it

	done    bool
	ok      bool
	values  []lua.LValue // what the function returned
	errMsg  string
	waiters waitList // parked in await or timeout on this goroutine

	// A goroutine that yielded in a blocking operation (resume.go).
	resumed bool           // it runs under its worker's Resume: it may yield
	cont    contFn         // completes the operation it yielded in
	callFn  *lua.LFunction // the Lua function that called the operation
	callPc  int            // and where: the call instruction is at callPc-1
	hook    bool           // its first instruction must see onHook
	trace   string         // the traceback of the error it ended with
	timer   *timer         // of its sleep
	list    *waitList      // the list it waits in (enlist)
	awaited *G             // the goroutine its await waits for
	lockW   lockWaiter     // its place in a mutex's queue
	lockMu  *mutex         // that mutex

	op     waiter     // of its current plain channel operation (plainWaiter)
	opSel  selection  // op's selection
	opList [1]*waiter // opSel.waiters
	onEnd  []func()
}

// body is what a goroutine runs once it first holds the token. It returns
// the function's results, or an error from PCall.
type body func(g *G) ([]lua.LValue, error)

// spawn creates goroutine g as a child of the current one and queues it.
// The caller keeps the token. A stopped or ending run starts nothing more:
// spawn then returns the error the run stopped with (the caller has been
// cancelled with it too), and so it does after it stopped the run itself
// because the live-goroutine limit is exceeded.
func (s *sched) spawn(name, group string, line int, run body) (*G, error) {
	if s.alive >= s.opts.MaxGoroutines && s.stopped == nil {
		s.stop(StatusLimit, limitError("live goroutines", s.opts.MaxGoroutines))
	}
	if s.stopped != nil {
		return nil, s.stopped.err
	}
	if s.ending {
		return nil, errRunEnded
	}
	s.nextID++
	g := s.newG()
	g.id, g.name, g.group, g.line, g.body, g.born = s.nextID, name, group, line, run, s.now()
	s.alive++
	if s.alive > s.stats.PeakAlive {
		s.stats.PeakAlive = s.alive
	}
	s.all = append(s.all, g)
	parent := 0
	if s.cur != nil {
		parent = s.cur.id
	}
	s.emit(Event{Kind: KindSpawn, G: g.id, Other: parent, Line: line, Name: name, Group: group})
	s.runq.push(g)
	return g, nil
}

// newG returns a zeroed G. A run allocates its goroutines in slabs, of
// 8 at first and twice as many each time up to gSlabMax: every G stays in
// s.all until the run ends, so a slab keeps nothing alive longer than its
// goroutines would, and one allocation zeroes many at once. A G (600
// bytes) allocated alone takes the allocator's path for objects with a
// header, which was a twelfth of the page worker's CPU in a real-time run
// that starts a thousand sleepers.
func (s *sched) newG() *G {
	if len(s.gSlab) == 0 {
		s.gSlabN = min(max(2*s.gSlabN, 8), gSlabMax)
		s.gSlab = make([]G, s.gSlabN)
	}
	g := &s.gSlab[0]
	s.gSlab = s.gSlab[1:]
	return g
}

// gSlabMax is the most goroutines newG allocates at once (150 KB).
const gSlabMax = 256

// goMain runs g once it holds the token, and ends it. Its Go goroutine
// (goLoop) then passes the token on.
func (s *sched) goMain(g *G, run body) {
	var values []lua.LValue
	var err error
	if g.cancelErr != nil {
		err = g.cancelErr
	} else {
		values, err = guard(g, run)
	}
	s.end(g, values, err)
	if !panicked(err) {
		g.L.SetTop(0) // an idle thread holds nothing (resumeLua relies on it)
		s.free = append(s.free, g.L)
	}
	g.L, g.coro = nil, nil
}

// thread returns an idle Lua thread: one a goroutine or pcall has
// finished with, a spare from an earlier run (threads.go), or a new one.
// Any thread can be reused: a function that returned closed its upvalues,
// and so does an error (see unwind).
func (s *sched) thread() *lua.LState {
	if n := len(s.free); n > 0 {
		th := s.free[n-1]
		s.free = s.free[:n-1]
		return th
	}
	if th := spares.take(s); th != nil {
		return th
	}
	return s.newThread(nil)
}

// newThread makes a Lua thread of the run, with a runCtx of its own; co is
// set for a coroutine's thread.
func (s *sched) newThread(co *coroutine) *lua.LState {
	th, _ := s.root.NewThread()
	th.SetContext(&runCtx{s: s, co: co})
	return th
}

// mainThread is the thread for the main goroutine, which is where most
// scripts compute: its call stack is allocated whole (about 80 KB) instead
// of growing on demand, which saves a check on every Lua call (5% of a
// recursive fib), and its registry starts at gopher-lua's usual size.
// Other threads grow both, so a parked goroutine stays small.
func (s *sched) mainThread() *lua.LState {
	opts := s.root.Options
	s.root.Options.MinimizeStackMemory = false
	s.root.Options.RegistrySize, s.root.Options.RegistryGrowStep = threadOptions.RegistrySize, threadOptions.RegistryGrowStep
	defer func() { s.root.Options = opts }()
	return s.newThread(nil)
}

// guard runs body and turns a Go panic that escaped it (a bug in the
// engine, not in the script: PCall already catches the script's) into the
// goroutine's error, so no input can crash the process.
func guard(g *G, run body) (values []lua.LValue, err error) {
	defer func() {
		if r := recover(); r != nil {
			values, err = nil, fmt.Errorf("%w: %v", errInternal, r)
		}
	}()
	return run(g)
}

// errInternal marks an error made from a Go panic: a bug in the engine.
var errInternal = errors.New("internal error")

// panicked reports whether err comes from a Go panic. A panic unwinds a
// thread without closing its upvalues, so that thread is not reused; a Lua
// error closes them (the goroutine's function runs in a PCall without
// message handler, whose error path closes every upvalue of the thread).
func panicked(err error) bool {
	var apiErr *lua.ApiError
	if errors.As(err, &apiErr) {
		return apiErr.Type == lua.ApiErrorPanic
	}
	return errors.Is(err, errInternal)
}

// callLua is the body of a goroutine that runs fn(args...).
func callLua(fn *lua.LFunction, args []lua.LValue) body {
	return func(g *G) ([]lua.LValue, error) {
		return callOwn(g.L, fn, args)
	}
}

// callOwn calls fn in L, protected, and returns all its results. L must
// have no Lua frame below: it is the goroutine's own thread, at the bottom
// of its stack. gopher-lua's error path closes the upvalues of every frame
// of the thread, not only of those it unwinds; where Lua frames lie below,
// s.protect runs fn on a thread of its own instead.
func callOwn(L *lua.LState, fn *lua.LFunction, args []lua.LValue) ([]lua.LValue, error) {
	base := L.GetTop()
	L.Push(fn)
	for _, a := range args {
		L.Push(a)
	}
	if c := ctxOf(L); c != nil && !fn.IsG {
		c.s.hookNames(L)
		defer c.s.unhookNames(L)
	}
	if err := L.PCall(len(args), lua.MultRet, nil); err != nil {
		L.SetTop(base)
		if apiErr, ok := err.(*lua.ApiError); ok && fn.IsG {
			apiErr.Object = baseGoError(apiErr.Object)
		}
		return nil, err
	}
	n := L.GetTop() - base
	values := make([]lua.LValue, n)
	for i := range n {
		values[i] = L.Get(base + 1 + i)
	}
	L.SetTop(base)
	return values, nil
}

// end records how g ended and wakes whoever waits for it.
func (s *sched) end(g *G, values []lua.LValue, err error) {
	g.state = gDead
	g.done = true
	g.died = s.now()
	s.alive--
	ev := Event{Kind: KindEnd, G: g.id, Status: StatusOK}
	switch {
	case g.cancelErr != nil:
		g.errMsg = g.cancelErr.Error()
		ev.Status, ev.Err = StatusCancelled, g.errMsg
	case err != nil:
		g.errMsg = s.errorText(g.L, err)
		ev.Status, ev.Err = StatusError, g.errMsg
	default:
		g.ok = true
		g.values = values
	}
	s.emit(ev)
	if g == s.main {
		s.startGrace()
	}
	if err != nil && g.cancelErr == nil && !g.collected {
		s.reportError(g, err)
	}
	s.wakeAll(&g.waiters, g.id)
	for _, f := range g.onEnd {
		f()
	}
	g.onEnd = nil
}
