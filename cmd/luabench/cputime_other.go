//go:build !js

package main

import (
	"syscall"
	"time"
)

// cpuNow is the CPU time the process has used. The compute workloads are
// timed with it natively: on a shared machine their wall time swung tenfold
// between runs, their CPU time does not.
func cpuNow() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		panic(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// cpuUnit names what cpuNow measures.
const cpuUnit = "ms CPU"
