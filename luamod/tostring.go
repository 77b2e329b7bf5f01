package luamod

import (
	"fmt"

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
		return valueString(v)
	}
	if L.GetMetaField(v, "__tostring") == lua.LNil {
		return s.objectName(v)
	}
	switch str := L.ToStringMeta(v).(type) {
	case lua.LString, lua.LNumber:
		return valueString(str)
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
		return valueString(v)
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

// isReference reports whether v is a table, function, userdata or thread:
// a value Lua shows by its address.
func isReference(v lua.LValue) bool {
	switch v.(type) {
	case *lua.LTable, *lua.LFunction, *lua.LUserData, *lua.LState:
		return true
	}
	return false
}
