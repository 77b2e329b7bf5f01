package cputime

import (
	"syscall/js"
	"time"
)

// Process is the CPU time of the Node.js process that runs the wasm
// program (process.cpuUsage), or the wall clock where there is no such
// process, as in a browser.
func Process() time.Duration {
	process := js.Global().Get("process")
	if process.Type() != js.TypeObject || process.Get("cpuUsage").Type() != js.TypeFunction {
		return time.Duration(time.Now().UnixNano())
	}
	usage := process.Call("cpuUsage")
	return time.Duration(usage.Get("user").Int()+usage.Get("system").Int()) * time.Microsecond
}
