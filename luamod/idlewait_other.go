//go:build !js

package luamod

import "time"

// waitUntil waits until wake, or until the run is kicked (cancelled, over
// a limit): natively a Go timer is as punctual as the system's.
func (s *sched) waitUntil(wake time.Time) { s.timerWait(wake) }
