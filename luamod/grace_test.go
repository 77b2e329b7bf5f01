package luamod

import (
	"strings"
	"testing"
	"time"
)

// Once main has ended, the others get the grace period on the run clock;
// then the run ends, succeeds and reports what each was doing and where.
func TestGracePeriodEndsTheRun(t *testing.T) {
	src := `
goroutine.spawn(function()
  goroutine.name("ticker")
  while true do goroutine.sleep(1000) end
end)
goroutine.spawn(function() while true do end end)
goroutine.spawn(function() goroutine.channel():receive() end)
print("main done")
`
	res, rec := run(t, src, Options{GracePeriod: Millis(2 * time.Second)})
	wantErr := "warning: 3 goroutine(s) still running 2s after main ended; the run stopped them\n" +
		"goroutine 2 (ticker) [sleep] at main.lua:4\n" +
		"goroutine 3 [running] at main.lua:6\n" +
		"goroutine 4 [chan receive on chan 1] at main.lua:7\n"
	if !res.OK() || rec.Stdout.String() != "main done\n" || rec.Stderr.String() != wantErr || len(res.Running) != 3 {
		t.Fatalf("%s %s %+v\nstdout:\n%s\nstderr:\n%s", res.Status, res.Error, res.Running, rec.Stdout.String(), rec.Stderr.String())
	}
	if clock := res.Stats.Clock; clock < 2_000_000 || clock > 2_100_000 {
		t.Fatalf("run clock %d µs, want about 2 s", clock)
	}
	res, _ = run(t, src)
	if clock := res.Stats.Clock; clock < 10_000_000 || clock > 10_100_000 {
		t.Fatalf("default grace: run clock %d µs, want about 10 s", clock)
	}
}

// The grace period starts after the workflows, which run after the chunk;
// goroutines that end within it end normally, and ones blocked for ever
// are still a leak, reported at once.
func TestGracePeriodFollowsWorkflowsAndKeepsLeaks(t *testing.T) {
	res, rec := run(t, `
workflow.define("w", {tasks = {{name = "t", command = function()
  goroutine.spawn(function() goroutine.sleep(5000) print("late but within grace") end)
  goroutine.sleep(100)
  return true
end}}})
goroutine.spawn(function() goroutine.channel():send(1) end)
`)
	out := rec.All.String()
	if !res.OK() || len(res.Running) != 0 || len(res.Stuck) != 1 || !strings.Contains(out, "late but within grace\n") ||
		!strings.Contains(out, "warning: 1 goroutine(s) leaked") {
		t.Fatalf("%s %+v %+v\n%s", res.Status, res.Running, res.Stuck, out)
	}
}

// In real time the grace period is wall-clock time.
func TestGracePeriodInRealTime(t *testing.T) {
	start := time.Now()
	res, _ := run(t, `goroutine.spawn(function() while true do goroutine.sleep(5) end end)`,
		Options{RealTime: true, GracePeriod: Millis(100 * time.Millisecond)})
	if !res.OK() || len(res.Running) != 1 || time.Since(start) > 5*time.Second {
		t.Fatalf("%s %+v after %v", res.Status, res.Running, time.Since(start))
	}
}
