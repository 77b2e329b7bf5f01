package luamod

import (
	"slices"

	lua "github.com/yuin/gopher-lua"
)

// pairs gives a table's keys in the order they were first set (gopher-lua
// keeps that order), so a table filled from a Go map would list its keys
// in a different order on every run. The engine fills its tables in
// sorted order instead.

// setFuncs sets each function of fns into t, in name order, and returns t.
func setFuncs(L *lua.LState, t *lua.LTable, fns map[string]lua.LGFunction) *lua.LTable {
	names := make([]string, 0, len(fns))
	for name := range fns {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		t.RawSetString(name, L.NewFunction(fns[name]))
	}
	return t
}

// setLib makes t the global name and what require(name) returns.
func (s *sched) setLib(name string, t *lua.LTable) {
	s.root.SetGlobal(name, t)
	loaded := s.root.GetField(s.root.Get(lua.RegistryIndex), "_LOADED").(*lua.LTable)
	loaded.RawSetString(name, t)
}
