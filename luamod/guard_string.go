package luamod

import (
	"strings"

	lua "github.com/yuin/gopher-lua"
)

// maxResults is Lua 5.1's LUAI_MAXCSTACK: the most values a builtin may
// push at once (unpack, string.byte). gopher-lua has no such bound, and
// grows a thread's stack a few hundred slots at a time, so unpack of a
// million values took seconds inside one instruction.
const maxResults = 8000

// guardStrings replaces the string functions that allocate or scan in
// proportion to a script's numbers with ones that reserve memory and
// charge their work first, and has every string function but char read a
// number given for a string as print writes it.
func (s *sched) guardStrings() {
	str := s.root.GetGlobal("string").(*lua.LTable)
	funcs := s.patternFuncs()
	funcs["rep"] = s.strRep
	funcs["byte"] = s.strByte
	funcs["char"] = strChar
	funcs["format"] = s.strFormat
	funcs["upper"] = s.mapString(asciiMap('a', 'A'), false)
	funcs["lower"] = s.mapString(asciiMap('A', 'a'), false)
	funcs["reverse"] = s.mapString(reverseBytes, true)
	for _, name := range []string{"len", "sub"} { // gopher-lua's, which are right
		funcs[name] = str.RawGetString(name).(*lua.LFunction).GFunction
	}
	for name, fn := range funcs {
		switch name {
		case "find", "match", "gmatch", "gsub":
			fn = numbersAsText(fn, 2)
		case "char":
		default:
			fn = numbersAsText(fn, 1)
		}
		str.RawSetString(name, s.root.NewFunction(fn))
	}
}

// numbersAsText makes fn read a number given as one of its first n
// arguments, its strings, as Lua 5.1 writes it (numberText):
// string.len(0.1 + 0.2) is 3, where gopher-lua measured
// "0.30000000000000004".
//
//go:noinline
func numbersAsText(fn lua.LGFunction, n int) lua.LGFunction {
	return func(L *lua.LState) int {
		for i := 1; i <= n; i++ {
			if v, ok := L.Get(i).(lua.LNumber); ok {
				L.Replace(i, lua.LString(numberText(v)))
			}
		}
		return fn(L)
	}
}

// strRep is string.rep(s, n).
func (s *sched) strRep(L *lua.LState) int {
	str := L.CheckString(1)
	n := float64(L.CheckNumber(2))
	if n < 1 || str == "" {
		L.Push(lua.LString(""))
		return 1
	}
	if size := float64(len(str)) * n; size > float64(s.opts.MaxMemory) {
		s.overMemory(L)
	}
	s.reserveString(L, int64(len(str))*int64(n))
	L.Push(lua.LString(s.repeatChecked(L, str, int(n))))
	return 1
}

// strByte is string.byte(s [, i [, j]]): the codes of s[i..j].
func (s *sched) strByte(L *lua.LState) int {
	str := L.CheckString(1)
	i := L.OptInt(2, 1)
	j := L.OptInt(3, i)
	i, j = strRange(i, len(str)), strRange(j, len(str))
	i = max(i, 1)
	j = min(j, len(str))
	if i > j {
		return 0
	}
	if j-i >= maxResults {
		L.RaiseError("string slice too long")
	}
	s.charge(L, int64(j-i)/4)
	for k := i; k <= j; k++ {
		L.Push(lua.LNumber(str[k-1]))
	}
	return j - i + 1
}

// strRange is Lua 5.1's posrelat: a negative position counts from the
// end.
func strRange(pos, length int) int {
	if pos < 0 {
		pos += length + 1
	}
	return max(pos, 0)
}

// strChar is string.char(...): Lua 5.1 refuses a code outside 0..255,
// where gopher-lua kept its low byte.
func strChar(L *lua.LState) int {
	b := make([]byte, L.GetTop())
	for i := range b {
		c := L.CheckInt(i + 1)
		if c < 0 || c > 255 {
			L.ArgError(i+1, "invalid value")
		}
		b[i] = byte(c)
	}
	L.Push(lua.LString(b))
	return 1
}

// mapString returns a string function that makes a new string of its
// argument's length from f, a function of its bytes in order, or in
// reverse order when backwards.
//
//go:noinline
func (s *sched) mapString(f func(string) string, backwards bool) lua.LGFunction {
	return func(L *lua.LState) int {
		str := L.CheckString(1)
		s.reserveString(L, int64(len(str)))
		L.Push(lua.LString(s.mapChecked(L, str, f, backwards)))
		return 1
	}
}

// asciiMap maps the 26 letters from from to those from to and keeps every
// other byte: Lua 5.1's upper and lower, which know only ASCII letters.
// gopher-lua's are Go's, which also changed é to É and bytes that are not
// UTF-8 to the three of U+FFFD.
//
//go:noinline
func asciiMap(from, to byte) func(string) string {
	return func(str string) string {
		b := []byte(str)
		for i, c := range b {
			if from <= c && c < from+26 {
				b[i] = c - from + to
			}
		}
		return string(b)
	}
}

func reverseBytes(str string) string {
	b := make([]byte, len(str))
	for i := range b {
		b[i] = str[len(str)-1-i]
	}
	return string(b)
}

// checkFormat applies Lua 5.1's bounds on string.format's conversions (at
// most two digits of width and of precision, no repeated flags), which
// also bound the padding a format may ask for, and reserves the result's
// size: the format, the strings it formats and the padding. It returns
// that size, which the result does not pass but for %q's escapes.
func (s *sched) checkFormat(L *lua.LState, f string) int64 {
	size := int64(len(f))
	for i := 0; i < len(f); i++ {
		if f[i] != '%' {
			continue
		}
		i++
		start := i
		for i < len(f) && strings.IndexByte("-+ #0", f[i]) >= 0 {
			i++
		}
		if i-start > 5 {
			L.RaiseError("invalid format (repeated flags)")
		}
		i = skipDigits(L, f, i)
		if i < len(f) && f[i] == '.' {
			i = skipDigits(L, f, i+1)
		}
		size += 100
	}
	for n := 2; n <= L.GetTop(); n++ {
		if str, ok := L.Get(n).(lua.LString); ok {
			size += int64(len(str))
		}
	}
	s.reserveString(L, size)
	return size
}

// skipDigits skips the (at most two) digits of a width or precision.
func skipDigits(L *lua.LState, f string, i int) int {
	start := i
	for i < len(f) && '0' <= f[i] && f[i] <= '9' {
		i++
	}
	if i-start > 2 {
		L.RaiseError("invalid format (width or precision too long)")
	}
	return i
}
