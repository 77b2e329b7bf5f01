package luamod

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	lua "github.com/yuin/gopher-lua"
)

// logModule is sloth-runner's log module: the global log and
// require("log"). Each call writes one labelled line. info, debug, print
// and table go to stdout; warn and error go to stderr, so the page shows
// them as errors and the native runner keeps them out of piped stdout.
type logModule struct {
	s *sched
	t *lua.LTable // the global log, which require("log") returns too
}

// Loader returns the global log table; it is registered with
// L.PreloadModule.
func (m *logModule) Loader(L *lua.LState) int {
	L.Push(m.t)
	return 1
}

func (m *logModule) table(L *lua.LState) *lua.LTable {
	return setFuncs(L, L.NewTable(), map[string]lua.LGFunction{
		"info":  m.level("stdout", "INFO"),
		"debug": m.level("stdout", "DEBUG"),
		"warn":  m.level("stderr", "WARN"),
		"error": m.level("stderr", "ERROR"),
		"print": m.print,
		"table": m.logTable,
	})
}

// level returns log.info and its siblings: "[LABEL] msg". Further
// arguments are appended, separated by spaces, like sloth-runner's
// formatting of extra values.
//
//go:noinline
func (m *logModule) level(stream, label string) lua.LGFunction {
	return func(L *lua.LState) int {
		L.CheckAny(1)
		m.s.output(stream, "["+label+"] "+m.joinValues(L, 1, " ")+"\n")
		return 0
	}
}

// print is log.print(...): the arguments as print joins them, labelled.
func (m *logModule) print(L *lua.LState) int {
	m.s.output("stdout", "[PRINT] "+m.joinValues(L, 1, "\t")+"\n")
	return 0
}

// logTable is log.table(t, title): "[TABLE] title: {k=v, ...}" on one
// line, keys sorted so the line is the same on every run.
func (m *logModule) logTable(L *lua.LState) int {
	t := L.CheckTable(1)
	title := L.OptString(2, "")
	if title != "" {
		title += ": "
	}
	r := &tableRenderer{s: m.s, L: L, budget: m.s.opts.MaxOutputBytes - m.s.outSize, path: map[*lua.LTable]bool{}}
	r.table(t, 0)
	m.s.output("stdout", "[TABLE] "+title+r.b.String()+"\n")
	return 0
}

// joinValues converts the arguments from i on with tostring and joins them.
func (m *logModule) joinValues(L *lua.LState, i int, sep string) string {
	var parts []string
	for ; i <= L.GetTop(); i++ {
		parts = append(parts, m.s.tostring(L, L.Get(i)))
	}
	return strings.Join(parts, sep)
}

// maxTableDepth bounds how deep log.table renders nested tables.
const maxTableDepth = 8

// tableRenderer writes log.table's line. Shared subtables are written
// wherever they appear, so a line can be exponential in the table's size
// (twelve keys on eight levels: 12^8 paths); the renderer stops once it
// has more than the run's output room, and the output limit ends the run.
type tableRenderer struct {
	s      *sched
	L      *lua.LState
	b      strings.Builder
	budget int
	path   map[*lua.LTable]bool // the tables being written, for cycles
}

// table writes t as a Lua-like constructor: the values at 1, 2, ... up to
// the first nil, in order and without keys, then the other keys sorted
// (numbers, then strings, then the rest by type). A table met again on
// the path shows as <cycle>, one nested deeper than maxTableDepth as
// {...}.
func (r *tableRenderer) table(t *lua.LTable, depth int) {
	switch {
	case r.b.Len() > r.budget:
		return
	case r.path[t]:
		r.b.WriteString("<cycle>")
		return
	case depth >= maxTableDepth:
		r.b.WriteString("{...}")
		return
	}
	r.path[t] = true
	defer delete(r.path, t)
	n := 0
	for t.RawGetInt(n+1) != lua.LNil {
		n++
	}
	var keys []lua.LValue
	eachPair(t, func(k, _ lua.LValue) {
		if num, ok := k.(lua.LNumber); ok && float64(num) == float64(int(num)) && int(num) >= 1 && int(num) <= n {
			return
		}
		keys = append(keys, k)
	})
	r.s.charge(r.L, int64(n+len(keys)))
	sort.SliceStable(keys, func(i, j int) bool { return keyLess(keys[i], keys[j]) })
	r.b.WriteByte('{')
	for i := 1; i <= n && r.b.Len() <= r.budget; i++ {
		if i > 1 {
			r.b.WriteString(", ")
		}
		r.value(t.RawGetInt(i), depth)
	}
	for i, k := range keys {
		if r.b.Len() > r.budget {
			return
		}
		if i > 0 || n > 0 {
			r.b.WriteString(", ")
		}
		r.b.WriteString(renderKey(k) + "=")
		r.value(t.RawGet(k), depth)
	}
	r.b.WriteByte('}')
}

func (r *tableRenderer) value(v lua.LValue, depth int) {
	switch x := v.(type) {
	case *lua.LTable:
		r.table(x, depth+1)
	case lua.LString:
		if room := r.budget - r.b.Len() + 1; len(x) > room {
			x = x[:max(room, 0)] // the line goes past the output room anyway
		}
		r.b.WriteString(strconv.Quote(string(x)))
	case *lua.LFunction, *lua.LUserData, *lua.LState:
		r.b.WriteString(typeNameOf(v))
	default:
		r.b.WriteString(valueString(r.L.ToStringMeta(v)))
	}
}

func renderKey(k lua.LValue) string {
	if s, ok := k.(lua.LString); ok && isIdentifier(string(s)) {
		return string(s)
	}
	if s, ok := k.(lua.LString); ok {
		return fmt.Sprintf("[%q]", string(s))
	}
	switch k.(type) {
	case lua.LNumber, lua.LBool:
		return "[" + valueString(k) + "]"
	}
	return "[" + typeNameOf(k) + "]"
}

// keyLess orders table keys: numbers by value, then strings, then the rest
// by type name; a stable sort keeps those in insertion order, which is
// gopher-lua's iteration order, never their addresses.
func keyLess(a, b lua.LValue) bool {
	rank := func(v lua.LValue) int {
		switch v.(type) {
		case lua.LNumber:
			return 0
		case lua.LString:
			return 1
		}
		return 2
	}
	ra, rb := rank(a), rank(b)
	switch {
	case ra != rb:
		return ra < rb
	case ra == 0:
		return a.(lua.LNumber) < b.(lua.LNumber)
	case ra == 1:
		return a.(lua.LString) < b.(lua.LString)
	}
	return a.Type().String() < b.Type().String()
}

func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		letter := r == '_' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z')
		if !letter && (i == 0 || r < '0' || r > '9') {
			return false
		}
	}
	return true
}
