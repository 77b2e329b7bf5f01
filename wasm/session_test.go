package main

import (
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"luaplay/luamod"
)

// runSession runs src in s and returns the result and everything delivered.
func runSession(t *testing.T, s *session, src, opts string) (luamod.Result, Batch) {
	t.Helper()
	var mu sync.Mutex
	var c collector
	data, err := s.run("", src, []byte(opts), func(b []byte) {
		mu.Lock()
		defer mu.Unlock()
		c.deliver(b)
	})
	if err != nil {
		t.Fatalf("run: %v", err)
	}
	var res luamod.Result
	if err := json.Unmarshal(data, &res); err != nil {
		t.Fatalf("result JSON %s: %v", data, err)
	}
	mu.Lock()
	defer mu.Unlock()
	if c.err != nil {
		t.Fatalf("decoding a batch: %v", c.err)
	}
	return res, c.all()
}

func text(b Batch, stream string) string {
	var sb strings.Builder
	for _, c := range b.Output {
		if c.Stream == stream {
			sb.WriteString(c.Text)
		}
	}
	return sb.String()
}

func TestSessionRunDeliversOutputEventsAndResult(t *testing.T) {
	var s session
	res, all := runSession(t, &s, `print("hi") goroutine.spawn(function() print("child") end)`, `{"seed":1}`)
	if res.Status != luamod.StatusOK || res.Stats.Goroutines != 2 {
		t.Fatalf("result %+v, want ok with 2 goroutines", res)
	}
	if got := text(all, "stdout"); got != "hi\nchild\n" {
		t.Fatalf("stdout %q", got)
	}
	if len(all.Events) != res.Stats.Events || all.Events[0].Kind != luamod.KindSpawn {
		t.Fatalf("%d events starting %+v, want %d starting with spawn", len(all.Events), all.Events[0], res.Stats.Events)
	}
}

func TestSessionReportsScriptErrorInResult(t *testing.T) {
	var s session
	res, all := runSession(t, &s, "local x = 1\nerror('boom')", "")
	if res.Status != luamod.StatusError || res.Line != 2 || !strings.Contains(res.Error, "boom") {
		t.Fatalf("result %+v, want error boom at line 2", res)
	}
	if !strings.Contains(text(all, "stderr"), "boom") {
		t.Fatalf("stderr %q lacks the error", text(all, "stderr"))
	}
}

func TestSessionRejectsBadOptions(t *testing.T) {
	var s session
	_, err := s.run("", "print(1)", []byte(`{"sed":1}`), func([]byte) {})
	if err == nil || !strings.Contains(err.Error(), `unknown field "sed"`) {
		t.Fatalf("got %v, want unknown field error", err)
	}
	if s.stop("") {
		t.Fatal("stop after a rejected run reported a run going")
	}
}

func TestSessionStopEndsBusyLoopAndRefusesSecondRun(t *testing.T) {
	var s session
	if s.stop("") {
		t.Fatal("stop reported a run while idle")
	}
	done := make(chan luamod.Result)
	go func() {
		res, _ := runSession(t, &s, "while true do end", "")
		done <- res
	}()
	waitBusy(t, &s, "")
	if _, err := s.run("", "print(1)", nil, func([]byte) {}); !errors.Is(err, errBusy) {
		t.Fatalf("second run: got %v, want errBusy", err)
	}
	start := time.Now()
	if !s.stop("") {
		t.Fatal("stop found no run")
	}
	res := <-done
	if res.Status != luamod.StatusCancelled {
		t.Fatalf("result %+v, want cancelled", res)
	}
	if d := loopWork(res, time.Since(start)); d > time.Second {
		t.Fatalf("stop took %v of the busy loop's work", d)
	}
	if res, _ := runSession(t, &s, "print(1)", ""); res.Status != luamod.StatusOK {
		t.Fatalf("run after stop: %+v", res)
	}
}

// loopWork counts d, a time a busy run took to stop, in the run clock its
// loop advances (a microsecond an instruction) at the run's own pace: a
// busy machine slows the loop and the stop alike, so the work done in d
// stays what it is on a quiet one.
func loopWork(res luamod.Result, d time.Duration) time.Duration {
	if res.Stats.Wall <= 0 {
		return d
	}
	return time.Duration(float64(d) * float64(res.Stats.Clock) / float64(res.Stats.Wall))
}

func waitBusy(t *testing.T, s *session, key string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		s.mu.Lock()
		_, busy := s.runs[key]
		s.mu.Unlock()
		if busy {
			return
		}
		time.Sleep(time.Millisecond)
	}
	t.Fatal("the run did not start")
}

// TestSessionRunsKeysAtOnce has a busy loop, a sleeper and a failing run
// going at once under three keys, as three examples of one page do: the
// sleeper finishes, the failure stays its own, and stopping the loop stops
// only it.
func TestSessionRunsKeysAtOnce(t *testing.T) {
	var s session
	results := map[string]chan luamod.Result{"loop": make(chan luamod.Result, 1), "sleep": make(chan luamod.Result, 1), "fail": make(chan luamod.Result, 1)}
	srcs := map[string]string{
		"loop":  "while true do end",
		"sleep": `for i = 1, 3 do goroutine.sleep(100) print("tick", i) end`,
		"fail":  `error("boom")`,
	}
	for key, src := range srcs {
		go func() {
			data, err := s.run(key, src, nil, func([]byte) {})
			var res luamod.Result
			if err == nil {
				err = json.Unmarshal(data, &res)
			}
			if err != nil {
				t.Errorf("%s: %v", key, err)
			}
			results[key] <- res
		}()
	}
	waitBusy(t, &s, "loop")
	if _, err := s.run("loop", "print(1)", nil, func([]byte) {}); !errors.Is(err, errBusy) {
		t.Fatalf("second run under a busy key: got %v, want errBusy", err)
	}
	if res := <-results["sleep"]; res.Status != luamod.StatusOK {
		t.Fatalf("sleeper: %+v", res)
	}
	if res := <-results["fail"]; res.Status != luamod.StatusError || !strings.Contains(res.Error, "boom") {
		t.Fatalf("failing run: %+v", res)
	}
	if !s.stop("loop") {
		t.Fatal("stop found no loop")
	}
	if res := <-results["loop"]; res.Status != luamod.StatusCancelled {
		t.Fatalf("loop: %+v, want cancelled", res)
	}
	if s.stop("loop") || s.stop("sleep") {
		t.Fatal("stop found a run after every run ended")
	}
}
