package luamod

import (
	"os"
	"runtime/debug"
)

// TuneGC sets the garbage collector of a process whose work is running
// scripts: the native runner, the page's worker and the benchmarks. A run
// allocates in bursts (every goroutine that first runs makes a Lua
// thread, about 10 KB) while the data it keeps stays small, so Go's
// default of collecting whenever the heap doubles spent more time marking
// than spawning: 1,000 goroutines sleeping 100 ms in real time took 134 ms
// instead of 115, spawning and joining 10,000 cost 3.7 µs a goroutine
// instead of 1.1. The collector runs when the heap has grown fivefold
// (GOGC=400), and more often as it nears limit bytes, a soft limit
// (debug.SetMemoryLimit), so a script that keeps a lot still runs in
// bounded memory. GOGC or GOMEMLIMIT set in the environment win.
func TuneGC(limit int64) {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" && limit > 0 {
		debug.SetMemoryLimit(limit)
	}
}
