package luamod

import (
	"fmt"
	"strings"

	lua "github.com/yuin/gopher-lua"
)

// tostring is v as print, log and format's %s show it: Lua's tostring
// with reproducible names for reference values ("table: 0x000003" numbers
// objects in the order a run first shows them, where gopher-lua prints a
// Go pointer that differs on every run and between native and wasm). A
// __tostring metamethod still wins; one that returns neither a string nor
// a number raises, as Lua 5.1's print does, instead of showing whatever it
// returned by its Go address.
func (s *sched) tostring(L *lua.LState, v lua.LValue) string {
	if !isReference(v) {
		return v.String()
	}
	if L.GetMetaField(v, "__tostring") == lua.LNil {
		return s.objectName(v)
	}
	switch str := L.ToStringMeta(v).(type) {
	case lua.LString, lua.LNumber:
		return str.String()
	}
	L.RaiseError("'__tostring' must return a string")
	return ""
}

// objectName names a reference value by kind and first-seen order.
func (s *sched) objectName(v lua.LValue) string {
	n, ok := s.shown[v]
	if !ok {
		n = len(s.shown) + 1
		s.shown[v] = n
	}
	return fmt.Sprintf("%s: 0x%06x", typeNameOf(v), n)
}

// openToString replaces the global tostring with the reproducible one.
func (s *sched) openToString() {
	s.shown = map[lua.LValue]int{}
	s.root.SetGlobal("tostring", s.root.NewFunction(func(L *lua.LState) int {
		v := L.CheckAny(1)
		if L.GetMetaField(v, "__tostring") != lua.LNil {
			L.Push(L.ToStringMeta(v)) // Lua 5.1 returns what __tostring returns
			return 1
		}
		L.Push(lua.LString(s.tostring(L, v)))
		return 1
	}))
}

// valueText is v as tostring shows it, for engine messages: a __tostring
// metamethod is called protected (on a lent thread), and its error or a
// non-string result gives the plain name instead.
func (s *sched) valueText(L *lua.LState, v lua.LValue) string {
	if !isReference(v) {
		return v.String()
	}
	mm := L.GetMetaField(v, "__tostring")
	if mm == lua.LNil || s.cur == nil {
		return s.objectName(v)
	}
	if res, err := s.protect(L, mm, []lua.LValue{v}); err == nil && len(res) > 0 {
		if str, ok := res[0].(lua.LString); ok {
			return string(str)
		}
	}
	return s.objectName(v)
}

// errorText is the error value that err carries, as text (valueText).
func (s *sched) errorText(L *lua.LState, err error) string {
	return s.valueText(L, errorValue(err))
}

// wrapFormat makes string.format's %s show reference values as tostring
// does (Lua 5.2's rule; gopher-lua prints their Go address), and its
// numeric conversions take numbers, or strings that convert, as in Lua
// 5.1: gopher-lua formatted string.format("%d", "x") as 0 and passed "2.5"
// to %f as a Go string. A conversion Lua does not know, or one without its
// argument, raises as in Lua 5.1 instead of printing Go's "%!y(int64=1)"
// or "%!s(MISSING)".
func (s *sched) wrapFormat() {
	str := s.root.GetGlobal("string").(*lua.LTable)
	format := str.RawGetString("format").(*lua.LFunction)
	str.RawSetString("format", s.root.NewFunction(func(L *lua.LState) int {
		f := L.CheckString(1)
		s.checkFormat(L, f)
		var rewritten []string // f, its %q written %s (the engine quotes) and %u as %d
		last := 0
		for i, arg := 0, 2; i < len(f); i++ {
			if f[i] != '%' {
				continue
			}
			start := i
			i++
			for i < len(f) && strings.IndexByte("-+ #0123456789.", f[i]) >= 0 {
				i++
			}
			if i < len(f) && f[i] == '%' {
				continue
			}
			if i >= len(f) || strings.IndexByte("cdiouxXeEfgGqs", f[i]) < 0 {
				L.RaiseError("invalid option '%s' to 'format'", f[start:min(i+1, len(f))])
			}
			if arg > L.GetTop() {
				L.ArgError(arg, "no value")
			}
			switch f[i] {
			case 'q':
				L.Replace(arg, lua.LString(s.quote(L, L.CheckString(arg))))
				rewritten = append(rewritten, f[last:start], "%s")
				last = i + 1
			case 'u': // Go's fmt has no %u
				rewritten = append(rewritten, f[last:i], "d")
				last = i + 1
			}
			if v := L.Get(arg); f[i] == 's' && isReference(v) {
				L.Replace(arg, lua.LString(s.tostring(L, v)))
			} else if strings.IndexByte("cdiouxXeEfgG", f[i]) >= 0 {
				L.Replace(arg, L.CheckNumber(arg)) // "2.5" is 2.5, as Lua 5.1 converts it
			}
			arg++
		}
		if rewritten != nil {
			L.Replace(1, lua.LString(strings.Join(append(rewritten, f[last:]), "")))
		}
		L.Insert(format, 1)
		L.Call(L.GetTop()-1, 1)
		return 1
	}))
}

// isReference reports whether v is a table, function, userdata or thread:
// a value Lua shows by its address.
func isReference(v lua.LValue) bool {
	switch v.(type) {
	case *lua.LTable, *lua.LFunction, *lua.LUserData, *lua.LState:
		return true
	}
	return false
}

// quote is Lua 5.1's %q: str in double quotes, written so that Lua reads
// it back as str. gopher-lua's is Go's, whose \x01 and \u escapes Lua
// 5.1 (and gopher-lua's own reader) does not know.
func (s *sched) quote(L *lua.LState, str string) string {
	size := len(str) + 2
	for i := 0; i < len(str); i++ {
		switch str[i] {
		case '"', '\\', '\n', '\r':
			size++
		case 0:
			size += 3
		}
	}
	s.reserveString(L, int64(size))
	s.charge(L, int64(len(str))/bytesPerUnit)
	var b strings.Builder
	b.Grow(size)
	b.WriteByte('"')
	for i := 0; i < len(str); i++ {
		switch c := str[i]; c {
		case '"', '\\', '\n':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\r':
			b.WriteString(`\r`)
		case 0:
			b.WriteString(`\000`)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}
