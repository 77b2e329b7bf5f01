//go:build js

package main

import (
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"syscall/js"
	"testing"
	"time"

	"luaplay/internal/cputime"
	"luaplay/luamod"
)

// installed returns the bridge's object, installed on a fresh target, and
// releases it when the test ends.
func installed(t *testing.T) js.Value {
	t.Helper()
	var b bridge
	target := js.Global().Get("Object").New()
	release := b.install(target, "luaplay")
	t.Cleanup(func() {
		release()
		if !target.Get("luaplay").IsUndefined() {
			t.Error("release left luaplay installed")
		}
	})
	return target.Get("luaplay")
}

// await waits for p to settle and returns its value or its rejection.
func await(t *testing.T, p js.Value) (js.Value, error) {
	t.Helper()
	type settled struct {
		v   js.Value
		err error
	}
	ch := make(chan settled, 1)
	then := js.FuncOf(func(_ js.Value, a []js.Value) any { ch <- settled{v: a[0]}; return nil })
	catch := js.FuncOf(func(_ js.Value, a []js.Value) any {
		ch <- settled{err: errors.New(a[0].Get("message").String())}
		return nil
	})
	defer then.Release()
	defer catch.Release()
	p.Call("then", then, catch)
	select {
	case s := <-ch:
		return s.v, s.err
	case <-time.After(30 * time.Second):
		t.Fatal("promise did not settle")
		return js.Value{}, nil
	}
}

// batches is an onBatch callback that keeps what it receives.
type batches struct {
	mu  sync.Mutex
	c   collector
	all Batch
	fn  js.Func
}

func newBatches(t *testing.T) *batches {
	b := &batches{}
	b.fn = js.FuncOf(func(_ js.Value, a []js.Value) any {
		data := make([]byte, a[0].Length())
		js.CopyBytesToGo(data, a[0])
		b.mu.Lock()
		defer b.mu.Unlock()
		b.c.deliver(data)
		if b.c.err != nil {
			t.Errorf("decoding a batch: %v", b.c.err)
		}
		b.all = b.c.all()
		return nil
	})
	t.Cleanup(b.fn.Release)
	return b
}

func decodeResult(t *testing.T, v js.Value) luamod.Result {
	t.Helper()
	var res luamod.Result
	if err := json.Unmarshal([]byte(v.String()), &res); err != nil {
		t.Fatalf("result JSON: %v", err)
	}
	return res
}

func TestBridgeRunStreamsBatchesAndResolvesResult(t *testing.T) {
	lp, got := installed(t), newBatches(t)
	opts := js.ValueOf(map[string]any{"seed": 3})
	v, err := await(t, lp.Call("run", `print("hello") goroutine.spawn(function() print("child") end)`, opts, got.fn))
	if err != nil {
		t.Fatal(err)
	}
	res := decodeResult(t, v)
	if res.Status != luamod.StatusOK || res.Stats.Goroutines != 2 {
		t.Fatalf("result %+v, want ok with 2 goroutines", res)
	}
	got.mu.Lock()
	defer got.mu.Unlock()
	if text(got.all, "stdout") != "hello\nchild\n" || len(got.all.Events) != res.Stats.Events {
		t.Fatalf("got stdout %q and %d events; result %+v", text(got.all, "stdout"), len(got.all.Events), res)
	}
}

func TestBridgeCancelStopsBusyLoop(t *testing.T) {
	lp := installed(t)
	if lp.Call("cancel").Bool() {
		t.Fatal("cancel reported a run while idle")
	}
	p := lp.Call("run", "while true do end", `{"wallTimeoutMs":20000}`)
	time.Sleep(200 * time.Millisecond)
	if _, err := await(t, lp.Call("run", "print(1)")); err == nil || !strings.Contains(err.Error(), errBusy.Error()) {
		t.Fatalf("second run: got %v, want %q", err, errBusy)
	}
	start, cpu := time.Now(), cputime.Process()
	if !lp.Call("cancel").Bool() {
		t.Fatal("cancel found no run")
	}
	v, err := await(t, p)
	if err != nil {
		t.Fatal(err)
	}
	took, used := time.Since(start), cputime.Process()-cpu
	res := decodeResult(t, v)
	if res.Status != luamod.StatusCancelled {
		t.Fatalf("result %+v, want cancelled", res)
	}
	// The cancel is seen at the loop's next check; a loop that went on
	// after it would use both the wall clock and Node's CPU time, while a
	// loaded machine stretches the first only. (Not loopWork: the loop's
	// pace over the run, by which it scales, varied from 3 to 27 µs of
	// run clock a microsecond between runs under Node, and an 11 ms
	// cancel counted as 393 ms of work.)
	if took > 200*time.Millisecond && used > 200*time.Millisecond {
		t.Fatalf("cancel took %v (%v of CPU)", took, used)
	}
	t.Logf("cancel took %v (%v of CPU)", took, used)
}

// TestBridgeRunsKeysAtOnce stops a busy loop under one key by its key
// while a run under another key finishes.
func TestBridgeRunsKeysAtOnce(t *testing.T) {
	lp, got := installed(t), newBatches(t)
	loop := lp.Call("run", "while true do end", nil, nil, 7)
	sleeper := lp.Call("run", `goroutine.sleep(500) print("done")`, nil, got.fn, "b")
	if _, err := await(t, lp.Call("run", "print(1)", nil, nil, "7")); err == nil || !strings.Contains(err.Error(), errBusy.Error()) {
		t.Fatalf("second run under key 7: got %v, want %q", err, errBusy)
	}
	v, err := await(t, sleeper)
	if err != nil || decodeResult(t, v).Status != luamod.StatusOK {
		t.Fatalf("sleeper: %v %v", v, err)
	}
	if lp.Call("cancel", "b").Bool() || !lp.Call("cancel", 7).Bool() {
		t.Fatal("cancel by key found the wrong runs")
	}
	if v, err := await(t, loop); err != nil || decodeResult(t, v).Status != luamod.StatusCancelled {
		t.Fatalf("loop: %v %v, want cancelled", v, err)
	}
	got.mu.Lock()
	defer got.mu.Unlock()
	if text(got.all, "stdout") != "done\n" {
		t.Fatalf("sleeper printed %q", text(got.all, "stdout"))
	}
}

func TestBridgeCancelRightAfterRun(t *testing.T) {
	lp := installed(t)
	p := lp.Call("run", "while true do end")
	if !lp.Call("cancel").Bool() {
		t.Fatal("cancel right after run found no run")
	}
	v, err := await(t, p)
	if err != nil {
		t.Fatal(err)
	}
	if res := decodeResult(t, v); res.Status != luamod.StatusCancelled {
		t.Fatalf("result %+v, want cancelled", res)
	}
}

func TestBridgeRejectsMisuse(t *testing.T) {
	lp := installed(t)
	throws := js.Global().Get("Function").New("throw new Error('nope')")
	for name, p := range map[string]js.Value{
		`onBatch threw: JavaScript error: nope`:  lp.Call("run", "print(1)", nil, throws),
		"source must be a string":                lp.Call("run", 42),
		"onBatch must be a function":             lp.Call("run", "", "{}", 1),
		`unknown field "x"`:                      lp.Call("run", "", `{"x":1}`),
		"expected an object or its JSON":         lp.Call("run", "", true),
		"a run key must be a string or a number": lp.Call("run", "", nil, nil, true),
	} {
		if _, err := await(t, p); err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("got %v, want a rejection containing %q", err, name)
		}
	}
}

func TestBridgeChromeTrace(t *testing.T) {
	lp := installed(t)
	trace := js.ValueOf(map[string]any{"version": 1, "clock": "virtual", "events": []any{
		map[string]any{"t": 0, "k": "spawn", "g": 1},
		map[string]any{"t": 0, "k": "start", "g": 1},
		map[string]any{"t": 10, "k": "end", "g": 1, "status": "ok"},
	}})
	v, err := await(t, lp.Call("chromeTrace", trace))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(v.String(), `"traceEvents"`) {
		t.Fatalf("chromeTrace gave %s", v.String())
	}
	if _, err := await(t, lp.Call("chromeTrace", `{"version":2}`)); err == nil || !strings.Contains(err.Error(), "trace version 2") {
		t.Fatalf("version 2: got %v", err)
	}
}

// A busy run's output reaches onBatch while the run goes on: the run
// delivers what it has whenever it pauses for the event loop.
func TestBridgeDeliversWhileBusy(t *testing.T) {
	lp, got := installed(t), newBatches(t)
	var first time.Time
	timed := js.FuncOf(func(this js.Value, a []js.Value) any {
		if first.IsZero() {
			first = time.Now()
		}
		return got.fn.Invoke(a[0])
	})
	defer timed.Release()
	v, err := await(t, lp.Call("run", `print("early") for i = 1, 2e6 do end`, nil, timed))
	if err != nil {
		t.Fatal(err)
	}
	end := time.Now()
	if res := decodeResult(t, v); res.Status != luamod.StatusOK {
		t.Fatalf("result %+v", res)
	}
	got.mu.Lock()
	defer got.mu.Unlock()
	if text(got.all, "stdout") != "early\n" || first.IsZero() || end.Sub(first) < 100*time.Millisecond {
		t.Fatalf("stdout %q; the first batch came %v before the run's end, want the output during the loop", text(got.all, "stdout"), end.Sub(first))
	}
}

// An onBatch that returns a Promise holds the run until it settles: the
// worker's flow control. Every batch still arrives, in order.
func TestBridgeWaitsForOnBatchPromise(t *testing.T) {
	lp, got := installed(t), newBatches(t)
	calls := 0
	slow := js.FuncOf(func(this js.Value, a []js.Value) any {
		calls++
		got.fn.Invoke(a[0])
		var resolve js.Func
		executor := js.FuncOf(func(_ js.Value, r []js.Value) any {
			resolve = js.FuncOf(func(js.Value, []js.Value) any {
				r[0].Invoke()
				resolve.Release()
				return nil
			})
			js.Global().Call("setTimeout", resolve, 20)
			return nil
		})
		defer executor.Release()
		return js.Global().Get("Promise").New(executor)
	})
	defer slow.Release()
	start := time.Now()
	// About 3,000 events (a spawn, a start and an end per goroutine): six
	// full batches of 500 and the last one.
	v, err := await(t, lp.Call("run", `for i = 1, 1000 do goroutine.spawn(function() end) end print("done")`, nil, slow))
	if err != nil {
		t.Fatal(err)
	}
	res := decodeResult(t, v)
	got.mu.Lock()
	defer got.mu.Unlock()
	if res.Status != luamod.StatusOK || text(got.all, "stdout") != "done\n" || len(got.all.Events) != res.Stats.Events {
		t.Fatalf("result %+v, stdout %q, %d events", res, text(got.all, "stdout"), len(got.all.Events))
	}
	if d := time.Since(start); calls < 4 || d < time.Duration(calls)*20*time.Millisecond {
		t.Fatalf("%d batches in %v: the run did not wait for each promise", calls, d)
	}
}
