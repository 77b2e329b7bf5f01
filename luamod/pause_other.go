//go:build !js

package luamod

import "time"

// platformPause does nothing natively: the Go runtime preempts busy
// goroutines and delivers cancellation by itself.
func platformPause(*sched) {}

// watchEvery is how often the watchdog reads the heap and the clock.
const watchEvery = 4 * time.Millisecond
