//go:build !js

package luamod

// platformPause does nothing natively: the Go runtime preempts busy
// goroutines and delivers cancellation by itself.
func platformPause(*sched) {}
