package luamod

import (
	"fmt"
	"math"
	"testing"
	"time"

	"luaplay/internal/cputime"
)

// The engine paths below were quadratic: at the sizes of the Lua tests
// they took from seconds to hours. Linear, they take a fraction of a
// second natively; the wall limits leave room for -race and GOOS=js.

func TestSelectOverManyCasesIsLinear(t *testing.T) {
	opts := Options{WallTimeout: Millis(20 * time.Second), MaxMemory: 256 << 20}
	expectBounded(t, []bounded{
		{"50k channels", `
local cases = {}
for i = 1, 50000 do cases[i] = {channel = goroutine.channel(), receive = true} end
goroutine.spawn(function() goroutine.sleep(1) cases[50000].channel:send("last") end)
local i, v = goroutine.select(cases)
assert(i == 50000 and v == "last")`, opts, StatusOK, `^$`},
		{"100k cases on one channel", `
local ch = goroutine.channel()
local cases = {}
for i = 1, 100000 do cases[i] = {channel = ch, receive = true} end
goroutine.spawn(function() goroutine.sleep(1) ch:send(1) ch:send(2) end)
goroutine.select(cases)
goroutine.select(cases)`, opts, StatusOK, `^$`},
		{"fan_out to 20k outputs", `
local ch = goroutine.channel()
local outs = goroutine.fan_out(ch, 20000)
goroutine.spawn(function() for i = 1, 10 do ch:send(i) end ch:close() end)
for i = 1, 10 do assert(outs[i]:receive()) end`, opts, StatusOK, `^$`},
	})
}

func TestSelectWaitNamesAFewChannels(t *testing.T) {
	res, rec := run(t, `
local cases = {}
for i = 1, 20 do cases[i] = {channel = goroutine.channel(), receive = true} end
goroutine.select(cases)`)
	if res.Status != StatusDeadlock {
		t.Fatalf("status %s", res.Status)
	}
	want := "chan 1, chan 2, chan 3, chan 4, chan 5, chan 6, chan 7, chan 8, and 12 more"
	if got := res.Stuck[0].Object; got != want {
		t.Fatalf("object %q, want %q\n%s", got, want, rec.Stderr.String())
	}
}

// expectLinear times work(n) and work(4n) in CPU time, the fastest of
// three runs each, and fails when four times the size takes eight times
// as long or more: a linear path takes about four times, a quadratic one
// sixteen. A ratio of CPU times holds on a busy machine where a bound on
// the wall clock would not.
func expectLinear(t *testing.T, n int, work func(n int)) {
	t.Helper()
	fastest := func(n int) time.Duration {
		best := time.Duration(math.MaxInt64)
		for range 3 {
			start := cputime.Process()
			work(n)
			best = min(best, cputime.Process()-start)
		}
		return best
	}
	small, large := fastest(n), fastest(4*n)
	if large > 8*small+50*time.Millisecond {
		t.Fatalf("size %d took %v, size %d took %v: not linear", n, small, 4*n, large)
	}
}

func TestOrderTasksIsLinear(t *testing.T) {
	expectLinear(t, 5000, func(n int) {
		tasks := make([]*slothTask, n)
		for i := range tasks {
			tasks[i] = &slothTask{name: fmt.Sprintf("t%d", i)}
			if i > 0 {
				// each task depends on the next: the order is reversed
				tasks[i-1].dependsOn = []string{tasks[i].name}
			}
		}
		out, err := orderTasks(tasks)
		if err != nil || len(out) != n || out[0] != tasks[n-1] || out[n-1] != tasks[0] {
			t.Fatalf("order: %v, %d tasks", err, len(out))
		}
	})
}

func TestChromeTraceIsLinear(t *testing.T) {
	// One goroutine hands a value to another n times: its lane has as many
	// states as cuts, which the conversion once paired up.
	expectLinear(t, 1000, func(n int) {
		events := []Event{{T: 0, Kind: KindSpawn, G: 1}, {T: 0, Kind: KindStart, G: 1}, {T: 0, Kind: KindSpawn, G: 2, Other: 1}}
		for i := int64(1); i <= int64(n); i++ {
			events = append(events,
				Event{T: 10 * i, Kind: KindBlock, G: 1, Reason: "chan send", Object: "chan 1"},
				Event{T: 10*i + 5, Kind: KindRecv, G: 2, Other: 1, Object: "chan 1", From: 10*i + 1},
				Event{T: 10*i + 6, Kind: KindUnblock, G: 1, Other: 2},
				Event{T: 10*i + 7, Kind: KindRun, G: 1})
		}
		if b, err := ChromeTrace(Trace{Version: TraceVersion, Clock: "virtual", Events: events}); err != nil || len(b) == 0 {
			t.Fatal(err)
		}
	})
}

func TestLogTableOfSharedSubtablesIsBounded(t *testing.T) {
	// Twelve keys on nine levels, all the same subtable: 12^8 paths.
	expectBounded(t, []bounded{{"dag", `
local t = {}
for d = 1, 9 do
  local n = {}
  for i = 1, 12 do n["k" .. i] = t end
  t = n
end
log.table(t, "dag")`, Options{MaxOutputBytes: 1 << 16}, StatusLimit, `output bytes \(65536\)`}})
	expectOutput(t, `
local shared = {1, 2}
log.table({a = shared, b = shared, c = {d = shared}}, "shared")`,
		"[TABLE] shared: {a={1, 2}, b={1, 2}, c={d={1, 2}}}\n")
}
