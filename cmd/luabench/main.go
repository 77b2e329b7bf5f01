// Command luabench measures the engine against plain Go and plain
// gopher-lua in the same process: channel ping-pong, spawn and join,
// parked-goroutine memory, real-time sleeps and fib, and how the first
// three scale from 1k to 100k items. Each comparison alternates subject
// and baseline runs and reports medians, spreads and the median ratio.
//
// It runs natively and, built for GOOS=js, under Node (./build.sh bench
// does both). It prints one JSON line per result on stdout, which
// cmd/benchreport turns into bench/RESULTS.md, and a readable line per
// result on stderr. -quick uses small sizes and 2 runs: the tests run it
// that way so that the benchmark code keeps working.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"runtime"

	"luaplay/internal/cputime"
	"luaplay/luamod"
)

func main() {
	runs := flag.Int("runs", 5, "runs of each subject and baseline")
	quick := flag.Bool("quick", false, "small sizes, for a smoke test")
	only := flag.String("only", "", "run only the workloads whose name starts with this")
	flag.Parse()
	luamod.TuneGC(2 * luamod.DefaultMaxMemory) // as the runner and the page's worker do
	env := "native"
	if runtime.GOOS == "js" {
		env = "wasm"
	}
	s := suite{env: env, runs: *runs, scale: 1, only: *only, out: json.NewEncoder(os.Stdout)}
	if *quick {
		s.runs, s.scale = 2, 100
	}
	s.run()
}

// suite runs the workloads and writes their results.
type suite struct {
	env   string
	runs  int
	scale int // divides every size: 100 for -quick
	only  string
	out   *json.Encoder
}

func (s *suite) run() {
	s.fib(27)
	s.emptyLoop(3_000_000)
	s.pingPong(100_000, true)
	s.spawnJoin(10_000, "ratio ≤ 3")
	s.parked(10_000, "≤ 8 KiB")
	s.sleepers(1000, 100)
	for _, n := range []int{1000, 10_000, 100_000} {
		s.scaling(n)
	}
}

func (s *suite) size(n int) int { return max(n/s.scale, 10) }

func (s *suite) wants(name string) bool {
	return len(name) >= len(s.only) && name[:len(s.only)] == s.only
}

func (s *suite) emit(r Result) {
	r.Env = s.env
	if err := s.out.Encode(r); err != nil {
		panic(err)
	}
	line := fmt.Sprintf("%-8s %-22s n=%-7d %-10s %10.3f %s [%0.3f–%0.3f]", r.Env, r.Name, r.N, r.Subject, r.Median, r.Unit, r.Min, r.Max)
	if r.Baseline != "" {
		line += fmt.Sprintf("  %s %.3f", r.Baseline, r.BaseMed)
	}
	if r.Ratio != 0 {
		line += fmt.Sprintf("  ratio %.2f× [%.2f–%.2f]", r.Ratio, r.RatioMin, r.RatioMax)
	}
	fmt.Fprintln(os.Stderr, line)
}

func (s *suite) fib(n int) {
	if !s.wants("fib") {
		return
	}
	if s.scale > 1 {
		n = 20
	}
	src := fibSrc(n)
	r := Result{Name: "fib", N: n, Unit: cpuUnit, Subject: "engine", Baseline: "gopher-lua", Target: "ratio ≤ 1.25"}
	s.emit(compare(r, s.runs, msOf(func() { runEngine(src, luamod.Options{}, discard{}) }), msOf(func() { runPlainLua(src) })))
	r.Subject, r.Target = "plain gopher-lua with a context that never fires (floor)", ""
	s.emit(compare(r, s.runs, msOf(func() { runPlainLuaContext(src) }), msOf(func() { runPlainLua(src) })))
}

// emptyLoop times a loop with an empty body: nothing but the VM's
// instructions and the engine's check before each.
func (s *suite) emptyLoop(n int) {
	if !s.wants("loop") {
		return
	}
	n = s.size(n)
	src := fmt.Sprintf("for i = 1, %d do end", n)
	r := Result{Name: "loop", N: n, Unit: cpuUnit, Subject: "engine", Baseline: "gopher-lua", Target: "ratio ≤ 1.25"}
	s.emit(compare(r, s.runs, msOf(func() { runEngine(src, luamod.Options{}, discard{}) }), msOf(func() { runPlainLua(src) })))
}

// cpuUnit names what msOf measures.
const cpuUnit = "ms CPU"

// msOf times one call of f in milliseconds of the process's CPU time
// (Node's under GOOS=js): the compute workloads are timed with it, as on a
// shared machine their wall time swung tenfold between runs, their CPU
// time does not.
func msOf(f func()) measureFn {
	return func() float64 {
		start := cputime.Process()
		f()
		return float64(cputime.Process()-start) / 1e6
	}
}

func (s *suite) pingPong(n int, withTrace bool) {
	if !s.wants("pingpong") {
		return
	}
	n = s.size(n)
	src, opts := pingPongSrc(n), engineOptions(n)
	goRun := func() float64 { return perItem(n, func() { goPingPong(n) }) }
	r := Result{Name: "pingpong", N: n, Unit: "µs/round trip", Subject: "engine", Baseline: "go", Target: "ratio ≤ 3"}
	if !withTrace {
		r.Target = ""
	}
	s.emit(compare(r, s.runs, func() float64 { return perItem(n, func() { runEngine(src, opts, discard{}) }) }, goRun))
	if withTrace {
		r.Subject, r.Target = "plain gopher-lua, no-op methods, no coroutines", ""
		s.emit(compare(r, s.runs, func() float64 { return perItem(n, func() { runLuaFloor(n) }) }, goRun))
		r.Subject = "plain gopher-lua, two coroutines yielding in Go methods (floor)"
		s.emit(compare(r, s.runs, func() float64 { return perItem(n, func() { runCoroutineFloor(n) }) }, goRun))
		r.Subject = "engine+trace"
		s.emit(compare(r, s.runs, func() float64 {
			return perItem(n, func() { runEngine(src, opts, &luamod.Recorder{}) })
		}, goRun))
	}
}

func (s *suite) spawnJoin(n int, target string) {
	if !s.wants("spawn") {
		return
	}
	n = s.size(n)
	src, opts := spawnJoinSrc(n), engineOptions(n)
	r := Result{Name: "spawn", N: n, Unit: "µs/goroutine", Subject: "engine", Baseline: "go", Target: target}
	s.emit(compare(r, s.runs,
		func() float64 { return perItem(n, func() { runEngine(src, opts, discard{}) }) },
		func() float64 { return perItem(n, func() { goSpawnJoin(n) }) }))
}

func (s *suite) parked(n int, target string) {
	if !s.wants("parked") {
		return
	}
	n = s.size(n)
	r := Result{Name: "parked", N: n, Unit: "bytes/goroutine", Subject: "engine", Baseline: "go", Target: target}
	s.emit(compare(r, s.runs, func() float64 { return engineParked(n) }, func() float64 { return goParked(n) }))
}

func (s *suite) sleepers(n, ms int) {
	if !s.wants("sleep") {
		return
	}
	r := Result{Name: "sleep", N: n, Unit: "ms", Subject: "engine, real time", Baseline: fmt.Sprintf("%d ms floor", ms), Target: "ratio ≤ 1.1"}
	s.emit(single(r, s.runs, func() float64 { return realTimeSleepers(n, ms) }, float64(ms)))
}

// scaling repeats spawn, parked memory and ping-pong at size n, to show
// the cost per item stays flat.
func (s *suite) scaling(n int) {
	s.spawnJoin(n, "")
	s.parked(n, "")
	s.pingPong(n, false)
}
