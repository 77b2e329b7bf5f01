//go:build js

package luamod

import (
	"syscall/js"
	"time"
)

// waitUntil waits until wake, or until the run is kicked (cancelled, over
// a limit). In a browser it waits on scheduler.postTask's delay: a Go
// timer waits on setTimeout, which browsers clamp to at least 4 ms once
// timers nest five deep, and a real-time run's waits nest (each wake-up's
// callback sets the next timer), so wake-ups due a millisecond apart came
// 4 ms apart and late. Where postTask is missing (Node, whose timers do
// not clamp) it waits on a Go timer.
func (s *sched) waitUntil(wake time.Time) {
	post := postTask()
	if post.IsUndefined() {
		s.timerWait(wake)
		return
	}
	done := make(chan struct{})
	var cb js.Func
	cb = js.FuncOf(func(js.Value, []js.Value) any {
		close(done)
		cb.Release() // when kicked, the task still comes later: it owns cb
		return nil
	})
	// The delay is whole milliseconds, rounded down: a wait that ends
	// early is taken again for what is left, so the last part of a wait
	// is a task that comes back at once. A negative delay would wrap.
	opts := js.Global().Get("Object").New()
	opts.Set("delay", max(time.Until(wake), 0).Milliseconds())
	post.Invoke(cb, opts)
	select {
	case <-done:
	case <-s.kick:
	}
}

// postTask returns scheduler.postTask bound to the scheduler, or
// undefined where there is none.
func postTask() js.Value {
	sched := js.Global().Get("scheduler")
	if sched.Type() != js.TypeObject {
		return js.Undefined()
	}
	fn := sched.Get("postTask")
	if fn.Type() != js.TypeFunction {
		return js.Undefined()
	}
	return fn.Call("bind", sched)
}
