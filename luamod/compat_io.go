package luamod

import (
	"math/rand/v2"

	lua "github.com/yuin/gopher-lua"
)

// simIO is what the simulated http and exec modules share: the responses a
// script set up (by URL or command; "*" for everything else) and a seeded
// source of latencies, apart from math.random's so that I/O does not shift
// a script's random numbers. Nothing leaves the sandbox: a call parks its
// goroutine for the simulated time on the run clock (virtual or real, as
// the run goes) and returns the response set up for it.
type simIO struct {
	s     *sched
	rand  *rand.Rand
	mocks map[string]*lua.LTable
}

func newSimIO(s *sched, stream uint64) *simIO {
	return &simIO{s: s, rand: rand.New(rand.NewPCG(uint64(s.opts.Seed), stream)), mocks: map[string]*lua.LTable{}}
}

// mock is http.mock and exec.mock: key → response table (a copy, checked
// against fields, so a later change by the script does not leak in).
//
//go:noinline
func (io *simIO) mock(fields map[string]lua.LValueType) lua.LGFunction {
	return func(L *lua.LState) int {
		key := L.CheckString(1)
		resp := L.CheckTable(2)
		copied := L.NewTable()
		eachPair(resp, func(k, v lua.LValue) {
			name, ok := k.(lua.LString)
			typ, known := fields[string(name)]
			switch {
			case !ok || !known:
				L.ArgError(2, "unknown field "+fieldName(k))
			case v.Type() != typ:
				L.ArgError(2, "'"+string(name)+"' must be a "+typ.String()+", got "+typeNameOf(v))
			}
			copied.RawSet(k, v)
		})
		io.mocks[key] = copied
		return 0
	}
}

// lookup returns field of the response set up for key (or for "*"), or
// nil when none was.
func (io *simIO) lookup(key, field string) lua.LValue {
	for _, k := range []string{key, "*"} {
		if t := io.mocks[k]; t != nil {
			if v := t.RawGetString(field); v != lua.LNil {
				return v
			}
		}
	}
	return nil
}

// number is a numeric field of the response for key, or def.
func (io *simIO) number(key, field string, def float64) float64 {
	if n, ok := io.lookup(key, field).(lua.LNumber); ok {
		return float64(n)
	}
	return def
}

// text is a string field of the response for key, or def.
func (io *simIO) text(key, field, def string) string {
	if s, ok := io.lookup(key, field).(lua.LString); ok {
		return string(s)
	}
	return def
}

// latency is how long a call takes, in ms: the one set up, or a seeded
// draw between lo and hi.
func (io *simIO) latency(key, field string, lo, hi float64) float64 {
	return io.number(key, field, lo+float64(io.rand.IntN(int(hi-lo)+1)))
}

// wait parks the calling goroutine for ms of run clock, shown on the
// timeline as reason (http, exec) on obj.
func (io *simIO) wait(L *lua.LState, ms float64, reason Reason, obj string) {
	raiseIf(L, io.s.sleep(msToMicros(ms), wait{Reason: reason, Object: obj, Line: callerLine(L)}))
}

// openIO registers the simulated http and exec modules, as globals and for
// require.
func (s *sched) openIO() {
	L := s.root
	s.setLib("http", (&httpModule{io: newSimIO(s, 0x68747470)}).table(L))
	s.setLib("exec", (&execModule{io: newSimIO(s, 0x65786563)}).table(L))
}
