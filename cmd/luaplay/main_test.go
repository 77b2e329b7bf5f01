package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"luaplay/luamod"
)

// runArgs calls the command with args, the script in a temp file named
// name (its path replaces "FILE" in args) and stdin, and returns the exit
// status and both streams.
func runArgs(t *testing.T, name, script string, args ...string) (int, string, string) {
	t.Helper()
	return runCtx(t, context.Background(), name, script, args...)
}

func runCtx(t *testing.T, ctx context.Context, name, script string, args ...string) (int, string, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(script), 0o644); err != nil {
		t.Fatal(err)
	}
	full := make([]string, len(args))
	for i, a := range args {
		full[i] = strings.ReplaceAll(a, "FILE", path)
	}
	var stdout, stderr bytes.Buffer
	code := run(ctx, full, strings.NewReader(script), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// expectExit wants status code and stderr containing every piece.
func expectExit(t *testing.T, code, want int, stderr string, pieces ...string) {
	t.Helper()
	if code != want {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, want, stderr)
	}
	for _, p := range pieces {
		if !strings.Contains(stderr, p) {
			t.Fatalf("stderr lacks %q:\n%s", p, stderr)
		}
	}
}

func TestSuccessSplitsStdoutAndStderr(t *testing.T) {
	code, out, errOut := runArgs(t, "hello.lua", `
print("hello")
log.warn("careful")
goroutine.spawn(function() goroutine.sleep(10) print("late") end)
`, "FILE")
	expectExit(t, code, 0, errOut)
	if out != "hello\nlate\n" || errOut != "[WARN] careful\n" {
		t.Fatalf("stdout %q, stderr %q", out, errOut)
	}
}

func TestFailuresExitOneWithFileAndLine(t *testing.T) {
	for _, tc := range []struct {
		name, script string
		want         []string
	}{
		{"error", "print('before')\nerror('boom')", []string{"error.lua:2: boom"}},
		{"goroutine", "goroutine.spawn(function()\n  local x = nil + 1\nend)", []string{"goroutine 2", "goroutine.lua:2:"}},
		{"syntax", "print(1)\nx = = 1", []string{"syntax.lua:2:"}},
		{"deadlock", "\ngoroutine.channel():receive()", []string{"deadlock!", "deadlock.lua:2"}},
		{"task", "task('t'):command(function() return false, 'red' end):build()", []string{"--- task t: failed", "red"}},
		{"limit", "for i = 1, 10 do goroutine.spawn(function() goroutine.sleep(1) end) end", []string{"limit exceeded: live goroutines"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errOut := runArgs(t, tc.name+".lua", tc.script, "-max-goroutines", "5", "FILE")
			expectExit(t, code, 1, errOut, tc.want...)
		})
	}
}

func TestLeakIsOnlyAWarning(t *testing.T) {
	code, _, errOut := runArgs(t, "leak.lua", "\ngoroutine.spawn(function() goroutine.channel():send(1) end)", "FILE")
	expectExit(t, code, 0, errOut, "warning: 1 goroutine(s) leaked", "leak.lua:2")
}

func TestGraceFlagEndsTheRunAfterMain(t *testing.T) {
	code, _, errOut := runArgs(t, "tick.lua", "\ngoroutine.spawn(function() while true do goroutine.sleep(100) end end)", "-grace", "1.5s", "FILE")
	expectExit(t, code, 0, errOut, "warning: 1 goroutine(s) still running 1.5s after main ended", "[sleep] at tick.lua:2")
}

// -max-events raises the trace-event limit: 3,000 round trips make about
// 18,000 events, more than a limit of 10,000 allows.
func TestMaxEventsFlag(t *testing.T) {
	script := `
local ping, pong = goroutine.channel(), goroutine.channel()
goroutine.spawn(function() for i = 1, 3000 do pong:send(ping:receive()) end end)
for i = 1, 3000 do ping:send(i) pong:receive() end
print("done")`
	code, _, errOut := runArgs(t, "pp.lua", script, "-max-events", "10000", "FILE")
	expectExit(t, code, 1, errOut, "limit exceeded: trace events (10000)")
	code, out, errOut := runArgs(t, "pp.lua", script, "-max-events", "100000", "FILE")
	expectExit(t, code, 0, errOut)
	if out != "done\n" {
		t.Fatalf("stdout %q", out)
	}
}

func TestStdinIsNamedStdin(t *testing.T) {
	code, out, errOut := runArgs(t, "unused.lua", "print(1)\nerror('from stdin')", "-")
	expectExit(t, code, 1, errOut, "stdin:2: from stdin")
	if out != "1\n" {
		t.Fatalf("stdout %q", out)
	}
}

func TestBadUsageExitsTwo(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"-bogus", "FILE"},
		{"FILE", "extra"},
		{"-timeout", "soon", "FILE"},
		{"-max-goroutines", "-1", "FILE"},
		{"-max-events", "-1", "FILE"},
		{filepath.Join(t.TempDir(), "missing.lua")},
	} {
		code, out, errOut := runArgs(t, "ok.lua", "print('ran')", args...)
		expectExit(t, code, 2, errOut)
		if out != "" || errOut == "" {
			t.Fatalf("args %q: stdout %q, stderr %q", args, out, errOut)
		}
	}
	code, _, errOut := runArgs(t, "ok.lua", "", "-h")
	expectExit(t, code, 0, errOut, "usage: luaplay")
}

func TestSeedIsReproducible(t *testing.T) {
	script := "print(math.random(1000000))"
	outs := map[string]string{}
	for _, seed := range []string{"1", "1", "2"} {
		code, out, errOut := runArgs(t, "r.lua", script, "-seed", seed, "FILE")
		expectExit(t, code, 0, errOut)
		if prev, ok := outs[seed]; ok && prev != out {
			t.Fatalf("seed %s gave %q then %q", seed, prev, out)
		}
		outs[seed] = out
	}
	if outs["1"] == outs["2"] {
		t.Fatalf("seeds 1 and 2 both gave %q", outs["1"])
	}
}

func TestTraceFiles(t *testing.T) {
	dir := t.TempDir()
	traceFile, chromeFile := filepath.Join(dir, "t.json"), filepath.Join(dir, "c.json")
	code, _, errOut := runArgs(t, "w.lua", `
local id = goroutine.spawn(function() goroutine.sleep(5) end)
goroutine.sleep(10)`, "-trace", traceFile, "-chrome-trace", chromeFile, "FILE")
	expectExit(t, code, 0, errOut)
	var tr luamod.Trace
	readJSON(t, traceFile, &tr)
	if tr.Version != luamod.TraceVersion || tr.Clock != "virtual" || len(tr.Events) == 0 {
		t.Fatalf("trace header %d %q with %d events", tr.Version, tr.Clock, len(tr.Events))
	}
	if first := tr.Events[0]; first.Kind != luamod.KindSpawn || first.G != 1 || first.Name != "main" {
		t.Fatalf("first event %+v", first)
	}
	var chrome struct {
		TraceEvents []struct {
			Name string         `json:"name"`
			Ph   string         `json:"ph"`
			Tid  int            `json:"tid"`
			Args map[string]any `json:"args"`
		} `json:"traceEvents"`
	}
	readJSON(t, chromeFile, &chrome)
	threads := map[int]any{}
	for _, e := range chrome.TraceEvents {
		if e.Ph == "M" && e.Name == "thread_name" {
			threads[e.Tid] = e.Args["name"]
		}
	}
	if len(threads) != 2 || threads[1] != "g1 main" || threads[2] != "g2" {
		t.Fatalf("threads %v", threads)
	}
}

func TestTraceIsWrittenForAFailedRealTimeRun(t *testing.T) {
	traceFile := filepath.Join(t.TempDir(), "t.json")
	code, _, errOut := runArgs(t, "f.lua", "goroutine.sleep(1)\nerror('late')", "-real-time", "-trace", traceFile, "FILE")
	expectExit(t, code, 1, errOut, "f.lua:2: late")
	var tr luamod.Trace
	readJSON(t, traceFile, &tr)
	if tr.Clock != "real" || len(tr.Events) == 0 {
		t.Fatalf("clock %q, %d events", tr.Clock, len(tr.Events))
	}
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

func TestWallTimeoutStopsABusyLoop(t *testing.T) {
	start := time.Now()
	code, _, errOut := runArgs(t, "busy.lua", "while true do end", "-timeout", "100ms", "FILE")
	expectExit(t, code, 1, errOut, "limit exceeded: wall time")
	if took := time.Since(start); took > 5*time.Second {
		t.Fatalf("took %v", took)
	}
}

func TestCancelledContextStopsTheRun(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	code, _, errOut := runCtx(t, ctx, "busy.lua", "while true do end", "FILE")
	expectExit(t, code, 1, errOut, "run cancelled")
}

// TestInterruptStopsTheBinary builds the command and sends it Ctrl+C.
func TestInterruptStopsTheBinary(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "js" || testing.Short() {
		t.Skip("needs a POSIX signal and a go toolchain")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "luaplay")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	script := filepath.Join(dir, "busy.lua")
	if err := os.WriteFile(script, []byte("print('started')\nwhile true do end"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-timeout", "60s", script)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	pipe, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if line, err := bufio.NewReader(pipe).ReadString('\n'); line != "started\n" {
		t.Fatalf("first line %q (%v)", line, err)
	}
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, pipe)
	err = cmd.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 1 || !strings.Contains(stderr.String(), "run cancelled") {
		t.Fatalf("wait: %v; stderr:\n%s", err, stderr.String())
	}
}
