//go:build js

package luamod

import (
	"context"
	"syscall/js"
	"testing"
	"time"
)

// fakeScheduler installs a globalThis.scheduler whose postTask waits on
// setTimeout, as a browser's would without clamping (Node has none), and
// returns how many tasks it was given and the function that removes it.
func fakeScheduler(t *testing.T) (posted *int, remove func()) {
	t.Helper()
	n := 0
	return &n, schedulerPosting(func(task, delay js.Value) {
		n++
		js.Global().Call("setTimeout", task, delay)
	})
}

// schedulerPosting installs a globalThis.scheduler whose postTask calls
// post with the task and its delay; remove takes it away.
func schedulerPosting(post func(task, delay js.Value)) (remove func()) {
	fn := js.FuncOf(func(_ js.Value, args []js.Value) any {
		post(args[0], args[1].Get("delay"))
		return nil
	})
	sched := js.Global().Get("Object").New()
	sched.Set("postTask", fn)
	js.Global().Set("scheduler", sched)
	return func() {
		js.Global().Delete("scheduler")
		fn.Release()
	}
}

// Where scheduler.postTask exists, a real-time run waits on it, and its
// sleeps still last as long as they say.
func TestRealTimeWaitsOnPostTask(t *testing.T) {
	posted, remove := fakeScheduler(t)
	defer remove()
	start := time.Now()
	res, rec := run(t, `
local t0 = goroutine.now()
local wg = goroutine.wait_group()
for i = 1, 5 do wg:add(1) goroutine.spawn(function() goroutine.sleep(100 + i) wg:done() end) end
wg:wait()
print(goroutine.now() - t0 >= 105)
`, Options{RealTime: true})
	if !res.OK() || rec.Stdout.String() != "true\n" {
		t.Fatalf("%s %q %s", res.Status, rec.Stdout.String(), rec.Stderr.String())
	}
	if d := time.Since(start); d < 105*time.Millisecond {
		t.Fatalf("run took %v, want at least the longest sleep", d)
	}
	if *posted == 0 {
		t.Fatal("the run never waited on scheduler.postTask")
	}
}

// A cancelled run stops waiting at once: it ends before the task it had
// posted comes, which then finds nobody waiting. The run is cancelled
// once it waits on its task, and the order of the two ends is checked,
// not the wall time from the start: a first, cold run's set-up took most
// of the 250 ms it once had, on a loaded machine all of it.
func TestCancelDuringPostTaskWait(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	fired := make(chan struct{})
	tasks := 0
	remove := schedulerPosting(func(task, delay js.Value) {
		tasks++
		if tasks > 1 {
			js.Global().Call("setTimeout", task, delay)
			return
		}
		time.AfterFunc(20*time.Millisecond, cancel)
		var fire js.Func
		fire = js.FuncOf(func(js.Value, []js.Value) any {
			close(fired) // first: the run may end within the task's call
			task.Invoke()
			fire.Release()
			return nil
		})
		js.Global().Call("setTimeout", fire, delay)
	})
	defer remove()
	start := time.Now()
	res := Run(ctx, "goroutine.sleep(1000)", Options{RealTime: true}, &Recorder{})
	select {
	case <-fired:
		t.Fatalf("the posted task came before the run ended (status %s after %v)", res.Status, time.Since(start))
	default:
	}
	if res.Status != StatusCancelled || tasks != 1 {
		t.Fatalf("status %s after %d posted tasks, want cancelled while waiting on the first", res.Status, tasks)
	}
	// The posted task calls back into Go, and finds nobody waiting.
	select {
	case <-fired:
	case <-time.After(10 * time.Second):
		t.Fatal("the posted task never came")
	}
}

// countImmediates wraps globalThis.setImmediate (Node's) so that it counts
// its calls, and returns the count and the function that restores it.
func countImmediates(t *testing.T) (calls *int, restore func()) {
	t.Helper()
	orig := js.Global().Get("setImmediate")
	if orig.Type() != js.TypeFunction {
		t.Skip("no setImmediate: not Node")
	}
	n := 0
	wrap := js.FuncOf(func(_ js.Value, args []js.Value) any {
		n++
		vals := make([]any, len(args))
		for i, a := range args {
			vals[i] = a
		}
		return orig.Invoke(vals...)
	})
	js.Global().Set("setImmediate", wrap)
	return &n, func() {
		js.Global().Set("setImmediate", orig)
		wrap.Release()
	}
}

// Under Node the last part of a real-time wait is a task that comes back
// at once (setImmediate), not a timer of whole milliseconds rounded up.
// A wait ends no earlier than its time.
func TestRealTimeWaitEndsOnImmediateTasks(t *testing.T) {
	calls, restore := countImmediates(t)
	defer restore()
	opts, _ := testOptions(Options{RealTime: true}).withDefaults()
	s := buildSched(opts)
	// A wait shorter than waitMargin; the process may be held up past its
	// end before it looks, so it gets a few tries.
	for i := 0; i < 10 && *calls == 0; i++ {
		wake := time.Now().Add(waitMargin * 4 / 5)
		s.waitUntil(wake)
		for time.Now().Before(wake) {
			s.waitUntil(wake)
		}
	}
	if *calls == 0 {
		t.Fatal("a wait shorter than waitMargin took no immediate task")
	}
}

// A real-time run's sleeps, whose waits end on immediate tasks under
// Node, last as long as they say.
func TestRealTimeSleepsInARow(t *testing.T) {
	start := time.Now()
	res, rec := run(t, `
local t0 = goroutine.now()
for i = 1, 5 do
  local t = goroutine.now()
  goroutine.sleep(3)
  if goroutine.now() - t < 3 then print("short") end
end
print(goroutine.now() - t0 >= 15)
`, Options{RealTime: true})
	if !res.OK() || rec.Stdout.String() != "true\n" {
		t.Fatalf("%s %q %s", res.Status, rec.Stdout.String(), rec.Stderr.String())
	}
	if d := time.Since(start); d < 15*time.Millisecond {
		t.Fatalf("run took %v, want at least the sleeps", d)
	}
}

// With neither scheduler.postTask nor setImmediate a real-time run waits
// on Go timers, and its sleeps last as long as they say.
func TestRealTimeWaitWithoutTasks(t *testing.T) {
	orig := js.Global().Get("setImmediate")
	js.Global().Set("setImmediate", js.Undefined())
	defer js.Global().Set("setImmediate", orig)
	start := time.Now()
	res, rec := run(t, `
local t0 = goroutine.now()
goroutine.sleep(20)
print(goroutine.now() - t0 >= 20)
`, Options{RealTime: true})
	if !res.OK() || rec.Stdout.String() != "true\n" {
		t.Fatalf("%s %q %s", res.Status, rec.Stdout.String(), rec.Stderr.String())
	}
	if d := time.Since(start); d < 20*time.Millisecond {
		t.Fatalf("run took %v, want at least the sleep", d)
	}
}
