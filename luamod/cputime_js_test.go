//go:build js

package luamod

import "time"

// cpuTime is the wall clock under GOOS=js, which has no process CPU time.
func cpuTime() time.Duration { return time.Duration(time.Now().UnixNano()) }
