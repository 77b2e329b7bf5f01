package cputime

import "time"

// Process is the wall clock under GOOS=js, which has no CPU clock: the
// wasm engine runs on one thread, so it bounds the CPU time from above.
func Process() time.Duration { return time.Duration(time.Now().UnixNano()) }
