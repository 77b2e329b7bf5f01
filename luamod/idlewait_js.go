//go:build js

package luamod

import (
	"syscall/js"
	"time"
)

// waitUntil waits until wake, or until the run is kicked (cancelled, over
// a limit). It waits on a JavaScript task, not on a Go timer: Go's wasm
// port sets a setTimeout of whole milliseconds rounded up for its timers,
// which then comes up to another millisecond late, and in a browser
// setTimeout is clamped to at least 4 ms once timers nest five deep, as a
// real-time run's waits do (each wake-up's callback sets the next timer).
//
// The task waits whole milliseconds, rounded down, up to waitMargin
// before wake; the wait then ends early and is taken again for what is
// left (handoff calls idleUntil until the timer is due), and the last
// part of a wait is a task that comes back at once: the event loop runs
// in between, and the wake-up comes within a task's turn of its time.
// The task is scheduler.postTask's in a browser (no clamping), setTimeout
// and, for no delay, setImmediate under Node. With neither postTask nor
// setImmediate it waits on a Go timer, as there a task of no delay would
// be clamped.
func (s *sched) waitUntil(wake time.Time) {
	left := time.Until(wake)
	if left <= 0 {
		return
	}
	delay := max(left-waitMargin, 0).Milliseconds()
	post, ok := taskPoster(delay)
	if !ok {
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
	post(cb, delay)
	select {
	case <-done:
	case <-s.kick:
	}
}

// waitMargin is how long before its end a wait stops waiting on a timer
// and takes tasks that come back at once: a timer comes a little after
// its time (Node's about 0.2 ms after the millisecond it was set for on
// a quiet machine, a millisecond or more on a loaded one).
const waitMargin = time.Millisecond

// taskPoster returns the function that calls cb back in a JavaScript task
// after delay milliseconds, or false when there is none that keeps to
// delay (see waitUntil).
func taskPoster(delay int64) (post func(cb js.Func, delay int64), ok bool) {
	if p := postTask(); !p.IsUndefined() {
		return func(cb js.Func, delay int64) {
			opts := js.Global().Get("Object").New()
			opts.Set("delay", delay)
			p.Invoke(cb, opts)
		}, true
	}
	immediate := js.Global().Get("setImmediate")
	if immediate.Type() != js.TypeFunction {
		return nil, false
	}
	if delay == 0 {
		return func(cb js.Func, _ int64) { immediate.Invoke(cb) }, true
	}
	return func(cb js.Func, delay int64) { js.Global().Call("setTimeout", cb, delay) }, true
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
