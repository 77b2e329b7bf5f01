package luamod

import (
	"fmt"
	"runtime"
	"testing"
	"time"
)

// slowdown is how much slower than native Go the tests run: the race
// detector and GOOS=js take several times longer.
func slowdown() time.Duration {
	if raceDetector || runtime.GOOS == "js" {
		return 10
	}
	return 1
}

// The engine paths below were quadratic: at these sizes they took from
// seconds to hours. Linear, they take a fraction of a second natively; the
// wall limits leave room for -race and GOOS=js.

func TestSelectOverManyCasesIsLinear(t *testing.T) {
	opts := Options{WallTimeout: Millis(20 * time.Second)}
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

func TestOrderTasksIsLinear(t *testing.T) {
	const n = 200000
	tasks := make([]*slothTask, n)
	for i := range tasks {
		tasks[i] = &slothTask{name: fmt.Sprintf("t%d", i)}
		if i > 0 {
			// each task depends on the next: the order is reversed
			tasks[i-1].dependsOn = []string{tasks[i].name}
		}
	}
	start := time.Now()
	out, err := orderTasks(tasks)
	if err != nil || len(out) != n || out[0] != tasks[n-1] || out[n-1] != tasks[0] {
		t.Fatalf("order: %v, %d tasks", err, len(out))
	}
	if took := time.Since(start); took > 2*time.Second*slowdown() {
		t.Fatalf("ordering %d tasks took %v", n, took)
	}
}

func TestChromeTraceIsLinear(t *testing.T) {
	// One goroutine that hands a value to another 10,000 times: its lane
	// has as many states as cuts, which the conversion once paired up.
	const n = 10000
	events := []Event{{T: 0, Kind: KindSpawn, G: 1}, {T: 0, Kind: KindStart, G: 1}, {T: 0, Kind: KindSpawn, G: 2, Other: 1}}
	for i := int64(1); i <= n; i++ {
		events = append(events,
			Event{T: 10 * i, Kind: KindBlock, G: 1, Reason: "chan send", Object: "chan 1"},
			Event{T: 10*i + 5, Kind: KindRecv, G: 2, Other: 1, Object: "chan 1", From: 10*i + 1},
			Event{T: 10*i + 6, Kind: KindUnblock, G: 1, Other: 2},
			Event{T: 10*i + 7, Kind: KindRun, G: 1})
	}
	start := time.Now()
	b, err := ChromeTrace(Trace{Version: TraceVersion, Clock: "virtual", Events: events})
	if err != nil || len(b) == 0 {
		t.Fatal(err)
	}
	if took := time.Since(start); took > 2*time.Second*slowdown() {
		t.Fatalf("converting %d events took %v", len(events), took)
	}
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
