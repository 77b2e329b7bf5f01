package luamod

import (
	"context"
	"strings"
	"testing"
	"time"
)

func TestLimitsEndTheRunNamingThem(t *testing.T) {
	for _, c := range []struct {
		name, src string
		opts      Options
		want      string
	}{
		{"wall time", `while true do end`, Options{WallTimeout: 100 * time.Millisecond}, `limit exceeded: wall time \(100ms\)`},
		{"wall time asleep", `while true do goroutine.sleep(1000) end`, Options{WallTimeout: 100 * time.Millisecond}, `limit exceeded: wall time`},
		{"goroutines", `while true do goroutine.spawn(function() goroutine.sleep(1e9) end) end`, Options{MaxGoroutines: 50}, `limit exceeded: live goroutines \(50\)`},
		{"output", `while true do print("spam spam spam") end`, Options{MaxOutputBytes: 1000}, `limit exceeded: output bytes \(1000\)`},
		{"events", `while true do goroutine.yield() goroutine.mark("x") end`, Options{MaxEvents: 500}, `limit exceeded: trace events \(500\)`},
		{"memory", `local t = {} local i = 0 while true do i = i + 1 t[i] = string.rep("x", 64) .. i end`, Options{MaxMemory: 32 << 20}, `limit exceeded: memory \(32 MiB\)`},
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
	start := time.Now()
	rec := &Recorder{}
	res := Run(ctx, `
local wg = goroutine.wait_group()
wg:add(1)
for i = 1, 10 do goroutine.spawn(function() wg:wait() end) end
goroutine.spawn(function() pcall(function() while true do end end) while true do end end)
while true do end
`, Options{WallTimeout: time.Minute}, rec)
	if res.Status != StatusCancelled || res.Error != "run cancelled" {
		t.Fatalf("result = %s %q", res.Status, res.Error)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Fatalf("cancel took %v", d)
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
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	start := time.Now()
	res := Run(ctx, `goroutine.sleep(60000)`, Options{RealTime: true}, &Recorder{})
	if res.Status != StatusCancelled || time.Since(start) > 2*time.Second {
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
