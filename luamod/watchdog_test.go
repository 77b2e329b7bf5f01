package luamod

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestAnAllocatingInstructionEndsTheRunAtTheNext keeps tables whose
// array one assignment fills with nils, 64 MiB each, in one VM
// instruction that calls no engine code. The watchdog sees the heap pass
// the limit during the first, so the run ends with the memory limit after
// it (or the second, on a slow machine) instead of a quantum of
// instructions later, after all eight (512 MiB kept).
func TestAnAllocatingInstructionEndsTheRunAtTheNext(t *testing.T) {
	if runtime.GOOS == "js" {
		t.Skip("under GOOS=js the watchdog runs only when the busy goroutine yields, after the quantum")
	}
	const slots = 1 << 22 // 16-byte slots: 64 MiB
	src := fmt.Sprintf(`local keep = {} for i = 1, 8 do local t = {} t[%d] = 1 keep[i] = t print(i) end`, slots-1)
	var res Result
	var rec *Recorder
	peak := peakHeap(func() { res, rec = run(t, src, Options{MaxMemory: 16 << 20}) })
	if res.Error != "limit exceeded: memory (16 MiB)" {
		t.Fatalf("status %s, error %q, want the memory limit", res.Status, res.Error)
	}
	if done := strings.Count(rec.Stdout.String(), "\n"); done > 1 {
		t.Fatalf("%d of the assignments done, want at most 2", done+1)
	}
	if peak > 4*16*slots {
		t.Fatalf("heap peaked at %d MiB, more than four assignments' worth", peak>>20)
	}
	t.Logf("heap peak %d MiB, printed %q", peak>>20, rec.Stdout.String())
}

// TestTheWatchdogEndsWithTheRun: the run leaves no goroutine behind,
// neither when it succeeds nor when the watchdog ended it.
func TestTheWatchdogEndsWithTheRun(t *testing.T) {
	for _, src := range []string{`print(1)`, `local t = {} t[2^22] = 1 while true do end`} {
		before := runtime.NumGoroutine()
		run(t, src, Options{MaxMemory: 16 << 20})
		expectNoGoroutineLeft(t, before, src)
	}
}

// peakHeap runs f and returns the most the heap grew meanwhile, sampled
// every millisecond (under GOOS=js only when f lets other goroutines run).
func peakHeap(f func()) int64 {
	base := heapBase(heapBytes())
	done, peak := make(chan struct{}), make(chan int64)
	go func() {
		var most int64
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			most = max(most, base.used())
			select {
			case <-done:
				peak <- most
				return
			case <-tick.C:
			}
		}
	}()
	f()
	close(done)
	return <-peak
}
