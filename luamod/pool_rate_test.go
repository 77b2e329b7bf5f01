package luamod

import (
	"fmt"
	"strings"
	"testing"
)

// taskStarts returns the run-clock times of the pool task starts in a trace.
func taskStarts(evs []Event) []int64 {
	var ts []int64
	for _, e := range evs {
		if e.Kind == KindTask {
			ts = append(ts, e.T)
		}
	}
	return ts
}

// TestPoolRate: with rate r, task starts are spaced by at least 1/r
// seconds of run clock, and by no more than the few instructions a worker
// needs between waking and starting, whatever the worker count.
func TestPoolRate(t *testing.T) {
	for _, c := range []struct {
		rate    string
		workers int
		gap     int64 // microseconds
	}{
		{"10", 1, 100000},
		{"10", 4, 100000},
		{"4", 2, 250000},
		{"1000", 3, 1000},
		{"3", 2, 333334},
	} {
		t.Run(fmt.Sprintf("rate %s workers %d", c.rate, c.workers), func(t *testing.T) {
			res, rec := run(t, fmt.Sprintf(`
goroutine.pool_create("p", {workers = %d, rate = %s})
for i = 1, 6 do goroutine.pool_submit("p", function() end) end
goroutine.pool_wait("p")
print(goroutine.pool_stats("p").completed)`, c.workers, c.rate))
			if !res.OK() || rec.Stdout.String() != "6\n" {
				t.Fatalf("%s %s: %q", res.Status, res.Error, rec.Stdout.String())
			}
			ts := taskStarts(rec.Trace)
			if len(ts) != 6 {
				t.Fatalf("%d task starts, want 6", len(ts))
			}
			for i := 1; i < len(ts); i++ {
				if d := ts[i] - ts[i-1]; d < c.gap || d > c.gap+50 {
					t.Fatalf("starts %v: gap %d is not %d (+50)", ts, d, c.gap)
				}
			}
		})
	}
}

// TestPoolRateEvents shows the rate on the timeline: both workers sleep
// ("pool rate") until the next start is allowed, 100 ms after the first.
func TestPoolRateEvents(t *testing.T) {
	_, rec := run(t, `goroutine.pool_create("p", {workers = 2, rate = 10})
goroutine.pool_submit("p", function() end)
goroutine.pool_submit("p", function() end)
goroutine.pool_wait("p")`)
	var lines []string
	for _, line := range strings.Split(formatEvents(rec.Trace), "\n") {
		if strings.Contains(line, " task ") || strings.Contains(line, "pool rate") {
			lines = append(lines, line)
		}
	}
	want := `21 task 2 obj="pool p" name="p-1"
22 block 2 reason="pool rate" obj="pool p"
22 block 3 reason="pool rate" obj="pool p"
100021 task 2 obj="pool p" name="p-2"`
	if got := strings.Join(lines, "\n"); got != want {
		t.Fatalf("events:\n%s\nwant:\n%s", got, want)
	}
}

// TestPoolWithoutRate: without a rate, a free worker starts at once.
func TestPoolWithoutRate(t *testing.T) {
	_, rec := run(t, `goroutine.pool_create("p", {workers = 1})
for i = 1, 3 do goroutine.pool_submit("p", function() end) end
goroutine.pool_wait("p")`)
	ts := taskStarts(rec.Trace)
	if len(ts) != 3 || ts[2]-ts[0] > 100 {
		t.Fatalf("task starts %v", ts)
	}
}
