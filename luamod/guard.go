package luamod

import (
	"fmt"
	"runtime"
	"strings"

	lua "github.com/yuin/gopher-lua"
)

// Work that a builtin does inside one VM instruction (scanning a string,
// copying a table, a matcher's backtracking) is charged in units of about
// one VM instruction, so that a single instruction that runs a long Go call
// still lets the run check its limits, stop and preempt on time.
const (
	bytesPerUnit = 64      // bytes scanned or copied per unit of work
	checkUnits   = 1 << 14 // charged units between two checks: about a millisecond
	bigAlloc     = 1 << 20 // allocations from this size read the heap first
	// bigStringWork bounds the bytes that instructions may compare or hash
	// between two checks once the run holds long strings: a string compare
	// or table lookup with a string key is one instruction whatever the
	// string's length.
	bigStringWork = 64 << 20
)

// guardLibs puts the engine's guarded builtins in place of gopher-lua's.
func (s *sched) guardLibs() {
	s.openLoaders()
	s.guardStrings()
	s.guardTables()
}

// charge records n units of work done by a builtin for the current
// goroutine, whose Lua thread is L. The work counts toward the goroutine's
// quantum; every checkUnits units the run reads the wall clock, and when a
// limit or the caller has stopped the run, charge raises the goroutine's
// cancellation in L.
func (s *sched) charge(L *lua.LState, n int64) {
	if n <= 0 {
		return
	}
	s.sliceStart -= n
	s.charged += n
	if s.charged >= checkUnits {
		s.charged = 0
		s.checkpoint(L)
	}
}

// chargeBytes charges scanning or copying n bytes.
func (s *sched) chargeBytes(L *lua.LState, n int) { s.charge(L, int64(n/bytesPerUnit)) }

// checkpoint is a check in the middle of a builtin: limits, cancellation,
// the page's messages under GOOS=js; preemption waits for the next
// instruction, which takes the slow path once the quantum is used.
func (s *sched) checkpoint(L *lua.LState) {
	s.checkOutside(true)
	platformPause(s)
	s.updateCheckAt()
	if g := s.cur; g != nil && g.cancelErr != nil {
		L.RaiseError("%s", g.cancelErr.Error())
	}
}

// reserve is called before a builtin allocates n bytes that a script asked
// for (string.rep, a concatenation, a gsub result, ...). It charges the
// copy, and ends the run with the memory limit, raising in L, when the
// allocation would take the run past it. Large allocations read the heap
// at once; small ones are summed until they add up to a sixteenth of the
// limit.
func (s *sched) reserve(L *lua.LState, n int64) {
	if n < 0 || n > s.opts.MaxMemory {
		s.overMemory(L)
	}
	s.charge(L, n/bytesPerUnit)
	s.allocated += n
	if n < bigAlloc && s.allocated < s.opts.MaxMemory/16 {
		return
	}
	s.allocated = 0
	if s.heapUsed()+n <= s.opts.MaxMemory {
		return
	}
	runtime.GC() // what the heap holds may be garbage: count only live data
	s.charge(L, checkUnits)
	if s.heapUsed()+n > s.opts.MaxMemory {
		s.overMemory(L)
	}
}

// reserveString is reserve for a string of n bytes, which also makes the
// run check more often once it holds long strings (noteBigString).
func (s *sched) reserveString(L *lua.LState, n int64) {
	s.reserve(L, n)
	if n >= bigAlloc {
		s.noteBigString(n)
	}
}

// overMemory ends the run with the memory limit and raises it in L.
func (s *sched) overMemory(L *lua.LState) {
	s.stop(StatusLimit, s.memoryLimitError())
	L.RaiseError("%s", s.cur.cancelErr.Error())
}

func (s *sched) memoryLimitError() error {
	return limitError("memory", fmt.Sprintf("%d MiB", s.opts.MaxMemory>>20))
}

// heapUsed is the heap the run has added since it started.
func (s *sched) heapUsed() int64 { return s.memBase.used() }

// heapBase is the heap a run started with. That heap may hold garbage of
// earlier runs; once collected, the heap falls below it, and the lowest
// heap seen is the base from then on.
type heapBase uint64

// used is the heap added since the base, which it lowers when the heap
// is below it.
func (b *heapBase) used() int64 {
	heap := heapBytes()
	if heap < uint64(*b) {
		*b = heapBase(heap)
	}
	return int64(heap - uint64(*b))
}

// noteBigString makes Done take its slow path more often once the run
// holds a string of n bytes, so that instructions comparing or hashing
// such strings still see the wall clock on time.
func (s *sched) noteBigString(n int64) {
	every := max(1, bigStringWork/n)
	if every < s.checkEvery {
		s.checkEvery = every
		s.updateCheckAt()
	}
}

// guardedBuilder builds a string a script asked for, reserving the
// memory of each of its buffer's growths before it happens.
type guardedBuilder struct {
	s *sched
	L *lua.LState
	b strings.Builder
}

func (g *guardedBuilder) add(text string) {
	if need := g.b.Len() + len(text); need > g.b.Cap() {
		size := max(need, 2*g.b.Cap(), 64)
		g.s.reserve(g.L, int64(size))
		g.b.Grow(size - g.b.Len())
	}
	g.s.writeChecked(g.L, &g.b, text)
}

// String is the string built.
func (g *guardedBuilder) String() string {
	if g.b.Len() >= bigAlloc {
		g.s.noteBigString(int64(g.b.Len()))
	}
	return g.b.String()
}
