package luamod

import (
	"fmt"
	"maps"

	lua "github.com/yuin/gopher-lua"
)

// Module is the Lua goroutine module of one run: the global goroutine and
// require("goroutine"), one table.
type Module struct {
	s *sched
	t *lua.LTable
}

// Loader returns the module table; it is registered with L.PreloadModule.
func (m *Module) Loader(L *lua.LState) int {
	L.Push(m.t)
	return 1
}

func (m *Module) table(L *lua.LState) *lua.LTable {
	all := map[string]lua.LGFunction{}
	for _, set := range []map[string]lua.LGFunction{
		m.coreFuncs(), m.asyncFuncs(), m.poolFuncs(),
		m.channelFuncs(), m.selectFuncs(), m.syncFuncs(), m.patternFuncs(),
	} {
		maps.Copy(all, set)
	}
	return setFuncs(L, L.NewTable(), all)
}

// openModules registers the goroutine module and its userdata types, and
// sets the global goroutine to the same table that require returns.
func (s *sched) openModules() {
	L := s.root
	m := &Module{s: s}
	m.registerTypes(L)
	m.t = m.table(L)
	L.SetGlobal("goroutine", m.t)
	L.PreloadModule("goroutine", m.Loader)
	s.pools = map[string]*pool{}
}

// registerTypes creates the metatable of every userdata type of the module.
func (m *Module) registerTypes(L *lua.LState) {
	registerType(L, waitGroupType, m.waitGroupMethods())
	registerType(L, handleType, m.handleMethods())
	registerType(L, channelType, m.channelMethods())
	registerType(L, mutexType, m.mutexMethods())
	registerType(L, rwmutexType, m.rwmutexMethods())
	registerType(L, semaphoreType, m.semaphoreMethods())
	registerType(L, atomicIntType, m.atomicIntMethods())
	registerType(L, onceType, m.onceMethods())
	registerType(L, condType, m.condMethods())
	registerType(L, contextType, m.contextMethods())
}

// registerType creates the metatable of a userdata type: its name, and
// its methods (in name order) as __index.
func registerType(L *lua.LState, name string, methods map[string]lua.LGFunction) *lua.LTable {
	mt := L.NewTypeMetatable(name)
	L.SetField(mt, "__name", lua.LString(name))
	L.SetField(mt, "__index", setFuncs(L, L.NewTable(), methods))
	return mt
}

// newObject wraps v as userdata of the named type.
func newObject(L *lua.LState, typeName string, v any) *lua.LUserData {
	ud := L.NewUserData()
	ud.Value = v
	L.SetMetatable(ud, L.GetTypeMetatable(typeName))
	return ud
}

// checkObject returns argument n as a *T of the named type, or raises
// "bad argument #n (T expected, got X)" (badObject).
func checkObject[T any](L *lua.LState, n int, typeName string) *T {
	ud, ok := L.Get(n).(*lua.LUserData)
	if ok {
		if v, ok := ud.Value.(*T); ok {
			return v
		}
	}
	badObject(L, n, typeName)
	return nil
}

// badObject raises checkObject's error, with a hint when a method was
// called with a dot for a colon (colonHint). It is apart from the
// generic checkObject so that the page's wasm has one copy of it, not
// one per type.
func badObject(L *lua.LState, n int, typeName string) {
	hint := ""
	if n == 1 {
		hint = colonHint(L, func(v lua.LValue) bool { return typeNameOf(v) == typeName })
	}
	L.ArgError(n, typeName+" expected, got "+typeNameOf(L.Get(n))+hint)
}

// typeNameOf names a value for error messages: the userdata type name
// where there is one.
func typeNameOf(v lua.LValue) string {
	if ud, ok := v.(*lua.LUserData); ok {
		if mt, ok := ud.Metatable.(*lua.LTable); ok {
			if name, ok := mt.RawGetString("__name").(lua.LString); ok {
				return string(name)
			}
		}
	}
	return v.Type().String()
}

// nextObject numbers a new object of kind for the trace: "chan 3".
func (s *sched) nextObject(kind string) string {
	s.seq++
	return fmt.Sprintf("%s %d", kind, s.seq)
}

// raiseIf raises err as a Lua error in L, when there is one. Used after
// park, whose only error is the goroutine's cancellation.
func raiseIf(L *lua.LState, err error) {
	if err != nil {
		L.RaiseError("%s", err.Error())
	}
}

// argCheck raises "bad argument #n to f (msg)" unless ok.
func argCheck(L *lua.LState, ok bool, n int, msg string) {
	if !ok {
		L.ArgError(n, msg)
	}
}

// eachPair calls fn for every key and value of t in the order pairs()
// gives: array part, then insertion order. gopher-lua's ForEach ranges over
// Go maps, whose random order would make runs irreproducible.
func eachPair(t *lua.LTable, fn func(k, v lua.LValue)) {
	for k, v := t.Next(lua.LNil); k != lua.LNil; k, v = t.Next(k) {
		fn(k, v)
	}
}
