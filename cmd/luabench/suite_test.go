package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// TestQuickSuiteRuns runs every workload at -quick's sizes: the benchmark
// code keeps working, and each comparison writes its result line.
func TestQuickSuiteRuns(t *testing.T) {
	var out bytes.Buffer
	s := suite{env: "native", runs: 2, scale: 100, out: json.NewEncoder(&out)}
	s.run()
	for _, subject := range []string{`"subject":"engine"`, "(floor)", "two coroutines yielding", "engine, real time"} {
		if !strings.Contains(out.String(), subject) {
			t.Errorf("no result for %s in:\n%s", subject, out.String())
		}
	}
}

// TestCoroutineFloorEndsBothLoops: the floor's Go loop resumes the two
// coroutines until both have made every round trip (it panics if either
// stops short).
func TestCoroutineFloorEndsBothLoops(t *testing.T) { runCoroutineFloor(1000) }
