package luamod

import (
	"math"
	"testing"
)

func TestSpeedupCountsWorkNotWaiting(t *testing.T) {
	for _, c := range []struct {
		name, src string
		want      float64
	}{
		{"sequential sleeps", `goroutine.sleep(100) goroutine.sleep(100)`, 1},
		{"ten parallel sleeps", `
local wg = goroutine.wait_group()
for i = 1, 10 do wg:add(1) goroutine.spawn(function() goroutine.sleep(1000) wg:done() end) end
wg:wait()`, 10},
		{"a handoff is waiting, not work", `
local ch = goroutine.channel()
goroutine.spawn(function() goroutine.sleep(500) ch:send(1) end)
ch:receive()`, 1},
		{"waiting for a timer channel is work", `
local h = goroutine.async(function() goroutine.select({{channel = goroutine.after(400), receive = true}}) end)
goroutine.sleep(400)
goroutine.await(h)`, 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			res, _ := run(t, c.src)
			if !res.OK() || math.Abs(res.Stats.Speedup-c.want) > 0.01 {
				t.Fatalf("status %s speedup %.3f, want %.2f", res.Status, res.Stats.Speedup, c.want)
			}
		})
	}
}
