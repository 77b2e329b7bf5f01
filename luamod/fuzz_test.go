package luamod

import (
	"context"
	"os"
	"path/filepath"
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
	f.Fuzz(func(t *testing.T, src string) {
		opts := Options{WallTimeout: Millis(300 * time.Millisecond), MaxGoroutines: 200, MaxOutputBytes: 1 << 14, MaxEvents: 20000, MaxMemory: 64 << 20}
		done := make(chan Result, 1)
		go func() { done <- Run(context.Background(), src, opts, discard{}) }()
		select {
		case res := <-done:
			if res.Status == "" {
				t.Fatalf("no status for %q", src)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("run still going 10 s after a 300 ms wall limit: %q", src)
		}
	})
}
