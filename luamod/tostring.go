package luamod

import (
	"fmt"

	lua "github.com/yuin/gopher-lua"
)

// tostring is Lua's tostring with reproducible names for reference values:
// "table: 0x000003" numbers objects in the order a run first shows them,
// where gopher-lua prints a Go pointer that differs on every run and
// between native and wasm. A __tostring metamethod still wins.
func (s *sched) tostring(L *lua.LState, v lua.LValue) string {
	switch v.(type) {
	case *lua.LTable, *lua.LFunction, *lua.LUserData, *lua.LState:
		if L.GetMetaField(v, "__tostring") == lua.LNil {
			return s.objectName(v)
		}
	}
	return L.ToStringMeta(v).String()
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
		L.CheckAny(1)
		L.Push(lua.LString(s.tostring(L, L.Get(1))))
		return 1
	}))
}
