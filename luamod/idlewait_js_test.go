//go:build js

package luamod

import (
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
	post := js.FuncOf(func(_ js.Value, args []js.Value) any {
		n++
		js.Global().Call("setTimeout", args[0], args[1].Get("delay"))
		return nil
	})
	sched := js.Global().Get("Object").New()
	sched.Set("postTask", post)
	js.Global().Set("scheduler", sched)
	return &n, func() {
		js.Global().Delete("scheduler")
		post.Release()
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
for i = 1, 5 do wg:add(1) goroutine.spawn(function() goroutine.sleep(30 + i) wg:done() end) end
wg:wait()
print(goroutine.now() - t0 >= 35)
`, Options{RealTime: true})
	if !res.OK() || rec.Stdout.String() != "true\n" {
		t.Fatalf("%s %q %s", res.Status, rec.Stdout.String(), rec.Stderr.String())
	}
	if d := time.Since(start); d < 35*time.Millisecond {
		t.Fatalf("run took %v, want at least the longest sleep", d)
	}
	if *posted == 0 {
		t.Fatal("the run never waited on scheduler.postTask")
	}
}

// A cancelled run stops waiting at once; the task it had posted comes
// later and finds nobody waiting.
func TestCancelDuringPostTaskWait(t *testing.T) {
	_, remove := fakeScheduler(t)
	defer remove()
	expectCancelledSleep(t, 300, 250*time.Millisecond)
	time.Sleep(300 * time.Millisecond) // the posted task calls back into Go
}
