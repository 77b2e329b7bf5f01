package luamod

import (
	"testing"
	"time"
)

// with_deadline takes an instant on os.time's clock, as sloth-runner's
// scripts write it: os.time() * 1000 + 2000 is two seconds from now, in
// virtual time and in real time.
func TestWithDeadlineUsesOsTimeEpoch(t *testing.T) {
	src := `
local ctx = goroutine.context():with_deadline(os.time() * 1000 + 200)
local ticks = 0
while not ctx:is_cancelled() do
  goroutine.sleep(50)
  ticks = ticks + 1
end
print(ticks, ctx:err(), math.floor(ctx:deadline() / 1000) - os.time() <= 0)
`
	expectOutput(t, src, "4\tcontext deadline exceeded\ttrue\n")
	res, rec := run(t, src, Options{RealTime: true})
	if !res.OK() || rec.Stdout.String() == "" {
		t.Fatalf("real time: %s %s\n%s", res.Status, res.Error, rec.All.String())
	}
}

func TestMathRandomCoversInt64(t *testing.T) {
	expectOutput(t, `
local lo, hi = math.huge, -math.huge
for i = 1, 200 do
  local x = math.random(-2^62, 2^62)
  assert(x >= -2^62 and x <= 2^62)
  lo, hi = math.min(lo, x), math.max(hi, x)
end
print(lo < -2^60, hi > 2^60)
print(math.random(-2^63, 2^63 - 2^10) ~= nil)
print(math.random(7, 7.9), math.random(1))
print(pcall(math.random, 2^63))
print(pcall(math.random, 3, 2))
`, "true\ttrue\ntrue\n7\t1\nfalse\tbad argument #1 to (anonymous) (number has no integer representation)\n"+
		"false\tbad argument #2 to (anonymous) (interval is empty)\n")
}

// A tiny pool rate saturates instead of overflowing into "no limit": the
// first task starts, the next one 73,000 years later: long after the
// grace period that follows the end of main has stopped the worker.
func TestTinyPoolRateStillLimits(t *testing.T) {
	res, rec := run(t, `
goroutine.pool_create("slow", {workers = 1, rate = 1e-300})
for i = 1, 3 do goroutine.pool_submit("slow", function() print("task", i) end) end
goroutine.sleep(1000)
print(goroutine.pool_stats("slow").completed)
`, Options{MaxEvents: 200})
	if got := rec.Stdout.String(); got != "task\t1\n1\n" || !res.OK() || len(res.Running) != 1 || res.Running[0].Reason != "pool rate" {
		t.Fatalf("%s %s %+v\n%s", res.Status, res.Error, res.Running, rec.All.String())
	}
}

// os.date and os.time stay right when the run clock is centuries past its
// start (a time.Duration ends after 292 years).
func TestOsDateFarFuture(t *testing.T) {
	expectOutput(t, `
print(os.date("%Y-%m-%d %H:%M"))
goroutine.sleep(300 * 365.25 * 24 * 3600 * 1000)
print(os.date("%Y-%m-%d %H:%M"), os.time() > 10^10)
goroutine.sleep(2^62)
print(tonumber(os.date("%Y")) > 70000)
`, "2009-11-10 23:00\n2309-11-13 23:00\ttrue\ntrue\n")
}

// In real time the run clock reads the wall clock once per VM
// instruction (at most maxWallReuses answers from one reading), and again
// after a wait.
func TestRealClockReadsOncePerInstruction(t *testing.T) {
	opts, _ := testOptions(Options{RealTime: true}).withDefaults()
	s := buildSched(opts)
	s.start = time.Now()
	first := s.now()
	time.Sleep(2 * time.Millisecond)
	if again := s.now(); again != first {
		t.Fatalf("a second reading within one instruction moved the clock: %d, then %d", first, again)
	}
	s.steps++
	next := s.now()
	if next < first+2000 {
		t.Fatalf("the next instruction read %d µs, want at least %d", next, first+2000)
	}
	time.Sleep(2 * time.Millisecond)
	s.clockMoved()
	moved := s.now()
	if moved < next+2000 {
		t.Fatalf("after a wait the clock read %d µs, want at least %d", moved, next+2000)
	}
	for range maxWallReuses - 1 {
		s.now()
	}
	time.Sleep(2 * time.Millisecond)
	if worn := s.now(); worn < moved+2000 {
		t.Fatalf("a reading answered %d times answered again: %d µs, read at %d", maxWallReuses, worn, moved)
	}
}
