package luamod

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"
)

// FuzzRun feeds arbitrary source to a run: whatever the script, Run must
// return a result (no panic, no hang past its limits) and leave no
// goroutine of the run behind. The corpus starts from the shipped
// examples and the golden-trace scripts.
func FuzzRun(f *testing.F) {
	for _, pattern := range []string{"../web/examples/*.lua", "testdata/traces/*.lua"} {
		files, _ := filepath.Glob(pattern)
		for _, path := range files {
			if src, err := os.ReadFile(path); err == nil {
				f.Add(string(src))
			}
		}
	}
	f.Add(`local t = setmetatable({}, {__index = function(t, k) return t[k] end}) print(t.x)`)
	f.Add(`goroutine.select({{channel = 1}})`)
	f.Add(`coroutine.wrap(function() goroutine.sleep(1) coroutine.yield() end)()`)
	f.Add(`local o = {} function o:m() return self end print(o:m() == o)`)
	for _, src := range hostileSeeds {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		opts := Options{WallTimeout: Millis(300 * time.Millisecond), MaxGoroutines: 200, MaxOutputBytes: 1 << 14, MaxEvents: 20000, MaxMemory: 64 << 20}
		before := runtime.NumGoroutine()
		done, crashed := make(chan Result, 1), make(chan string, 1)
		go func() {
			// A worker's stderr is discarded: a panic left to end the
			// process would reach the fuzzer as a bare EOF.
			defer func() {
				if r := recover(); r != nil {
					crashed <- fmt.Sprintf("%v\n%s", r, debug.Stack())
				}
			}()
			done <- Run(context.Background(), src, opts, discard{})
		}()
		select {
		case res := <-done:
			if res.Status == "" {
				t.Fatalf("no status for %q", src)
			}
		case stack := <-crashed:
			t.Fatalf("Run panicked on %q: %s", src, stack)
		case <-time.After(10 * time.Second):
			t.Fatalf("run still going 10 s after a 300 ms wall limit: %q", src)
		}
		expectNoGoroutineLeft(t, before, src)
	})
}

// hostileSeeds are issue 10's scripts that crashed the process or ran
// past every limit, so the fuzzer starts from them.
var hostileSeeds = []string{
	`return ` + strings.Repeat("{", 300) + strings.Repeat("}", 300),
	`("a"):find(string.rep("(", 40) .. "a" .. string.rep(")", 40))`,
	`local o = {workers = 2}; o.self = o; goroutine.pool_create("p", o)`,
	`local s = "x" while true do s = s .. s end`,
	`local s = string.rep("a", 1e4) while true do s:find(".-.-.-b") end`,
	`for i = 1, 30000 do goroutine.mark("x") end while true do pcall(goroutine.spawn, function() while true do end end) end`,
	`local t = {} for i = 1, 9 do local n = {} for k = 1, 12 do n[k] = t end t = n end log.table(t)`,
	`local ch = goroutine.channel() local c = {} for i = 1, 1000 do c[i] = {channel = ch, receive = true} end goroutine.spawn(function() ch:send(1) end) goroutine.select(c)`,
	`print(select("#", unpack({}, 1, 1e6)))`,
}

// expectNoGoroutineLeft waits a moment for the run's Go goroutines, which
// end as they hand the token on, and fails when more are left than
// before the run, listing them.
func expectNoGoroutineLeft(t *testing.T, before int, src string) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Second)
	for runtime.NumGoroutine() > before {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			buf = buf[:runtime.Stack(buf, true)]
			t.Fatalf("%d goroutines left behind by %q:\n%s", runtime.NumGoroutine()-before, src, buf)
		}
		time.Sleep(time.Millisecond)
	}
}
