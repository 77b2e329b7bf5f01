//go:build js

package main

import (
	"syscall/js"
	"time"
)

// cpuNow is the CPU time of the Node process that runs the wasm
// (process.cpuUsage), or the wall clock where there is no such call.
func cpuNow() time.Duration {
	process := js.Global().Get("process")
	if process.Type() != js.TypeObject || process.Get("cpuUsage").Type() != js.TypeFunction {
		return time.Duration(time.Now().UnixNano())
	}
	u := process.Call("cpuUsage")
	return time.Duration(u.Get("user").Float()+u.Get("system").Float()) * time.Microsecond
}

// cpuUnit names what cpuNow measures.
const cpuUnit = "ms CPU"
