package luamod

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Scripts written the way sloth-runner's docs write them (task builders,
// workflow.define tables, log.*, background tickers, with_deadline on
// os.time's clock, require("http") health checks, exec) run clean: the run
// succeeds, no goroutine fails, and two runs give the same bytes and trace.
func TestSlothRunnerStyleScripts(t *testing.T) {
	want := map[string][]string{
		"health_workflow.lua": {"[INFO] 3/4 services healthy", "[TABLE] health summary: {healthy=3}", "### workflow monitoring: ok (1 tasks"},
		"deploy_pipeline.lua": {"[INFO] built: api ok, web ok, worker ok", "[INFO] tests: 4 completed, 0 failed", "[INFO] deployed to 3 regions", "### workflow release: ok (3 tasks"},
		"ticker_deadline.lua": {"[INFO] poller stopped: context deadline exceeded", "[INFO] polls: 8", "goroutine 2 (heartbeat) [sleep] at main.lua:10"},
	}
	files, _ := filepath.Glob("testdata/sloth/*.lua")
	if len(files) != len(want) {
		t.Fatalf("testdata/sloth has %d scripts, want %d", len(files), len(want))
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			res, rec := run(t, string(src))
			out := rec.All.String()
			if !res.OK() || len(res.Errors) > 0 || len(res.Stuck) > 0 {
				t.Fatalf("%s %s %+v\n%s", res.Status, res.Error, res.Stuck, out)
			}
			for _, w := range want[filepath.Base(file)] {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
			again := &Recorder{}
			Run(context.Background(), string(src), testOptions(Options{}), again)
			if again.All.String() != out || !slices.Equal(again.Trace, rec.Trace) {
				t.Errorf("a second run differs:\n%s", again.All.String())
			}
		})
	}
}
