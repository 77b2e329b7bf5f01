package luamod

import (
	"strings"

	lua "github.com/yuin/gopher-lua"
)

// maxCCalls is Lua 5.1's LUAI_MAXCCALLS: how deeply pcall, xpcall and
// coroutine resumes may nest in one goroutine. Each level is a Go call
// that runs Lua on another thread, with a call stack of its own, so this
// bound is what keeps their Go recursion from exhausting the Go stack.
const maxCCalls = 200

// caughtErrorUnits is the work of an error caught by pcall, about 30 µs
// (gopher-lua writes a traceback, and the unwinder raises once more): a
// loop of failing pcalls is charged for it (guard.go).
const caughtErrorUnits = 1024

// errCStackOverflow is Lua 5.1's message when maxCCalls is reached.
const errCStackOverflow = "C stack overflow"

// errInHandler is Lua 5.1's result when xpcall's message handler raises.
const errInHandler = "error in error handling"

// The engine's pcall and xpcall run their function on a thread of their
// own, lent from the run's pool of idle threads, instead of on the
// caller's. gopher-lua v1.1.2 (upstream issue yuin/gopher-lua#448) closes
// the upvalues of every frame of a thread when an error is caught by
// pcall, so closures stop sharing locals with the frames that survive;
// and leaves open the upvalues of the frames xpcall unwinds, so closures
// read stack slots that are cleared and reused. On a thread of its own an
// error unwinds exactly the frames of the protected call, and unwind
// closes the upvalues of exactly those frames.

func (s *sched) pcallL(L *lua.LState) int {
	L.CheckAny(1)
	return s.protectedCall(L, nil)
}

// xpcallL is xpcall(f, handler): as in Lua 5.1, f gets no arguments.
func (s *sched) xpcallL(L *lua.LState) int {
	L.CheckAny(1)
	h := L.CheckFunction(2)
	L.SetTop(1)
	return s.protectedCall(L, h)
}

// protectedCall calls the function at index 1 of L with the values above
// it and returns true and its results, or false and the error value
// (passed through handler h when there is one). The goroutine's own
// cancellation is not caught: it is raised again in L.
func (s *sched) protectedCall(L *lua.LState, h *lua.LFunction) int {
	g := s.cur
	fn := L.Get(1)
	if _, ok := fn.(*lua.LFunction); !ok && L.GetMetaField(fn, "__call") == lua.LNil {
		L.SetTop(0)
		return pushFail(L, lua.LFalse, "attempt to call a "+fn.Type().String()+" value")
	}
	if g.cdepth+1 >= maxCCalls {
		L.SetTop(0)
		return pushFail(L, lua.LFalse, errCStackOverflow)
	}
	T := s.lend(L, h)
	T.Push(s.trampoline)
	L.XMoveTo(T, L.GetTop())
	g.cdepth++
	outer := g.callback
	err := T.PCall(T.GetTop()-1, lua.MultRet, s.unwinder)
	g.callback = outer
	g.cdepth--
	if err != nil {
		s.giveBack(T)
		raiseIf(L, g.cancelErr)
		s.charge(L, caughtErrorUnits)
		L.Push(lua.LFalse)
		L.Push(errorValue(err))
		return 2
	}
	n := T.GetTop()
	L.Push(lua.LTrue)
	T.XMoveTo(L, n)
	s.giveBack(T)
	return 1 + n
}

// protect calls fn(args...) on a lent thread, as pcall does, for engine
// code that calls back into Lua and handles the error itself. Like
// protectedCall it counts towards maxCCalls.
func (s *sched) protect(L *lua.LState, fn lua.LValue, args []lua.LValue) ([]lua.LValue, error) {
	g := s.cur
	if g.cdepth+1 >= maxCCalls {
		return nil, &lua.ApiError{Type: lua.ApiErrorRun, Object: lua.LString(errCStackOverflow)}
	}
	T := s.lend(L, nil)
	defer s.giveBack(T)
	T.Push(s.trampoline)
	T.Push(fn)
	for _, a := range args {
		T.Push(a)
	}
	g.cdepth++
	outer := g.callback
	err := T.PCall(1+len(args), lua.MultRet, s.unwinder)
	g.callback = outer
	g.cdepth--
	if err != nil {
		return nil, err
	}
	values := make([]lua.LValue, T.GetTop())
	for i := range values {
		values[i] = T.Get(i + 1)
	}
	return values, nil
}

// protectIn is protect for a callback that the error of a yield inside
// it names, e.g. "select handler".
func (s *sched) protectIn(L *lua.LState, callback string, fn lua.LValue, args []lua.LValue) ([]lua.LValue, error) {
	g := s.cur
	outer := g.callback
	g.callback = callback
	values, err := s.protect(L, fn, args)
	g.callback = outer
	return values, err
}

// inCallback runs call, which calls Lua from the engine on the current
// thread, under the name a yield inside it reports. When call raises, the
// protected call or resume that catches the error restores the name.
func (s *sched) inCallback(name string, call func() int) int {
	g := s.cur
	outer := g.callback
	g.callback = name
	n := call()
	g.callback = outer
	return n
}

// baseGoError mends the message of an error that a Go function raised at
// the bottom of a thread, as the function of a goroutine or coroutine:
// gopher-lua puts a space where a Lua caller's position would go and
// names the function "main chunk" or "corountine" in argument errors. As
// in Lua 5.1 the message gets no position, and the function is named as
// when pcall calls it (Lua 5.1 says '?').
func baseGoError(v lua.LValue) lua.LValue {
	msg, ok := v.(lua.LString)
	if !ok || !strings.HasPrefix(string(msg), " ") {
		return v
	}
	text := string(msg[1:])
	for _, name := range []string{"main chunk", "corountine"} {
		if rest, ok := strings.CutPrefix(text, "bad argument #"); ok {
			if n, after, ok := strings.Cut(rest, " to "+name+" ("); ok && !strings.Contains(n, " ") {
				text = "bad argument #" + n + " to (anonymous) (" + after
			}
		}
	}
	return lua.LString(text)
}

// errorValue is the Lua value an error from PCall carries.
func errorValue(err error) lua.LValue {
	if apiErr, ok := err.(*lua.ApiError); ok && apiErr.Object != nil {
		return apiErr.Object
	}
	return lua.LString(err.Error())
}

// trampoline is the bottom frame of a lent thread: it calls its first
// argument with the others and returns all results. It stands for the
// caller's pcall (or engine callback) on the lent thread, so the function
// it calls has a caller, as in Lua: gopher-lua names a Go function at the
// bottom of a thread "main chunk" in argument errors.
func trampoline(L *lua.LState) int {
	L.Call(L.GetTop()-1, lua.MultRet)
	return L.GetTop()
}

// lend takes an idle thread for a protected call made from L.
func (s *sched) lend(L *lua.LState, h *lua.LFunction) *lua.LState {
	T := s.thread()
	c := ctxOf(T)
	c.caller, c.handler = L, h
	return T
}

// giveBack returns a lent thread to the pool.
func (s *sched) giveBack(T *lua.LState) {
	c := ctxOf(T)
	c.caller, c.handler = nil, nil
	T.SetTop(0)
	s.free = append(s.free, T)
}

// unwind is the message handler of every protected call on a lent thread.
// gopher-lua calls it where the error was raised, with the failed frames
// still on the thread: it passes the error through xpcall's handler, if
// any, then closes the upvalues of those frames, so closures that
// captured their locals keep the values they had.
func (s *sched) unwind(L *lua.LState) int {
	v := vmMessage(L, frameParent(currentFrame(L)), L.Get(1))
	if h := ctxOf(L).handler; h != nil {
		L.Push(h)
		L.Push(v)
		// Errors in the handler are not handled again: the handler's own
		// error path closes the upvalues.
		if err := L.PCall(1, 1, nil); err != nil {
			L.Push(lua.LString(errInHandler))
			return 1
		}
		v = L.Get(-1)
	} else if msg, ok := v.(lua.LString); ok && s.blamesNobody(L) {
		v = msg[1:]
	}
	// gopher-lua closes every upvalue of a thread when an error is raised
	// with no message handler active, and none is while a handler runs:
	// raise one and catch it.
	L.Push(s.raiser)
	_ = L.PCall(0, 0, nil)
	L.Push(v)
	return 1
}

// blamesNobody reports whether the error being unwound on lent thread L is
// a message that gopher-lua meant to start with the position of a Lua
// function, but found none: a Go function that pcall called directly
// raised it. gopher-lua then leaves the message with a space in front;
// Lua 5.1 gives it no position. The engine's error function never leaves
// that space, and a message from a Lua function has its position.
func (s *sched) blamesNobody(L *lua.LState) bool {
	v, _ := L.Get(1).(lua.LString)
	if len(v) == 0 || v[0] != ' ' {
		return false
	}
	for level := 1; ; level++ {
		dbg, ok := L.GetStack(level)
		if !ok {
			return true
		}
		fn, _ := L.GetInfo("f", dbg, lua.LNil)
		if f, ok := fn.(*lua.LFunction); !ok || !f.IsG || (level == 1 && f == s.errorFn) {
			return false
		}
	}
}

// errorL is Lua 5.1's error(v, level): a string message gets the position
// of the function at level in front (1: the one that called error), found
// across lent threads. gopher-lua's error is a level off and needs v.
func (s *sched) errorL(L *lua.LState) int {
	v := L.Get(1)
	if msg, ok := v.(lua.LString); ok {
		if pos := where(L, L.OptInt(2, 1)); pos != "" {
			v = lua.LString(pos + " " + string(msg))
		}
	}
	L.Error(v, 0)
	return 0
}

// openPcall replaces the global pcall, xpcall and error with the engine's.
func (s *sched) openPcall() {
	L := s.root
	s.unwinder = L.NewFunction(s.unwind)
	s.trampoline = L.NewFunction(trampoline)
	s.raiser = L.NewFunction(func(L *lua.LState) int {
		L.RaiseError("unwinding")
		return 0
	})
	s.errorFn = L.NewFunction(s.errorL)
	L.SetGlobal("error", s.errorFn)
	L.SetGlobal("pcall", L.NewFunction(s.pcallL))
	L.SetGlobal("xpcall", L.NewFunction(s.xpcallL))
}
