package luamod

import (
	"time"

	lua "github.com/yuin/gopher-lua"
)

// WarmUp builds, while the process has no run, what its first runs would
// otherwise build themselves: the state of a run with opts (ahead.go),
// and spare threads up to their bound (threads.go, about 3 MB).
// gopher-lua's NewThread builds a whole global state for each thread,
// which made a page's first run of a thousand goroutines take a few
// hundred milliseconds longer under GOOS=js than its next one. WarmUp
// first waits a millisecond, which under GOOS=js lets the caller's event
// loop go on (the worker reports the engine ready), then works a batch
// at a time and stops as soon as a run starts: that run makes what it
// lacks. The page's worker calls it once with the page's usual options.
func WarmUp(opts Options) {
	time.Sleep(time.Millisecond)
	if o, err := opts.withDefaults(); err == nil && runs.none() {
		ahead.prepare(o)
	}
	spares.fill(maxSpareThreads)
}

// warmBatch is how many threads fill makes between two waits: a few
// milliseconds of work under GOOS=js.
const warmBatch = 32

// fill makes spare threads until c holds n, while no run goes on. Between
// two batches it waits a millisecond: under GOOS=js that returns to the
// event loop, so a run the page asks for starts without waiting for the
// whole fill.
func (c *threadCache) fill(n int) {
	for runs.none() {
		c.mu.Lock()
		want := min(n-len(c.clean)-len(c.dirty), warmBatch)
		c.mu.Unlock()
		if want <= 0 {
			return
		}
		made := make([]*lua.LState, want)
		for i := range made {
			made[i], _ = blank.L.NewThread()
			made[i].Panic = blank.L.Panic
		}
		c.mu.Lock()
		c.clean = append(c.clean, made[:min(want, n-len(c.clean)-len(c.dirty))]...)
		c.mu.Unlock()
		time.Sleep(time.Millisecond)
	}
}
