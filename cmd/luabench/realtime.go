package main

import (
	"context"
	"fmt"
	"time"

	"luaplay/luamod"
)

// sleepersSrc starts n goroutines that each sleep ms and waits for them.
func sleepersSrc(n, ms int) string {
	return fmt.Sprintf(`
local wg = goroutine.wait_group()
for i = 1, %d do
  wg:add(1)
  goroutine.spawn(function() goroutine.sleep(%d) wg:done() end)
end
wg:wait()
`, n, ms)
}

// realTimeSleepers returns the wall time, in milliseconds, of n sleeps of
// ms at once in real time: the floor is ms.
func realTimeSleepers(n, ms int) float64 {
	opts := engineOptions(n)
	opts.RealTime = true
	start := time.Now()
	if res := luamod.Run(context.Background(), sleepersSrc(n, ms), opts, discard{}); !res.OK() {
		panic(res.Error)
	}
	return float64(time.Since(start).Microseconds()) / 1e3
}
