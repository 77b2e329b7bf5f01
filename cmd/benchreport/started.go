package main

import (
	"os"
	"path/filepath"
	"strings"
	"time"
)

// benchRun is when the measurements in a -in directory were taken and how
// loaded the machine was as they began, from the file `started` that
// ./build.sh bench writes first (its time, then /proc/loadavg's first three
// fields) and the newest output file's time. A report written again from
// the same data (to take in new notes) then still says when it was
// measured, not when it was written.
type benchRun struct {
	start, end time.Time
	load       string
}

// readBenchRun reads dir's benchRun: the zero benchRun without a readable
// `started` file (measured then says so).
func readBenchRun(dir string) benchRun {
	data, err := os.ReadFile(filepath.Join(dir, "started"))
	if err != nil {
		return benchRun{}
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	if len(lines) < 2 || len(strings.Fields(lines[1])) < 3 {
		return benchRun{}
	}
	start, err := time.Parse(time.RFC3339, strings.TrimSpace(lines[0]))
	if err != nil {
		return benchRun{}
	}
	run := benchRun{start: start, end: start, load: strings.Join(strings.Fields(lines[1])[:3], " ")}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if info, err := e.Info(); err == nil && e.Name() != "started" && info.ModTime().After(run.end) {
			run.end = info.ModTime()
		}
	}
	return run
}

// measured tells whether the run's time and load were read.
func (r benchRun) measured() bool { return !r.start.IsZero() }

// header is the report's first paragraph.
func header(run benchRun, now time.Time) string {
	const stamp = "2006-01-02 15:04"
	if !run.measured() {
		return "Written by `./build.sh bench` on " + now.UTC().Format(stamp) + " UTC. Do not edit: run it again."
	}
	return "Measured by `./build.sh bench` from " + run.start.UTC().Format(stamp) + " to " + run.end.UTC().Format("15:04") +
		" UTC, written on " + now.UTC().Format(stamp) + " UTC. Do not edit: run it again."
}
