//go:build !js

// Package cputime reads the CPU time the process has used, for tests that
// bound work rather than wall time: unlike the wall clock, it does not
// grow when other processes load the machine.
package cputime

import (
	"syscall"
	"time"
)

// Process is the CPU time the process has used, user and system.
func Process() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
