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
// The task waits whole milliseconds, rounded down, up to a margin before
// wake (none in a browser, waitMargin under Node); the wait then ends
// early and is taken again for what is left (handoff calls idleUntil
// until the timer is due), and the last part of a wait is a task that
// comes back at once: the event loop runs in between, and the wake-up
// comes within a task's turn of its time. The task is
// scheduler.postTask's in a browser (no clamping), setTimeout and, for no
// delay, setImmediate under Node. With neither postTask nor setImmediate
// it waits on a Go timer, as there a task of no delay would be clamped.
func (s *sched) waitUntil(wake time.Time) {
	left := time.Until(wake)
	if left <= 0 {
		return
	}
	post, margin, ok := taskPoster()
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
	post(cb, max(left-margin, 0).Milliseconds())
	select {
	case <-done:
	case <-s.kick:
	}
}

// waitMargin is how long before its end a wait under Node stops waiting
// on a timer and takes tasks that come back at once: Node's timers come
// about 0.2 ms after the millisecond they were set for on a quiet
// machine, a millisecond or more on a loaded one. In a browser a wait
// takes no margin: with one, the page's row of the sleep benchmark came
// no sooner on a loaded machine, and the worker spun through tasks for
// longer.
const waitMargin = time.Millisecond

// taskPoster returns the function that calls cb back in a JavaScript task
// after delay milliseconds, and the margin a wait on it takes, or false
// when there is none that keeps to its delay (see waitUntil).
//
//go:noinline
func taskPoster() (post func(cb js.Func, delay int64), margin time.Duration, ok bool) {
	if p := postTask(); !p.IsUndefined() {
		return func(cb js.Func, delay int64) {
			opts := js.Global().Get("Object").New()
			opts.Set("delay", delay)
			p.Invoke(cb, opts)
		}, 0, true
	}
	immediate := js.Global().Get("setImmediate")
	if immediate.Type() != js.TypeFunction {
		return nil, 0, false
	}
	return func(cb js.Func, delay int64) {
		if delay == 0 {
			immediate.Invoke(cb)
		} else {
			js.Global().Call("setTimeout", cb, delay)
		}
	}, waitMargin, true
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
