//go:build js

package luamod

import "time"

// platformPause lets the JavaScript event loop run about every 50 ms of a
// busy run: under GOOS=js a message from the page (Stop) is delivered only
// when every goroutine is blocked, and a short sleep is what blocks them.
func platformPause(s *sched) {
	if time.Since(s.lastPause) < 50*time.Millisecond {
		return
	}
	time.Sleep(time.Millisecond)
	s.lastPause = time.Now()
}
