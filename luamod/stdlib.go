package luamod

import (
	"math"
	"math/rand/v2"
	"strings"
	"time"

	lua "github.com/yuin/gopher-lua"
)

// virtualEpoch is what os.time() reads at clock 0 in virtual time (the Go
// playground's famous instant), so dates are reproducible too.
var virtualEpoch = time.Date(2009, 11, 10, 23, 0, 0, 0, time.UTC)

// openLibs opens the sandboxed standard library: base, string, table, math,
// coroutine, a package library that only knows preloaded modules, and of os
// only time, date, difftime and clock. print writes to the run's output,
// math.random is seeded per run, and every new thread carries the run
// context.
func (s *sched) openLibs() {
	L := s.root
	for _, lib := range []struct {
		name string
		open lua.LGFunction
	}{
		{lua.LoadLibName, lua.OpenPackage},
		{lua.BaseLibName, lua.OpenBase},
		{lua.TabLibName, lua.OpenTable},
		{lua.StringLibName, lua.OpenString},
		{lua.MathLibName, lua.OpenMath},
		{lua.CoroutineLibName, lua.OpenCoroutine},
	} {
		L.Push(L.NewFunction(lib.open))
		L.Push(lua.LString(lib.name))
		L.Call(1, 0)
	}
	for _, name := range []string{"dofile", "loadfile", "_printregs"} {
		L.SetGlobal(name, lua.LNil)
	}
	L.SetGlobal("print", L.NewFunction(s.luaPrint))
	L.SetGlobal("setmetatable", L.NewFunction(setMetatable))
	L.SetGlobal("assert", L.NewFunction(assertL))
	s.openToString()
	s.wrapToNumber()
	s.sandboxPackage()
	s.sandboxOs()
	s.seedMath()
	s.openPcall()
	s.openCoroutine()
	s.openModules()
	s.openCompat()
	s.openIO()
	s.guardLibs()
	s.sortLibs()
}

// setMetatable is Lua 5.1's setmetatable: tables only. gopher-lua's also
// sets the metatable every value of a type shares, so setmetatable("", {})
// took the string methods away from the whole run.
func setMetatable(L *lua.LState) int {
	t := L.CheckTable(1)
	mt := L.Get(2)
	if _, ok := mt.(*lua.LTable); !ok && (mt != lua.LNil || L.GetTop() < 2) {
		L.ArgError(2, "nil or table expected")
	}
	if L.GetMetaField(t, "__metatable") != lua.LNil {
		L.RaiseError("cannot change a protected metatable")
	}
	L.SetMetatable(t, mt)
	L.SetTop(1)
	return 1
}

// assertL is Lua 5.1's assert: it wants a value, where gopher-lua's
// took none for false, and its message may be a number, which gopher-lua
// refused.
func assertL(L *lua.LState) int {
	L.CheckAny(1)
	if lua.LVAsBool(L.Get(1)) {
		return L.GetTop()
	}
	msg := "assertion failed!"
	switch m := L.Get(2).(type) {
	case lua.LNumber:
		msg = numberText(m)
	case lua.LString:
		msg = string(m)
	default:
		if m != lua.LNil {
			L.TypeError(2, lua.LTString)
		}
	}
	L.RaiseError("%s", msg)
	return 0
}

// sandboxPackage keeps require for preloaded modules only: no file loading.
func (s *sched) sandboxPackage() {
	pkg := s.root.GetGlobal("package").(*lua.LTable)
	loaders := pkg.RawGetString("loaders").(*lua.LTable)
	only := s.root.NewTable()
	only.Append(loaders.RawGetInt(1))
	pkg.RawSetString("loaders", only)
	s.root.SetField(s.root.Get(lua.RegistryIndex), "_LOADERS", only)
	pkg.RawSetString("path", lua.LString(""))
	pkg.RawSetString("cpath", lua.LString(""))
	pkg.RawSetString("loadlib", lua.LNil)
}

func (s *sched) luaPrint(L *lua.LState) int {
	top := L.GetTop()
	parts := make([]string, top)
	for i := 1; i <= top; i++ {
		parts[i-1] = s.tostring(L, L.Get(i))
	}
	s.output("stdout", strings.Join(parts, "\t")+"\n")
	return 0
}

// wallNow is the instant os.time and os.date read: the virtual epoch plus
// the run clock, or the wall clock in real time.
func (s *sched) wallNow() time.Time {
	if s.opts.RealTime {
		return time.Now()
	}
	return time.UnixMicro(s.epoch() + s.now()).UTC() // no time.Duration: it ends after 292 years
}

// epoch is the instant the run clock started, in Unix microseconds on the
// clock os.time reads: the virtual epoch, or the wall clock at the start.
func (s *sched) epoch() int64 {
	if s.opts.RealTime {
		return s.start.UnixMicro()
	}
	return virtualEpoch.UnixMicro()
}

// clockAt converts an instant in milliseconds on os.time's clock (as
// os.time() * 1000 + 2000 is two seconds from now) to the run clock,
// saturating; NaN and instants before the run started give 0.
func (s *sched) clockAt(ms float64) int64 {
	us := ms*1000 - float64(s.epoch())
	switch {
	case !(us > 0):
		return 0
	case us >= maxSpan:
		return maxSpan
	}
	return int64(math.Round(us))
}

// sandboxOs opens an os library of time, clock and date only, all on the
// run's clock (osdate.go has date).
func (s *sched) sandboxOs() {
	L := s.root
	os := L.NewTable()
	os.RawSetString("time", L.NewFunction(func(L *lua.LState) int {
		if tbl, ok := L.Get(1).(*lua.LTable); ok {
			L.Push(lua.LNumber(tableTime(L, tbl).Unix()))
			return 1
		}
		L.Push(lua.LNumber(s.wallNow().Unix()))
		return 1
	}))
	os.RawSetString("clock", L.NewFunction(func(L *lua.LState) int {
		L.Push(lua.LNumber(float64(s.now()) / 1e6))
		return 1
	}))
	os.RawSetString("date", L.NewFunction(s.osDate))
	os.RawSetString("difftime", L.NewFunction(func(L *lua.LState) int {
		L.Push(L.CheckNumber(1) - L.OptNumber(2, 0))
		return 1
	}))
	L.SetGlobal("os", os)
	s.root.GetField(s.root.Get(lua.RegistryIndex), "_LOADED").(*lua.LTable).RawSetString("os", os)
}

// tableTime reads os.time's table argument, in UTC, as Lua 5.1 does:
// day, month and year are required, a numeric string counts, and the
// fields are read in Lua's order, so the first one missing is named.
func tableTime(L *lua.LState, t *lua.LTable) time.Time {
	field := func(name string, def int) int {
		switch v := L.GetField(t, name).(type) {
		case lua.LNumber:
			return int(v)
		case lua.LString:
			if n, ok := parseNumber(string(v)); ok {
				return int(n)
			}
		}
		if def < 0 {
			L.RaiseError("field '%s' missing in date table", name)
		}
		return def
	}
	sec, minute, hour := field("sec", 0), field("min", 0), field("hour", 12)
	day, month, year := field("day", -1), field("month", -1), field("year", -1)
	return time.Date(year, time.Month(month), day, hour, minute, sec, 0, time.UTC)
}

// seedMath replaces math.random and math.randomseed with ones on the run's
// seeded source.
func (s *sched) seedMath() {
	s.rand = rand.New(rand.NewPCG(uint64(s.opts.Seed), 0x9e3779b97f4a7c15))
	m := s.root.GetGlobal("math").(*lua.LTable)
	m.RawSetString("huge", lua.LNumber(math.Inf(1))) // gopher-lua's is the largest finite number: 1/0 == math.huge was false
	m.RawSetString("random", s.root.NewFunction(s.mathRandom))
	m.RawSetString("randomseed", s.root.NewFunction(func(L *lua.LState) int {
		s.rand = rand.New(rand.NewPCG(uint64(L.CheckInt64(1)), 0x9e3779b97f4a7c15))
		return 0
	}))
}

// mathRandom is math.random: a float in [0,1), or an integer in [1,n] or
// [lo,hi], over the whole int64 range (the span is counted in uint64).
func (s *sched) mathRandom(L *lua.LState) int {
	if L.GetTop() == 0 {
		L.Push(lua.LNumber(s.rand.Float64()))
		return 1
	}
	lo, hi, n := int64(1), checkTruncated(L, 1), 1
	if L.GetTop() >= 2 {
		lo, hi, n = hi, checkTruncated(L, 2), 2
	}
	argCheck(L, lo <= hi, n, "interval is empty")
	span := uint64(hi-lo) + 1 // 0 when the interval is all of int64
	r := s.rand.Uint64()
	if span != 0 {
		r = s.rand.Uint64N(span)
	}
	L.Push(lua.LNumber(lo + int64(r)))
	return 1
}

// checkTruncated is argument n truncated to an integer, as Lua 5.1's
// math.random reads its bounds; it must fit int64.
func checkTruncated(L *lua.LState, n int) int64 {
	v := math.Trunc(float64(L.CheckNumber(n)))
	argCheck(L, v >= math.MinInt64 && v < math.MaxInt64, n, "number has no integer representation")
	return int64(v)
}

// argsFrom returns the arguments from index i on.
func argsFrom(L *lua.LState, i int) []lua.LValue {
	top := L.GetTop()
	if top < i {
		return nil
	}
	args := make([]lua.LValue, 0, top-i+1)
	for ; i <= top; i++ {
		args = append(args, L.Get(i))
	}
	return args
}
