package luamod

import (
	"reflect"
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
// gopher-lua keeps a frame's parent and position private; they are read
// through reflection, without changing anything.
func vmCalledYield(L *lua.LState) bool {
	dbg, ok := L.GetStack(0)
	if !ok {
		return false
	}
	fr := reflect.ValueOf(dbg).Elem().Field(frames.frame).UnsafePointer()
	for {
		parent := *(*unsafe.Pointer)(unsafe.Add(fr, frames.parent))
		if parent == nil {
			return true
		}
		fn := *(**lua.LFunction)(unsafe.Add(parent, frames.fn))
		pc := *(*int)(unsafe.Add(parent, frames.pc))
		if fn.IsG || pc < 1 || pc > len(fn.Proto.Code) {
			return false
		}
		if op := int(fn.Proto.Code[pc-1] >> 26); op != lua.OP_CALL && op != lua.OP_TAILCALL {
			return false
		}
		fr = parent
	}
}

// frames is where gopher-lua's callFrame keeps the fields vmCalledYield
// reads, and which field of lua.Debug points to the frame.
var frames = frameLayout()

func frameLayout() (l struct {
	frame          int
	fn, parent, pc uintptr
}) {
	debug, ok := reflect.TypeOf(lua.Debug{}).FieldByName("frame")
	if !ok || debug.Type.Kind() != reflect.Pointer || debug.Type.Elem().Kind() != reflect.Struct {
		panic("luamod: gopher-lua's lua.Debug has no frame pointer: yieldcheck.go must follow it")
	}
	frame := debug.Type.Elem()
	fn, okFn := frame.FieldByName("Fn")
	parent, okParent := frame.FieldByName("Parent")
	pc, okPc := frame.FieldByName("Pc")
	if !okFn || !okParent || !okPc || fn.Type != reflect.TypeOf((*lua.LFunction)(nil)) ||
		parent.Type != debug.Type || pc.Type.Kind() != reflect.Int {
		panic("luamod: gopher-lua's call frames changed: yieldcheck.go must follow them")
	}
	l.frame = debug.Index[0]
	l.fn, l.parent, l.pc = fn.Offset, parent.Offset, pc.Offset
	return l
}
