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
	var all Batch
	data, err := s.run(src, []byte(opts), func(b Batch) {
		mu.Lock()
		defer mu.Unlock()
		all.Output = append(all.Output, b.Output...)
		all.Events = append(all.Events, b.Events...)
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
	return res, all
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
	_, err := s.run("print(1)", []byte(`{"sed":1}`), func(Batch) {})
	if err == nil || !strings.Contains(err.Error(), `unknown field "sed"`) {
		t.Fatalf("got %v, want unknown field error", err)
	}
	if s.stop() {
		t.Fatal("stop after a rejected run reported a run going")
	}
}

func TestSessionStopEndsBusyLoopAndRefusesSecondRun(t *testing.T) {
	var s session
	if s.stop() {
		t.Fatal("stop reported a run while idle")
	}
	done := make(chan luamod.Result)
	go func() {
		res, _ := runSession(t, &s, "while true do end", "")
		done <- res
	}()
	waitBusy(t, &s)
	if _, err := s.run("print(1)", nil, func(Batch) {}); !errors.Is(err, errBusy) {
		t.Fatalf("second run: got %v, want errBusy", err)
	}
	start := time.Now()
	if !s.stop() {
		t.Fatal("stop found no run")
	}
	res := <-done
	if res.Status != luamod.StatusCancelled {
		t.Fatalf("result %+v, want cancelled", res)
	}
	if d := time.Since(start); d > time.Second {
		t.Fatalf("stop took %v", d)
	}
	if res, _ := runSession(t, &s, "print(1)", ""); res.Status != luamod.StatusOK {
		t.Fatalf("run after stop: %+v", res)
	}
}

func waitBusy(t *testing.T, s *session) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		s.mu.Lock()
		busy := s.cancel != nil
		s.mu.Unlock()
		if busy {
			return
		}
		time.Sleep(time.Millisecond)
	}
	t.Fatal("the run did not start")
}
