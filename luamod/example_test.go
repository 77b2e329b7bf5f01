package luamod_test

import (
	"context"
	"fmt"

	"luaplay/luamod"
)

// A run on the virtual clock: three goroutines sleep concurrently, so the
// run takes as long as the longest sleep, and the output is the same on
// every machine.
func ExampleRun() {
	rec := &luamod.Recorder{}
	res := luamod.Run(context.Background(), `
local wg = goroutine.wait_group()
for i = 1, 3 do
  wg:add(1)
  goroutine.spawn(function()
    goroutine.sleep(100 * i)
    print("goroutine", goroutine.id(), "woke at", goroutine.now())
    wg:done()
  end)
end
wg:wait()
`, luamod.Options{}, rec)
	fmt.Print(rec.Stdout.String())
	fmt.Println(res.Status, res.Stats.Goroutines, "goroutines, speedup", fmt.Sprintf("%.1f", res.Stats.Speedup))
	// Output:
	// goroutine	2	woke at	100.051
	// goroutine	3	woke at	200.056
	// goroutine	4	woke at	300.061
	// ok 4 goroutines, speedup 2.0
}

// A deadlock names every stuck goroutine, what it waits on and where.
func ExampleRun_deadlock() {
	rec := &luamod.Recorder{}
	res := luamod.Run(context.Background(), `
local wg = goroutine.wait_group()
wg:add(1)
wg:wait()
`, luamod.Options{ChunkName: "stuck.lua"}, rec)
	fmt.Println(res.Status)
	fmt.Print(rec.Stderr.String())
	// Output:
	// deadlock
	// fatal error: all goroutines are asleep - deadlock!
	// goroutine 1 (main) [wait group on wg 1] at stuck.lua:4
}
