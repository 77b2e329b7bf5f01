package luamod

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// chromeFile is what the tests decode ChromeTrace's output into.
type chromeFile struct {
	DisplayTimeUnit string         `json:"displayTimeUnit"`
	OtherData       map[string]any `json:"otherData"`
	TraceEvents     []chromeEvent  `json:"traceEvents"`
}

func decodeChrome(t *testing.T, tr Trace) chromeFile {
	t.Helper()
	b, err := ChromeTrace(tr)
	if err != nil {
		t.Fatal(err)
	}
	var f chromeFile
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		t.Fatalf("invalid JSON: %v\n%s", err, b)
	}
	return f
}

// An async goroutine that sleeps, awaited by main, written out by hand so
// the expectation does not move with the engine's instruction costs.
var chromeSmallTrace = Trace{Version: 1, Clock: "virtual", Events: []Event{
	{T: 0, Kind: KindSpawn, G: 1, Name: "main"},
	{T: 0, Kind: KindStart, G: 1},
	{T: 4, Kind: KindSpawn, G: 2, Other: 1, Line: 2, Group: "pool work", Name: "work worker 1"},
	{T: 8, Kind: KindMark, G: 1, Line: 3, Name: "waiting"},
	{T: 10, Kind: KindAwait, G: 1, Other: 2, Line: 4},
	{T: 10, Kind: KindBlock, G: 1, Line: 4, Reason: "await", Object: "goroutine 2"},
	{T: 10, Kind: KindStart, G: 2},
	{T: 14, Kind: KindBlock, G: 2, Line: 2, Reason: "sleep"},
	{T: 1014, Kind: KindUnblock, G: 2},
	{T: 1014, Kind: KindRun, G: 2},
	{T: 1016, Kind: KindEnd, G: 2, Status: "error", Err: "main.lua:2: boom"},
	{T: 1016, Kind: KindUnblock, G: 1, Other: 2},
	{T: 1016, Kind: KindRun, G: 1},
	{T: 1017, Kind: KindEnd, G: 1, Status: "ok"},
}}

func TestChromeTraceSmallTraceExactly(t *testing.T) {
	b, err := ChromeTrace(chromeSmallTrace)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"displayTimeUnit":"ms","otherData":{"clock":"virtual","version":1},"traceEvents":[
{"name":"process_name","ph":"M","ts":0,"pid":1,"tid":0,"args":{"name":"luaplay run (virtual clock)"}},
{"name":"thread_name","ph":"M","ts":0,"pid":1,"tid":1,"args":{"name":"g1 main"}},
{"name":"thread_sort_index","ph":"M","ts":0,"pid":1,"tid":1,"args":{"sort_index":1}},
{"name":"thread_name","ph":"M","ts":0,"pid":1,"tid":2,"args":{"name":"g2 work worker 1 (pool work)"}},
{"name":"thread_sort_index","ph":"M","ts":0,"pid":1,"tid":2,"args":{"sort_index":2}},
{"name":"running","cat":"state","ph":"X","ts":0,"dur":4,"pid":1,"tid":1,"cname":"thread_state_running"},
{"name":"running","cat":"state","ph":"X","ts":4,"dur":6,"pid":1,"tid":1,"cname":"thread_state_running"},
{"name":"blocked: await","cat":"state","ph":"X","ts":10,"dur":1006,"pid":1,"tid":1,"cname":"thread_state_iowait","args":{"line":4,"object":"goroutine 2"}},
{"name":"running","cat":"state","ph":"X","ts":1016,"dur":1,"pid":1,"tid":1,"cname":"thread_state_running"},
{"name":"runnable","cat":"state","ph":"X","ts":4,"dur":6,"pid":1,"tid":2,"cname":"thread_state_runnable"},
{"name":"running","cat":"state","ph":"X","ts":10,"dur":4,"pid":1,"tid":2,"cname":"thread_state_running"},
{"name":"sleeping","cat":"state","ph":"X","ts":14,"dur":1000,"pid":1,"tid":2,"cname":"thread_state_sleeping","args":{"line":2}},
{"name":"running","cat":"state","ph":"X","ts":1014,"dur":2,"pid":1,"tid":2,"cname":"thread_state_running"},
{"name":"waiting","cat":"event","ph":"i","ts":8,"pid":1,"tid":1,"s":"t","args":{"line":3}},
{"name":"error: main.lua:2: boom","cat":"event","ph":"i","ts":1016,"pid":1,"tid":2,"s":"t"},
{"name":"spawn","cat":"flow","ph":"s","ts":3.999,"pid":1,"tid":1,"id":1},
{"name":"spawn","cat":"flow","ph":"f","ts":4.001,"pid":1,"tid":2,"id":1,"bp":"e"},
{"name":"wake: await","cat":"flow","ph":"s","ts":1015.999,"pid":1,"tid":2,"id":2},
{"name":"wake: await","cat":"flow","ph":"f","ts":1016.001,"pid":1,"tid":1,"id":2,"bp":"e"}
]}
`
	if string(b) != want {
		t.Fatalf("got:\n%s\nwant:\n%s", b, want)
	}
}

// chromeRichScript exercises every kind of flow: spawn, wake-ups, channel
// handoffs, await of a finished goroutine, pool tasks, and a leak.
const chromeRichScript = `
goroutine.name("boss")
local ch = goroutine.channel(1)
local done = goroutine.async(function() return 42 end)
goroutine.sleep(1)
done:await()
goroutine.spawn(function()
  for i = 1, 3 do ch:send(i) end
  ch:close()
end)
for v in function() local v, ok = ch:receive() if ok then return v end end do
  goroutine.mark("got " .. v)
end
goroutine.pool_create("work", {workers = 2})
for i = 1, 3 do goroutine.pool_submit("work", function() goroutine.sleep(i) end) end
goroutine.pool_wait("work")
goroutine.spawn(function() goroutine.channel():receive() end)
`

func TestChromeTraceIsValidAndBound(t *testing.T) {
	res, rec := run(t, chromeRichScript)
	if !res.OK() || len(res.Stuck) != 1 {
		t.Fatalf("run %s %q, stuck %v\n%s", res.Status, res.Error, res.Stuck, rec.All.String())
	}
	f := decodeChrome(t, Trace{Version: TraceVersion, Clock: "virtual", Events: rec.Trace})
	names := map[int]int{}
	var spawned []int
	for _, e := range rec.Trace {
		if e.Kind == KindSpawn {
			spawned = append(spawned, e.G)
		}
	}
	slicesOf := map[int][]chromeEvent{}
	flows := map[int][]chromeEvent{}
	for _, e := range f.TraceEvents {
		switch {
		case e.Ph == "M" && e.Name == "thread_name":
			names[e.Tid]++
		case e.Ph == "X":
			if e.Dur <= 0 || e.Ts < 0 {
				t.Errorf("slice %+v: want ts >= 0 and dur > 0", e)
			}
			slicesOf[e.Tid] = append(slicesOf[e.Tid], e)
		case e.Ph == "s" || e.Ph == "f":
			flows[e.ID] = append(flows[e.ID], e)
		}
	}
	for _, g := range spawned {
		if names[g] != 1 {
			t.Errorf("goroutine %d has %d thread_name events, want 1", g, names[g])
		}
	}
	if len(names) != len(spawned) {
		t.Errorf("%d thread names for %d goroutines", len(names), len(spawned))
	}
	kinds := map[string]bool{}
	for id, pair := range flows {
		if len(pair) != 2 || pair[0].Ph != "s" || pair[1].Ph != "f" || pair[1].BP != "e" || pair[0].Ts > pair[1].Ts {
			t.Errorf("flow %d is not an s, f pair in time order: %+v", id, pair)
			continue
		}
		kinds[strings.SplitN(pair[0].Name, " ", 2)[0]] = true
		for _, end := range pair {
			if !insideSlice(slicesOf[end.Tid], end.Ts) {
				t.Errorf("flow %d %s at %v on g%d lies inside no slice", id, end.Ph, end.Ts, end.Tid)
			}
		}
	}
	for _, k := range []string{"spawn", "wake:", "recv:", "await", "task"} {
		if !kinds[k] {
			t.Errorf("no %s flow among %v", k, kinds)
		}
	}
}

// insideSlice reports whether ts lies strictly inside one of the slices, so
// a flow endpoint binds to exactly one.
func insideSlice(list []chromeEvent, ts float64) bool {
	for _, s := range list {
		if s.Ts < ts && ts < s.Ts+s.Dur {
			return true
		}
	}
	return false
}

func TestChromeTraceIsDeterministic(t *testing.T) {
	var outs []string
	for range 2 {
		_, rec := run(t, chromeRichScript)
		b, err := ChromeTrace(Trace{Version: TraceVersion, Clock: "virtual", Events: rec.Trace})
		if err != nil {
			t.Fatal(err)
		}
		outs = append(outs, string(b))
	}
	if outs[0] != outs[1] {
		t.Fatal("two runs of the same script gave different Chrome traces")
	}
}

func TestChromeTraceShowsStuckGoroutinesToTheEnd(t *testing.T) {
	_, rec := run(t, `
goroutine.spawn(function() goroutine.sleep(5) end)
goroutine.channel():receive()`)
	f := decodeChrome(t, Trace{Version: TraceVersion, Clock: "virtual", Events: rec.Trace})
	last := rec.Trace[len(rec.Trace)-1].T
	var stuck, blockedToEnd bool
	for _, e := range f.TraceEvents {
		if e.Ph == "i" && e.Tid == 1 && e.Name == "stuck: chan receive on chan 1" {
			stuck = true
		}
		if e.Ph == "X" && e.Tid == 1 && e.Name == "blocked: chan receive" && e.Ts+e.Dur == float64(last) {
			blockedToEnd = true
		}
	}
	if !stuck || !blockedToEnd {
		t.Fatalf("stuck instant %v, blocked slice to the end %v", stuck, blockedToEnd)
	}
}

func TestChromeTraceDrawsNoArrowFromTheClock(t *testing.T) {
	res, rec := run(t, `
local tick = goroutine.after(5)
local v, ok = tick:receive()
print(ok)`)
	if !res.OK() {
		t.Fatalf("run %s %q", res.Status, res.Error)
	}
	for _, e := range decodeChrome(t, Trace{Version: TraceVersion, Clock: "virtual", Events: rec.Trace}).TraceEvents {
		if e.Tid == 0 && e.Ph != "M" || e.Ph == "s" && strings.HasPrefix(e.Name, "recv") {
			t.Errorf("event from no goroutine: %+v", e)
		}
	}
}
