//go:build js

package luamod

import (
	"syscall/js"
	"time"
)

// platformPause lets the JavaScript event loop run about every 50 ms of a
// busy run, so that a message from the page (Stop) is delivered, and
// tells a sink that is a Pauser first, so that the page sees the run's
// output and events as it goes. It waits
// for a JavaScript task's callback rather than sleeping: a Go sleep can be
// cut short by the runtime's idle work (GC marking) without ever returning
// to the event loop. The task is scheduler.postTask's where there is one
// (see waitUntil): browsers clamp a setTimeout of 0 set from a timer's
// callback, as every pause after the first is, to 4 ms. It is called
// right after checkOutside read the clock, and takes that reading: a
// reading is a call into JavaScript.
func platformPause(s *sched) {
	if s.checkedAt.Sub(s.lastPause) < 50*time.Millisecond {
		return
	}
	if p, ok := s.sink.(Pauser); ok {
		p.Pause() // what the run made so far reaches the page meanwhile
	}
	done := make(chan struct{})
	cb := js.FuncOf(func(js.Value, []js.Value) any {
		close(done)
		return nil
	})
	if post := postTask(); post.IsUndefined() {
		js.Global().Call("setTimeout", cb, 0)
	} else {
		post.Invoke(cb)
	}
	<-done
	cb.Release()
	s.lastPause = time.Now()
	s.clockMoved()
}

// watchEvery is how often the watchdog reads the heap and the clock. Under
// GOOS=js it runs only when the busy goroutine lets the event loop run
// (platformPause), so a shorter period would only wake an idle page more.
const watchEvery = 25 * time.Millisecond
