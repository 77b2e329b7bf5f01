package luamod

import (
	"sort"

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
	// sort.Slice, not slices.Sort: each type slices.Sort sorts links its
	// own copy of the sorting code into the page's wasm (strings and
	// int64: 6 KiB of brotli), and sort's one copy is linked anyway.
	sort.Slice(names, func(i, j int) bool { return names[i] < names[j] })
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

// sortLibs rebuilds the tables that gopher-lua's libraries filled from Go
// maps (string, table, math, package; and os) and the global table in key
// order, and points every reference to them at the new tables. Go
// functions made before keep the old global table as their environment,
// which the functions they create (load, loadstring) would inherit: they
// are given the new one.
func (s *sched) sortLibs() {
	L := s.root
	loaded := L.GetField(L.Get(lua.RegistryIndex), "_LOADED").(*lua.LTable)
	oldG := L.G.Global
	for _, name := range []string{"string", "table", "math", "os", "package"} {
		t := sortedCopy(oldG.RawGetString(name).(*lua.LTable))
		oldG.RawSetString(name, t)
		loaded.RawSetString(name, t)
		if name == "string" {
			L.GetMetatable(lua.LString("")).(*lua.LTable).RawSetString("__index", t)
		}
	}
	newG := sortedCopy(oldG)
	newG.RawSetString("_G", newG)
	loaded.RawSetString("_G", newG)
	L.G.Global, L.Env = newG, newG
	retarget := func(v lua.LValue) {
		if fn, ok := v.(*lua.LFunction); ok && fn.Env == oldG {
			fn.Env = newG
		}
	}
	eachPair(newG, func(_, v lua.LValue) {
		retarget(v)
		if t, ok := v.(*lua.LTable); ok {
			eachPair(t, func(_, v lua.LValue) { retarget(v) })
		}
	})
}

// sortedCopy is a table with t's fields and metatable, its string keys
// set in sorted order after any others.
func sortedCopy(t *lua.LTable) *lua.LTable {
	c := &lua.LTable{Metatable: t.Metatable}
	var names []string
	eachPair(t, func(k, v lua.LValue) {
		if name, ok := k.(lua.LString); ok {
			names = append(names, string(name))
		} else {
			c.RawSet(k, v)
		}
	})
	sort.Slice(names, func(i, j int) bool { return names[i] < names[j] })
	for _, name := range names {
		c.RawSetString(name, t.RawGetString(name))
	}
	return c
}
