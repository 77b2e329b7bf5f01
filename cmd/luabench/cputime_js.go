//go:build js

package main

import "time"

// cpuNow is the wall clock under GOOS=js, which has no process CPU time.
func cpuNow() time.Duration { return time.Duration(time.Now().UnixNano()) }

// cpuUnit names what cpuNow measures.
const cpuUnit = "ms"
