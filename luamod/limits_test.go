package luamod

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestLimitsEndTheRunNamingThem(t *testing.T) {
	for _, c := range []struct {
		name, src string
		opts      Options
		want      string
	}{
		{"wall time", `while true do end`, Options{WallTimeout: Millis(100 * time.Millisecond)}, `limit exceeded: wall time \(100ms\)`},
		{"wall time asleep", `while true do goroutine.sleep(1000) end`, Options{WallTimeout: Millis(100 * time.Millisecond)}, `limit exceeded: wall time`},
		{"goroutines", `while true do goroutine.spawn(function() goroutine.sleep(1e9) end) end`, Options{MaxGoroutines: 50}, `limit exceeded: live goroutines \(50\)`},
		{"output", `while true do print("spam spam spam") end`, Options{MaxOutputBytes: 1000}, `limit exceeded: output bytes \(1000\)`},
		{"events", `while true do goroutine.yield() goroutine.mark("x") end`, Options{MaxEvents: 500}, `limit exceeded: trace events \(500\)`},
		{"memory", `local t = {} local i = 0 while true do i = i + 1 t[i] = string.rep("x", 4096) .. i end`, Options{MaxMemory: 32 << 20}, `limit exceeded: memory \(32 MiB\)`},
	} {
		t.Run(c.name, func(t *testing.T) {
			res, rec := run(t, c.src, c.opts)
			if res.Status != StatusLimit || !matches(c.want, res.Error) {
				t.Fatalf("status %s error %q, want limit %q", res.Status, res.Error, c.want)
			}
			if !strings.Contains(rec.Stderr.String(), "limit exceeded") {
				t.Fatalf("stderr lacks the limit: %q", rec.Stderr.String())
			}
		})
	}
}

func TestOutputBeforeTheLimitIsKept(t *testing.T) {
	res, rec := run(t, `for i = 1, 1000 do print("line", i) end`, Options{MaxOutputBytes: 100})
	if res.Status != StatusLimit || !strings.HasPrefix(rec.Stdout.String(), "line\t1\nline\t2\n") || rec.Stdout.Len() > 100 {
		t.Fatalf("status %s stdout %q", res.Status, rec.Stdout.String())
	}
}

func TestCancelStopsBusyAndBlockedGoroutines(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	clock := startClocks()
	rec := &Recorder{}
	res := Run(ctx, `
local wg = goroutine.wait_group()
wg:add(1)
for i = 1, 10 do goroutine.spawn(function() wg:wait() end) end
goroutine.spawn(function() pcall(function() while true do end end) while true do end end)
while true do end
`, Options{WallTimeout: Millis(time.Minute)}, rec)
	if res.Status != StatusCancelled || res.Error != "run cancelled" {
		t.Fatalf("result = %s %q", res.Status, res.Error)
	}
	if !clock.within(2 * time.Second) {
		wall, cpu := clock.since()
		t.Fatalf("cancel took %v (%v of CPU)", wall, cpu)
	}
	ended := 0
	for _, e := range rec.Trace {
		if e.Kind == KindEnd && e.Status == "cancelled" {
			ended++
		}
	}
	if ended != 12 {
		t.Fatalf("%d goroutines ended cancelled, want 12", ended)
	}
}

func TestCancelDuringRealTimeSleep(t *testing.T) {
	expectCancelledSleep(t, 60000, 2*time.Second)
}

// expectCancelledSleep cancels a real-time run 50 ms into a sleep of ms
// and expects it to end cancelled within limit.
func expectCancelledSleep(t *testing.T, ms int, limit time.Duration) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	start := time.Now()
	res := Run(ctx, fmt.Sprintf("goroutine.sleep(%d)", ms), Options{RealTime: true}, &Recorder{})
	if res.Status != StatusCancelled || time.Since(start) > limit {
		t.Fatalf("status %s after %v", res.Status, time.Since(start))
	}
}

func TestRealTimeSleepUsesTheWallClock(t *testing.T) {
	start := time.Now()
	res, rec := run(t, `
local t0 = goroutine.now()
local wg = goroutine.wait_group()
for i = 1, 5 do wg:add(1) goroutine.spawn(function() goroutine.sleep(60) wg:done() end) end
wg:wait()
local d = goroutine.now() - t0
print(d >= 60 and d < 1000)
`, Options{RealTime: true})
	if !res.OK() || rec.Stdout.String() != "true\n" {
		t.Fatalf("%s %q %s", res.Status, rec.Stdout.String(), rec.Stderr.String())
	}
	if d := time.Since(start); d < 60*time.Millisecond {
		t.Fatalf("run took %v, want at least the sleep", d)
	}
}

func TestNegativeOptionsAreRejected(t *testing.T) {
	res, _ := run(t, `print(1)`, Options{MaxGoroutines: -1})
	if res.Status != StatusError || !strings.Contains(res.Error, "must not be negative") {
		t.Fatalf("result = %+v", res)
	}
}

func TestOutputLimitCoversBothStreams(t *testing.T) {
	for _, c := range []bounded{
		{"stderr", `log.error(string.rep("e", 2e6))`, Options{MaxOutputBytes: 1000}, StatusLimit, `output bytes \(1000\)`},
		{"stdout", `print(string.rep("x", 5000))`, Options{MaxOutputBytes: 1000}, StatusLimit, `output bytes \(1000\)`},
		{"both", `for i = 1, 1e9 do print("out") log.warn("err") end`, Options{MaxOutputBytes: 1000}, StatusLimit, `output bytes \(1000\)`},
		{"errors", `for i = 1, 1e9 do goroutine.spawn(error, string.rep("boom", 1000)) goroutine.yield() end`, Options{MaxOutputBytes: 1000}, StatusLimit, `output bytes \(1000\)`},
	} {
		t.Run(c.name, func(t *testing.T) {
			rec := runBounded(t, c)
			all := rec.All.String()
			if last := lastLine(all); last != "limit exceeded: output bytes (1000)" {
				t.Fatalf("last line %q", last)
			}
			header := strings.Index(all, " goroutine(s) alive when the run was stopped:")
			script := strings.TrimRight(all[:strings.LastIndex(all[:header], "\n")+1], "\n")
			if len(script) > 1000 {
				t.Fatalf("%d bytes of script output with a 1000-byte limit", len(script))
			}
		})
	}
}

func TestAnOversizedWriteIsCutAtTheLimit(t *testing.T) {
	rec := runBounded(t, bounded{"cut", `print("héllo" .. string.rep("é", 5000))`, Options{MaxOutputBytes: 100}, StatusLimit, `output bytes`})
	out := rec.Stdout.String()
	if !strings.HasPrefix(out, "héllo") || len(out) < 98 || len(out) > 100 || !utf8.ValidString(out) {
		t.Fatalf("stdout is %d bytes: %q", len(out), out)
	}
	if !strings.HasPrefix(rec.Stderr.String(), "\n") {
		t.Fatalf("the report does not start on a line of its own: %q", rec.Stderr.String())
	}
}

func TestLimitReportNamesTheGoroutinesAlive(t *testing.T) {
	rec := runBounded(t, bounded{"report", `
local ch = goroutine.channel()
goroutine.spawn(function()
  goroutine.name("reader")
  ch:receive()
end)
goroutine.spawn(function() goroutine.sleep(1e9) end)
goroutine.sleep(1)
while true do end
`, Options{WallTimeout: Millis(200 * time.Millisecond)}, StatusLimit, `wall time \(200ms\)`})
	want := "3 goroutine(s) alive when the run was stopped:\n" +
		"goroutine 1 (main) [running] at main.lua:9\n" +
		"goroutine 2 (reader) [chan receive on chan 1] at main.lua:5\n" +
		"goroutine 3 [sleep] at main.lua:7\n" +
		"limit exceeded: wall time (200ms)\n"
	if got := rec.Stderr.String(); got != want {
		t.Fatalf("stderr:\n%s\nwant:\n%s", got, want)
	}
}

func TestNothingStartsAfterALimit(t *testing.T) {
	for _, c := range []bounded{
		{"spawn", `
for i = 1, 600 do goroutine.mark("x") end
while true do pcall(goroutine.spawn, function() while true do end end) end`,
			Options{MaxEvents: 500, WallTimeout: Millis(5 * time.Second)}, StatusLimit, `trace events \(500\)`},
		{"pool", `
goroutine.pool_create("p", {workers = 2})
print(string.rep("x", 2000))
while true do pcall(goroutine.pool_submit, "p", function() while true do end end) end`,
			Options{MaxOutputBytes: 1000, WallTimeout: Millis(5 * time.Second)}, StatusLimit, `output bytes`},
	} {
		t.Run(c.name, func(t *testing.T) {
			clock := startClocks()
			rec := runBounded(t, c)
			if !clock.within(time.Second) {
				took, used := clock.since()
				t.Fatalf("took %v (%v of CPU): goroutines started after the limit kept the run going", took, used)
			}
			for _, e := range rec.Trace {
				if e.Kind == KindTask {
					t.Fatalf("a pool task started: %+v", e)
				}
			}
		})
	}
}

func TestTraceIsLimitedInBytes(t *testing.T) {
	rec := runBounded(t, bounded{"marks", `
local label = string.rep("m", 1e6)
for i = 1, 10000 do goroutine.mark(label) end`, Options{MaxEvents: 1000}, StatusLimit, `trace bytes \(128000\)`})
	size := 0
	for _, e := range rec.Trace {
		size += len(e.Name)
	}
	if size > 128000 {
		t.Fatalf("the trace holds %d bytes of labels", size)
	}
	if n := len(rec.Trace[len(rec.Trace)-1].Name); n > maxLabelBytes+40 {
		t.Fatalf("a mark label of %d bytes", n)
	}
}
