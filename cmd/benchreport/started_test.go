package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestHeaderSaysWhenTheBenchRanNotWhenTheReportWasWritten(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"started": "2026-12-01T14:59:16Z\n2.89 6.30 12.00 1/200 8099\n", "native.jsonl": "{}\n"})
	end := time.Date(2026, 12, 1, 15, 2, 10, 0, time.UTC)
	if err := os.Chtimes(filepath.Join(dir, "native.jsonl"), end, end); err != nil {
		t.Fatal(err)
	}
	run := readBenchRun(dir)
	got := header(run, time.Date(2026, 12, 1, 15, 30, 0, 0, time.UTC))
	want := "Measured by `./build.sh bench` from 2026-12-01 14:59 to 15:02 UTC, written on 2026-12-01 15:30 UTC."
	if !strings.HasPrefix(got, want) || run.load != "2.89 6.30 12.00" {
		t.Fatalf("header %q, load %q; want it to begin %q, load the file's first three fields", got, run.load, want)
	}
}

func TestHeaderWithoutStartedFileSaysWhenWritten(t *testing.T) {
	run := readBenchRun(t.TempDir())
	if got := header(run, time.Date(2026, 12, 1, 15, 30, 0, 0, time.UTC)); !strings.HasPrefix(got, "Written by `./build.sh bench` on 2026-12-01 15:30 UTC.") {
		t.Fatalf("header %q", got)
	}
}
