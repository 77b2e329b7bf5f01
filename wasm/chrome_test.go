package main

import (
	"encoding/json"
	"strings"
	"testing"

	"luaplay/luamod"
)

func TestChromeTraceOfARun(t *testing.T) {
	var s session
	_, all := runSession(t, &s, `goroutine.spawn(function() goroutine.sleep(5) end)`, "")
	data, err := json.Marshal(luamod.Trace{Version: luamod.TraceVersion, Clock: "virtual", Events: all.Events})
	if err != nil {
		t.Fatal(err)
	}
	out, err := chromeTrace(data)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		TraceEvents []map[string]any `json:"traceEvents"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	threads := map[float64]bool{}
	for _, e := range doc.TraceEvents {
		if tid, ok := e["tid"].(float64); ok {
			threads[tid] = true
		}
	}
	if !threads[1] || !threads[2] {
		t.Fatalf("threads %v, want goroutines 1 and 2 in %s", threads, out)
	}
}

func TestChromeTraceRefusesBadInput(t *testing.T) {
	for in, want := range map[string]string{
		`{`:                          "unexpected end of JSON input",
		`{"version":99,"events":[]}`: "trace version 99, want 1",
		`{"events":[]}`:              "trace version 0",
	} {
		if _, err := chromeTrace([]byte(in)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: got %v, want %q", in, err, want)
		}
	}
}
