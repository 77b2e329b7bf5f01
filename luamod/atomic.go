package luamod

import (
	"math"

	lua "github.com/yuin/gopher-lua"
)

const atomicIntType = "goroutine.atomic_int"

// atomicInt is Go's atomic.Int64. Only one goroutine runs Lua at a time
// and none is preempted inside a module call, so each method is atomic
// without a lock; what the type adds over a plain variable is that
// read-modify-write happens in one call.
type atomicInt struct{ v int64 }

func checkAtomicInt(L *lua.LState, n int) *atomicInt {
	return checkObject[atomicInt](L, n, atomicIntType)
}

// checkInteger returns argument n as a whole number, raising for a
// fraction, NaN or a value outside the 64-bit range.
func checkInteger(L *lua.LState, n int) int64 {
	f := float64(L.CheckNumber(n))
	if f != math.Trunc(f) || f < -(1<<63) || f >= 1<<63 {
		L.ArgError(n, "number has no integer representation")
	}
	return int64(f)
}

func (m *Module) atomicIntMethods() map[string]lua.LGFunction {
	return map[string]lua.LGFunction{
		"add": func(L *lua.LState) int {
			a := checkAtomicInt(L, 1)
			a.v += checkInteger(L, 2)
			L.Push(lua.LNumber(a.v))
			return 1
		},
		"load": func(L *lua.LState) int {
			L.Push(lua.LNumber(checkAtomicInt(L, 1).v))
			return 1
		},
		"store": func(L *lua.LState) int {
			checkAtomicInt(L, 1).v = checkInteger(L, 2)
			return 0
		},
		"swap": func(L *lua.LState) int {
			a := checkAtomicInt(L, 1)
			old := a.v
			a.v = checkInteger(L, 2)
			L.Push(lua.LNumber(old))
			return 1
		},
		"compare_and_swap": func(L *lua.LState) int {
			a := checkAtomicInt(L, 1)
			old, v := checkInteger(L, 2), checkInteger(L, 3)
			ok := a.v == old
			if ok {
				a.v = v
			}
			L.Push(lua.LBool(ok))
			return 1
		},
	}
}

func (m *Module) atomicIntL(L *lua.LState) int {
	v := int64(0)
	if L.Get(1) != lua.LNil {
		v = checkInteger(L, 1)
	}
	L.Push(newObject(L, atomicIntType, &atomicInt{v: v}))
	return 1
}
