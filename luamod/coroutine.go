package luamod

import (
	lua "github.com/yuin/gopher-lua"
)

// coroutine is the engine's record of a thread made by coroutine.create or
// coroutine.wrap. gopher-lua keeps one "current thread" per Lua state and
// knows nothing of goroutines, so on its own it lets a goroutine resume a
// coroutine that another goroutine is running (parked in a sleep inside
// it), or resume a goroutine's own thread; both corrupt the threads. The
// engine's coroutine library owns the rule instead: a coroutine runs in
// one goroutine at a time, from resume until it yields or ends.
type coroutine struct {
	owner   *G   // the goroutine running it; nil while suspended
	goFn    bool // its function is a Go function (baseGoError)
	started bool // it was resumed once: its Panic function is panicNamed
}

// Messages of the coroutine library, Lua 5.1's. Resuming one that is
// not suspended says its status: "cannot resume running coroutine" (here
// or in another goroutine) or "cannot resume normal coroutine".
const (
	errResumeDead    = "cannot resume dead coroutine"
	errYieldOutside  = "attempt to yield from outside a coroutine"
	errYieldBoundary = "attempt to yield across metamethod/C-call boundary"
)

// coroutineOf returns th's record, or nil when th is not a coroutine (a
// goroutine's own thread, or one lent to pcall).
func coroutineOf(th *lua.LState) *coroutine {
	if c := ctxOf(th); c != nil {
		return c.co
	}
	return nil
}

// openCoroutine replaces gopher-lua's coroutine library with the
// engine's, whose threads carry the run context (so a busy coroutine is
// preempted and stoppable) and the ownership rule above. gopher-lua's
// create and resume still do the work on the threads.
func (s *sched) openCoroutine() {
	orig := s.root.GetGlobal("coroutine").(*lua.LTable)
	s.luaCreate = orig.RawGetString("create").(*lua.LFunction)
	s.luaResume = orig.RawGetString("resume").(*lua.LFunction)
	t := s.root.NewTable()
	setFuncs(s.root, t, map[string]lua.LGFunction{
		"create":  s.coCreate,
		"resume":  s.coResume,
		"running": s.coRunning,
		"status":  s.coStatus,
		"wrap":    s.coWrap,
		"yield":   s.coYield,
	})
	s.setLib("coroutine", t)
}

func (s *sched) coCreate(L *lua.LState) int {
	L.Push(s.newCoroutine(L.CheckFunction(1)))
	return 1
}

// newCoroutine makes a suspended coroutine of fn. gopher-lua's create,
// called on the root thread (which has no context, so the new thread gets
// none to replace), lays out its first frame.
func (s *sched) newCoroutine(fn *lua.LFunction) *lua.LState {
	R := s.root
	R.Push(s.luaCreate)
	R.Push(fn)
	R.Call(1, 1)
	th := R.Get(-1).(*lua.LState)
	R.Pop(1)
	th.SetContext(&runCtx{s: s, co: &coroutine{goFn: fn.IsG}})
	return th
}

func (s *sched) coResume(L *lua.LState) int {
	return s.resume(L, L.CheckThread(1), argsFrom(L, 2))
}

// coWrap is coroutine.wrap: a function that resumes the coroutine and
// raises its errors, as Lua 5.1 does: a message gets the position of the
// wrapper's caller in front.
func (s *sched) coWrap(L *lua.LState) int {
	th := s.newCoroutine(L.CheckFunction(1))
	L.Push(L.NewFunction(func(L *lua.LState) int {
		n := s.resume(L, th, argsFrom(L, 1))
		if top := L.GetTop(); L.Get(top-n+1) == lua.LFalse {
			errv := L.Get(top)
			if msg, ok := errv.(lua.LString); ok {
				L.Error(msg, 1)
			}
			L.Error(errv, 0)
		}
		return n - 1
	}))
	return 1
}

// resume runs coroutine th from L until it yields or ends, and pushes
// what coroutine.resume returns: true and what th yielded or returned, or
// false and its error. It returns how many values it pushed. Resuming is
// refused, with Lua's messages, when th is not a suspended coroutine or
// maxCCalls levels are active. The goroutine's own cancellation is raised
// in L, not returned.
func (s *sched) resume(L, th *lua.LState, args []lua.LValue) int {
	g := s.cur
	co := coroutineOf(th)
	switch {
	case co != nil && th.Dead:
		return pushFail(L, lua.LFalse, errResumeDead)
	case co == nil || co.owner != nil:
		return pushFail(L, lua.LFalse, "cannot resume "+s.statusOf(L, th)+" coroutine")
	case g.cdepth+1 >= maxCCalls:
		return pushFail(L, lua.LFalse, errCStackOverflow)
	}
	co.owner = g
	if !co.started && !co.goFn {
		co.started = true
		s.hookNames(th)
	}
	prev := L.G.CurrentThread
	outer := g.callback
	g.callback = ""
	g.cdepth++
	top := L.GetTop()
	L.Push(s.luaResume)
	L.Push(th)
	for _, a := range args {
		L.Push(a)
	}
	L.Call(1+len(args), lua.MultRet)
	s.unhookNames(th)
	g.cdepth--
	g.callback = outer
	co.owner = nil
	L.G.CurrentThread = prev
	if L.Get(top+1) == lua.LFalse {
		raiseIf(L, g.cancelErr)
		if co.goFn {
			L.Replace(top+2, baseGoError(L.Get(top+2)))
		}
	}
	return L.GetTop() - top
}

// coYield is coroutine.yield. gopher-lua's yield works only when the VM
// called it directly from the coroutine's own Lua frames; called through
// Go (a select handler, a range callback, a metamethod, an iterator, a
// sort function, a pcall) it would unwind the wrong Go frames. That is
// refused with Lua 5.1's message, which has no position.
func (s *sched) coYield(L *lua.LState) int {
	current := L == L.G.CurrentThread
	if current && coroutineOf(L) == nil {
		L.Error(lua.LString(errYieldOutside), 0)
	}
	if !current || !vmCalledYield(L) {
		msg := errYieldBoundary
		if cb := s.cur.callback; cb != "" {
			msg = "cannot yield inside a " + cb + " (" + errYieldBoundary + ")"
		}
		L.Error(lua.LString(msg), 0)
	}
	return -1 // gopher-lua's yield: the arguments go to the resumer
}

// coRunning is coroutine.running: the running coroutine, or nil outside
// one (as in Lua 5.1's main thread: a goroutine's own thread is not a
// coroutine).
func (s *sched) coRunning(L *lua.LState) int {
	th := L.G.CurrentThread
	if coroutineOf(th) == nil {
		L.Push(lua.LNil)
		return 1
	}
	L.Push(th)
	return 1
}

// coStatus is coroutine.status.
func (s *sched) coStatus(L *lua.LState) int {
	L.Push(lua.LString(s.statusOf(L, L.CheckThread(1))))
	return 1
}

// statusOf is th's status as L sees it. A coroutine that another
// goroutine is running (parked inside it, say) is "running": it cannot
// be resumed.
func (s *sched) statusOf(L, th *lua.LState) string {
	co := coroutineOf(th)
	switch {
	case th.Dead:
		return "dead"
	case co == nil:
	case co.owner == nil:
		return "suspended"
	case co.owner == s.cur && th != L.G.CurrentThread:
		return "normal"
	}
	return "running"
}
