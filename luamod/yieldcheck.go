package luamod

import (
	lua "github.com/yuin/gopher-lua"
)

// vmCalledYield reports whether coroutine.yield, running on coroutine L,
// was reached by Lua calls alone from the coroutine's first frame: each
// frame called by a Lua function at a call instruction. gopher-lua's yield
// only works then. A Lua function that a Go function calls (a select
// handler, a range callback, a sort comparator) has that Go function's
// frame as parent; one that the VM calls from inside an instruction (a
// metamethod, the iterator of a generic for) has a parent that is not at
// a call instruction. Yielding there would return through the wrong Go
// frames; Lua 5.1 refuses it too (it counts such calls in nCcalls).
//
// gopher-lua keeps a frame's parent and position private; frames.go reads
// them.
func vmCalledYield(L *lua.LState) bool {
	dbg, ok := L.GetStack(0)
	if !ok {
		return false
	}
	fr := debugFrame(dbg)
	for {
		parent := frameParent(fr)
		if parent == nil {
			return true
		}
		fn, pc := frameFn(parent), framePc(parent)
		if fn.IsG || pc < 1 || pc > len(fn.Proto.Code) {
			return false
		}
		if op := int(fn.Proto.Code[pc-1] >> 26); op != lua.OP_CALL && op != lua.OP_TAILCALL {
			return false
		}
		fr = parent
	}
}
