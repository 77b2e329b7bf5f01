package luamod

import (
	"math"
	"strconv"

	lua "github.com/yuin/gopher-lua"
)

// numberText is n as Lua 5.1 writes a number, with C's %.14g: 0.1 + 0.2
// is 0.3, 1/3 is 0.33333333333333 and 1e15 is 1e+15, where gopher-lua
// wrote 0.30000000000000004, 0.3333333333333333 and 1000000000000000.
// Infinity is inf and -inf; NaN is nan whatever its sign bit, which
// differs between native and wasm.
func numberText(n lua.LNumber) string {
	f := float64(n)
	switch {
	case f == math.Trunc(f) && math.Abs(f) < 1e14 && !(f == 0 && math.Signbit(f)):
		return strconv.FormatInt(int64(f), 10) // the common case, without a float's formatting
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	}
	return strconv.FormatFloat(f, 'g', 14, 64)
}

// stringOf is v as Lua 5.1 converts a string or a number to a string
// (lua.LVAsString with numbers as numberText writes them), and "" for
// any other value.
func stringOf(v lua.LValue) string {
	if n, ok := v.(lua.LNumber); ok {
		return numberText(n)
	}
	return lua.LVAsString(v)
}

// valueString is v.String() with numbers as numberText writes them.
func valueString(v lua.LValue) string {
	if n, ok := v.(lua.LNumber); ok {
		return numberText(n)
	}
	return v.String()
}
