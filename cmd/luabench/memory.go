package main

import (
	"fmt"
	"runtime"

	"luaplay/luamod"
)

// inUse is the memory the program holds after a collection: live heap
// objects and goroutine stacks.
func inUse() float64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return float64(ms.HeapAlloc + ms.StackInuse)
}

// parkedSrc parks n goroutines on a wait group, then main sleeps so that
// every one of them is parked when it runs again.
func parkedSrc(n int) string {
	return fmt.Sprintf(`
local wg = goroutine.wait_group()
wg:add(1)
for i = 1, %d do goroutine.spawn(function() wg:wait() end) end
goroutine.sleep(1)
wg:done()
`, n)
}

// engineParked returns the bytes each parked goroutine holds, all in: its
// Go goroutine and stack, Lua thread and scheduler record. The baseline is
// read after a collection, with the previous run released; the probe
// reads the memory when main resumes from its sleep.
func engineParked(n int) float64 {
	luamod.DropSpares() // what the run allocates, not what earlier runs left
	before := inUse()
	probe := &parkProbe{}
	runEngine(parkedSrc(n), engineOptions(n), probe)
	return (probe.parked - before) / float64(n)
}

// parkProbe measures the memory when main gets the token back after its
// sleep (not after a preemption while it spawned).
type parkProbe struct {
	discard
	parked      float64
	slept, done bool
}

func (p *parkProbe) Event(e luamod.Event) {
	switch {
	case e.G != 1 || p.done:
	case e.Kind == luamod.KindBlock && e.Reason == luamod.ReasonSleep:
		p.slept = true
	case e.Kind == luamod.KindRun && p.slept:
		p.done = true
		p.parked = inUse()
	}
}

// goParked is the same for n Go goroutines blocked on a channel receive.
// What the engine's runs left for the next (DropSpares) is dropped
// first: its tidying, due meanwhile, would free memory while this
// measures.
func goParked(n int) float64 {
	luamod.DropSpares()
	before := inUse()
	release := make(chan struct{})
	started := make(chan struct{}, n)
	for range n {
		go func() {
			started <- struct{}{}
			<-release
		}()
	}
	for range n {
		<-started
	}
	parked := inUse()
	close(release)
	return (parked - before) / float64(n)
}
