package luamod

import (
	"runtime"
	"sort"
	"strings"

	lua "github.com/yuin/gopher-lua"
)

// guardTables replaces unpack and the table functions whose work grows
// with the table or a script's numbers: they charge that work, so a loop
// of them cannot hold the run past its limits, and reserve what they
// allocate.
func (s *sched) guardTables() {
	L := s.root
	tbl := L.GetGlobal("table").(*lua.LTable)
	for name, fn := range map[string]lua.LGFunction{
		"concat": s.tableConcat,
		"insert": s.tableInsert,
		"remove": s.tableRemove,
		"sort":   s.tableSort,
		"maxn":   s.tableMaxN,
	} {
		tbl.RawSetString(name, L.NewFunction(fn))
	}
	L.SetGlobal("unpack", L.NewFunction(s.unpack))
	L.SetGlobal("collectgarbage", L.NewFunction(s.collectGarbage))
}

// unpack is Lua 5.1's unpack(t [, i [, j]]), raw reads, at most
// maxResults values.
func (s *sched) unpack(L *lua.LState) int {
	t := L.CheckTable(1)
	i, j := tableRange(L, t, 2)
	if i > j {
		return 0
	}
	if j-i >= maxResults || j-i < 0 {
		L.RaiseError("too many results to unpack")
	}
	s.charge(L, int64(j-i)/4)
	for k := i; k <= j; k++ {
		L.Push(t.RawGetInt(k))
	}
	return j - i + 1
}

// tableRange reads the optional arguments n and n+1 of unpack and
// table.concat: from i (default 1) to j (default #t).
func tableRange(L *lua.LState, t *lua.LTable, n int) (i, j int) {
	i = L.OptInt(n, 1)
	if L.Get(n+1) == lua.LNil {
		return i, t.Len()
	}
	return i, L.CheckInt(n + 1)
}

// tableConcat is Lua 5.1's table.concat(t [, sep [, i [, j]]]): the
// result's size is known and reserved before it is built.
func (s *sched) tableConcat(L *lua.LState) int {
	t := L.CheckTable(1)
	sep := L.OptString(2, "")
	i, j := tableRange(L, t, 3)
	size := int64(0)
	for k := i; k <= j; k++ {
		v := t.RawGetInt(k)
		if v.Type() != lua.LTString && v.Type() != lua.LTNumber {
			L.RaiseError("invalid value (%s) at index %d in table for 'concat'", v.Type().String(), k)
		}
		size += int64(len(stringOf(v)) + len(sep))
		s.charge(L, 1)
	}
	if i > j {
		L.Push(lua.LString(""))
		return 1
	}
	s.reserveString(L, size)
	var b strings.Builder
	b.Grow(int(size))
	for k := i; k <= j; k++ {
		if k > i {
			s.writeChecked(L, &b, sep)
		}
		s.writeChecked(L, &b, stringOf(t.RawGetInt(k)))
	}
	L.Push(lua.LString(b.String()))
	return 1
}

// tableInsert is table.insert(t, [pos,] v); inserting before the end
// shifts the elements after pos, work that is charged. A position below
// 1 raises, as in Lua 5.2 (Lua 5.1 shifted t[0..#t] up, holes and all;
// gopher-lua set t[pos] and shifted nothing).
func (s *sched) tableInsert(L *lua.LState) int {
	t := L.CheckTable(1)
	switch L.GetTop() {
	case 2:
		t.Append(L.Get(2))
	case 3:
		pos := L.CheckInt(2)
		if pos < 1 {
			L.ArgError(2, "position out of bounds")
		}
		s.chargeBytes(L, 16*(t.Len()-pos))
		t.Insert(pos, L.Get(3))
	default:
		L.RaiseError("wrong number of arguments to 'insert'")
	}
	return 0
}

// tableRemove is table.remove(t [, pos]), charged like tableInsert.
//
// A position outside 1..#t removes nothing and returns nothing, as in Lua
// 5.1: gopher-lua's removed the last element for 0 and counted a
// negative position from the end.
func (s *sched) tableRemove(L *lua.LState) int {
	t := L.CheckTable(1)
	n := t.Len()
	pos := L.OptInt(2, n)
	if pos < 1 || pos > n {
		return 0
	}
	s.chargeBytes(L, 16*(n-pos))
	L.Push(t.Remove(pos))
	return 1
}

// tableMaxN is table.maxn(t): the largest positive numeric key, found by
// visiting every key, one charged unit each.
func (s *sched) tableMaxN(L *lua.LState) int {
	t := L.CheckTable(1)
	most := lua.LNumber(0)
	eachPair(t, func(k, _ lua.LValue) {
		if n, ok := k.(lua.LNumber); ok && n > most {
			most = n
		}
		s.charge(L, 1)
	})
	L.Push(most)
	return 1
}

// tableSort is table.sort(t [, less]) over t[1..#t], each comparison
// charged, so a long sort can be stopped between two of them.
func (s *sched) tableSort(L *lua.LState) int {
	t := L.CheckTable(1)
	var less *lua.LFunction
	if L.GetTop() > 1 {
		less = L.CheckFunction(2)
	}
	items := make([]lua.LValue, t.Len())
	s.reserve(L, int64(len(items))*16)
	for i := range items {
		items[i] = t.RawGetInt(i + 1)
	}
	sort.Sort(&luaSorter{s: s, L: L, items: items, less: less})
	for i, v := range items {
		t.RawSetInt(i+1, v)
	}
	return 0
}

// luaSorter orders Lua values with a comparison function or Lua's <.
type luaSorter struct {
	s     *sched
	L     *lua.LState
	items []lua.LValue
	less  *lua.LFunction
}

func (o *luaSorter) Len() int      { return len(o.items) }
func (o *luaSorter) Swap(i, j int) { o.items[i], o.items[j] = o.items[j], o.items[i] }
func (o *luaSorter) Less(i, j int) bool {
	o.s.charge(o.L, 1)
	if o.less == nil {
		return o.L.LessThan(o.items[i], o.items[j])
	}
	o.L.Push(o.less)
	o.L.Push(o.items[i])
	o.L.Push(o.items[j])
	o.s.inCallback("sort function", func() int { o.L.Call(2, 1); return 0 })
	ok := lua.LVAsBool(o.L.Get(-1))
	o.L.Pop(1)
	return ok
}

// collectGarbage is Lua 5.1's collectgarbage(opt): "collect" (the
// default) and "step" run a full collection, charged as the long call it
// is, so a loop of them still sees the wall clock; "count" is the heap the
// run has added, in KiB (it varies from run to run, as in any Lua). The
// collector's other knobs are Go's: "stop", "restart", "setpause" and
// "setstepmul" change nothing and return 0. gopher-lua returned nothing
// whatever the option.
func (s *sched) collectGarbage(L *lua.LState) int {
	switch opt := L.OptString(1, "collect"); opt {
	case "collect", "step":
		s.charge(L, checkUnits)
		runtime.GC()
		if opt == "step" {
			L.Push(lua.LTrue) // the collection finished a cycle
		} else {
			L.Push(lua.LNumber(0))
		}
	case "count":
		L.Push(lua.LNumber(float64(s.heapUsed()) / 1024))
	case "stop", "restart", "setpause", "setstepmul":
		L.Push(lua.LNumber(0))
	default:
		L.ArgError(1, "invalid option '"+opt+"'")
	}
	return 1
}
