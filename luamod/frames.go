package luamod

import (
	"reflect"
	"unsafe"

	lua "github.com/yuin/gopher-lua"
)

// gopher-lua keeps a thread's current call frame and each frame's parent
// and position private. The engine reads them, without changing anything,
// at offsets that frameLayout takes from the real types once, at
// start-up: a gopher-lua whose frames changed stops the program at once
// instead of being misread.

// frames is where gopher-lua keeps the fields read here, and which field
// of lua.Debug points to the frame.
var frames = frameLayout()

// currentFrame is L's innermost call frame, nil when it runs nothing.
func currentFrame(L *lua.LState) unsafe.Pointer {
	return *(*unsafe.Pointer)(unsafe.Add(unsafe.Pointer(L), frames.current))
}

// debugFrame is the frame a lua.Debug from GetStack stands for.
func debugFrame(dbg *lua.Debug) unsafe.Pointer {
	return reflect.ValueOf(dbg).Elem().Field(frames.frame).UnsafePointer()
}

func frameParent(fr unsafe.Pointer) unsafe.Pointer {
	return *(*unsafe.Pointer)(unsafe.Add(fr, frames.parent))
}

func frameFn(fr unsafe.Pointer) *lua.LFunction {
	return *(**lua.LFunction)(unsafe.Add(fr, frames.fn))
}

// framePc is the position after the frame's current instruction.
func framePc(fr unsafe.Pointer) int { return *(*int)(unsafe.Add(fr, frames.pc)) }

// frameLocalBase is where the frame's registers begin in its thread's
// registry.
func frameLocalBase(fr unsafe.Pointer) int { return *(*int)(unsafe.Add(fr, frames.localBase)) }

func frameLayout() (l struct {
	frame                              int
	current, fn, parent, pc, localBase uintptr
}) {
	debug, ok := reflect.TypeOf(lua.Debug{}).FieldByName("frame")
	if !ok || debug.Type.Kind() != reflect.Pointer || debug.Type.Elem().Kind() != reflect.Struct {
		panic("luamod: gopher-lua's lua.Debug has no frame pointer: frames.go must follow it")
	}
	frame := debug.Type.Elem()
	fn, okFn := frame.FieldByName("Fn")
	parent, okParent := frame.FieldByName("Parent")
	pc, okPc := frame.FieldByName("Pc")
	base, okBase := frame.FieldByName("LocalBase")
	cur, okCur := reflect.TypeOf(lua.LState{}).FieldByName("currentFrame")
	if !okFn || !okParent || !okPc || !okBase || !okCur || fn.Type != reflect.TypeOf((*lua.LFunction)(nil)) ||
		parent.Type != debug.Type || cur.Type != debug.Type || pc.Type.Kind() != reflect.Int || base.Type.Kind() != reflect.Int {
		panic("luamod: gopher-lua's call frames changed: frames.go must follow them")
	}
	l.frame = debug.Index[0]
	l.current, l.fn, l.parent, l.pc, l.localBase = cur.Offset, fn.Offset, parent.Offset, pc.Offset, base.Offset
	return l
}
