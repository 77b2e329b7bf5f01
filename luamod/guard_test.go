package luamod

import (
	"cmp"
	"context"
	"runtime"
	"strings"
	"testing"
	"time"

	"luaplay/internal/cputime"
)

// bounded is an adversarial script: whatever it does, its run must end
// with status and an error matching want, within its wall limit plus a
// second, and without the heap growing by more than a few times the
// memory limit.
type bounded struct {
	name, src string
	opts      Options
	status    Status
	want      string // regular expression the result's error must match
}

// Defaults of a bounded case's options: small, so big inputs stay fast.
const (
	boundedWall   = time.Second
	boundedMemory = 64 << 20
)

// safetyWall is the wall limit of a case that must end some other way: a
// busy machine slows it down, and must not change how it ends.
const safetyWall = 2 * time.Minute

// expectBounded runs every case as a subtest and returns nothing: each
// failure names its case.
func expectBounded(t *testing.T, cases []bounded) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { runBounded(t, c) })
	}
}

// runBounded runs one case and checks status, message, time and memory. It
// returns the recorder for further checks. A case that is not about the
// wall limit runs with safetyWall instead of its own. The run must take
// at most its wall limit plus a second, of wall time or of CPU time
// (clocks).
func runBounded(t *testing.T, c bounded) *Recorder {
	t.Helper()
	opts := c.opts
	limit := cmp.Or(time.Duration(opts.WallTimeout), boundedWall)
	opts.WallTimeout = Millis(limit)
	if !matches("wall time", c.want) {
		opts.WallTimeout = Millis(safetyWall)
	}
	opts.MaxMemory = cmp.Or(opts.MaxMemory, boundedMemory)
	rec := &Recorder{}
	heap := watchHeap()
	clock := startClocks()
	done := make(chan Result, 1)
	go func() { done <- Run(context.Background(), c.src, opts, rec) }()
	var res Result
	select {
	case res = <-done:
	case <-time.After(time.Duration(opts.WallTimeout) + 20*time.Second):
		t.Fatalf("still running %v after its %v wall limit", time.Duration(opts.WallTimeout)+20*time.Second, opts.WallTimeout)
	}
	took, used := clock.since()
	grown := heap()
	if res.Status != c.status || !matches(c.want, res.Error) {
		t.Fatalf("status %s, error %q; want %s matching %q\nstderr:\n%s", res.Status, clip(res.Error, 300), c.status, c.want, clip(rec.Stderr.String(), 2000))
	}
	if took > limit+time.Second && used > limit+time.Second {
		t.Errorf("took %v (%v of CPU), more than its wall limit %v plus 1 s", took, used, limit)
	}
	if grown > 4*opts.MaxMemory+(64<<20) {
		t.Errorf("the heap grew by %d MiB with a %d MiB memory limit", grown>>20, opts.MaxMemory>>20)
	}
	return rec
}

// clocks are the wall clock and the process's CPU time at a start. A run
// that outruns a bound uses both; other processes loading the machine
// slow down the first only, so a bound holds when either clock keeps it.
type clocks struct {
	wall time.Time
	cpu  time.Duration
}

func startClocks() clocks { return clocks{time.Now(), cputime.Process()} }

// since is the wall time and the CPU time since the start.
func (c clocks) since() (time.Duration, time.Duration) {
	return time.Since(c.wall), cputime.Process() - c.cpu
}

// within reports whether either clock has moved by at most d.
func (c clocks) within(d time.Duration) bool {
	wall, cpu := c.since()
	return wall <= d || cpu <= d
}

// watchHeap reads the heap every millisecond until the returned function
// is called, which gives how far the heap rose above where it was, after
// a collection, at the start. It measures the allocations of the run under
// test, not the memory the process has mapped for all tests so far.
func watchHeap() func() int64 {
	runtime.GC()
	base := int64(heapBytes())
	peak := base
	stop, stopped := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(stopped)
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			peak = max(peak, int64(heapBytes()))
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
	return func() int64 {
		close(stop)
		<-stopped
		return max(peak, int64(heapBytes())) - base
	}
}

// lastLine is the last line of text.
func lastLine(text string) string {
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	return lines[len(lines)-1]
}
