package luamod

import (
	"fmt"

	lua "github.com/yuin/gopher-lua"
)

// A protected call runs on a thread lent to it (pcall.go), but a script
// sees one call stack: below the lent thread's frames come those of the
// thread that called pcall. The helpers here walk the stack that way. The
// lent thread's bottom frame, the trampoline, stands for the caller's
// pcall frame, which is skipped.

// frameAt returns the frame at level of the call stack seen from L (0 is
// the running function) and the thread it is on; nil when there is none.
func frameAt(L *lua.LState, level int) (*lua.LState, *lua.Debug) {
	for L != nil {
		i := 0
		for ; ; i++ {
			dbg, ok := L.GetStack(i)
			if !ok {
				break
			}
			if i == level {
				return L, dbg
			}
		}
		level -= i - 1 // the caller's level 0 is pcall: the trampoline was it
		L = callerOf(L)
	}
	return nil, nil
}

// lineAt is the current line of the Lua function at level, with its
// source name; 0 when level is a Go function or beyond the stack.
func lineAt(L *lua.LState, level int) (string, int) {
	th, dbg := frameAt(L, level)
	if th == nil {
		return "", 0
	}
	if _, err := th.GetInfo("Sl", dbg, lua.LNil); err != nil || dbg.CurrentLine <= 0 {
		return "", 0
	}
	return dbg.Source, dbg.CurrentLine
}

// where is Lua 5.1's luaL_where: "chunk:line:" of the function at level,
// or "" for a Go function.
func where(L *lua.LState, level int) string {
	source, line := lineAt(L, level)
	if line == 0 {
		return ""
	}
	return fmt.Sprintf("%s:%d:", source, line)
}

// callerLine is the line of the innermost Lua function on the stack:
// where the script called into the module. It looks 16 frames deep.
//
// Every channel operation, lock and spawn records it, so it reads the
// frames directly (frames.go) and costs a few loads: gopher-lua's GetStack
// allocates a Debug per level, which made it most of the garbage of a
// channel ping-pong.
func callerLine(L *lua.LState) int {
	n := 0
	for L != nil && n < 16 {
		for fr := currentFrame(L); fr != nil && n < 16; fr, n = frameParent(fr), n+1 {
			if fn, pc := frameFn(fr), framePc(fr); !fn.IsG && pc > 0 && pc <= len(fn.Proto.DbgSourcePositions) {
				return fn.Proto.DbgSourcePositions[pc-1]
			}
		}
		L = callerOf(L)
	}
	return 0
}

// callerLineSlow is callerLine through gopher-lua's debug API, which the
// tests compare it with.
func callerLineSlow(L *lua.LState) int {
	n := 0
	for L != nil && n < 16 {
		for level := 0; n < 16; level, n = level+1, n+1 {
			dbg, ok := L.GetStack(level)
			if !ok {
				break
			}
			if _, err := L.GetInfo("l", dbg, lua.LNil); err == nil && dbg.CurrentLine > 0 {
				return dbg.CurrentLine
			}
		}
		L = callerOf(L)
	}
	return 0
}

// callerOf is the thread that called pcall on lent thread L, or nil.
func callerOf(L *lua.LState) *lua.LState {
	if c := ctxOf(L); c != nil {
		return c.caller
	}
	return nil
}
