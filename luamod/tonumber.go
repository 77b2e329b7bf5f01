package luamod

import (
	"errors"
	"strconv"
	"strings"

	lua "github.com/yuin/gopher-lua"
)

// wrapToNumber makes tonumber read a string as Lua 5.1 does. gopher-lua's
// reads a string without a point as an integer, so tonumber("1e3") and
// tonumber("-2E2") were nil where Lua 5.1, and gopher-lua's own "1e3" + 0,
// give a number. With a base, tonumber is gopher-lua's, which is right
// once the base is known to be one Lua 5.1 takes.
func (s *sched) wrapToNumber() {
	withBase := s.root.GetGlobal("tonumber").(*lua.LFunction)
	s.root.SetGlobal("tonumber", s.root.NewFunction(func(L *lua.LState) int {
		if L.Get(2) != lua.LNil {
			if base := L.CheckInt(2); base < 2 || base > 36 {
				L.ArgError(2, "base out of range")
			}
			L.Insert(withBase, 1)
			L.Call(L.GetTop()-1, 1)
			return 1
		}
		switch v := L.CheckAny(1).(type) {
		case lua.LNumber:
			L.Push(v)
		case lua.LString:
			if n, ok := parseNumber(string(v)); ok {
				L.Push(lua.LNumber(n))
			} else {
				L.Push(lua.LNil)
			}
		default:
			L.Push(lua.LNil)
		}
		return 1
	}))
}

// parseNumber reads s as Lua 5.1's tonumber does, by the C library's
// strtod: space around, a sign, a decimal number with an optional
// exponent, inf or nan, or a hexadecimal number.
func parseNumber(s string) (float64, bool) {
	s = strings.Trim(s, " \t\n\v\f\r")
	if s == "" || strings.ContainsRune(s, '_') { // Go reads 1_000, C does not
		return 0, false
	}
	if n, err := strconv.ParseFloat(s, 64); err == nil || errors.Is(err, strconv.ErrRange) {
		return n, true
	}
	// Go reads a hexadecimal number only with a p exponent; glibc's strtod
	// reads 0x10, 0xa.8 and 0xffffffffffffffffff (4.7e21) without one.
	digits := strings.TrimLeft(s, "+-")
	if len(s)-len(digits) > 1 || len(digits) < 3 || digits[0] != '0' || digits[1]|0x20 != 'x' || strings.ContainsAny(digits, "pP") {
		return 0, false
	}
	n, err := strconv.ParseFloat(s+"p0", 64)
	return n, err == nil || errors.Is(err, strconv.ErrRange)
}

// numberLiteral is the text of a number literal as gopher-lua's compiler
// reads it right: it read a hexadecimal literal past 64 bits as nan.
func numberLiteral(text string) string {
	if len(text) > 2 && text[1]|0x20 == 'x' {
		if n, ok := parseNumber(text); ok {
			return strconv.FormatFloat(n, 'g', -1, 64)
		}
	}
	return text
}
