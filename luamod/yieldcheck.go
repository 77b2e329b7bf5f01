package luamod

import (
	"unsafe"

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
	return ok && vmCalled(debugFrame(dbg), -1)
}

// vmCalled reports whether frame fr, and every frame below it, was called
// by a Lua function at a call or tail call instruction, looking through
// at most limit frames (no bound when negative).
func vmCalled(fr unsafe.Pointer, limit int) bool {
	for ; limit != 0; limit-- {
		parent := frameParent(fr)
		if parent == nil {
			return true
		}
		if op := callOp(parent); op != lua.OP_CALL && op != lua.OP_TAILCALL {
			return false
		}
		fr = parent
	}
	return false
}
