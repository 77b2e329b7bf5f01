// Command benchreport writes bench/RESULTS.md from what ./build.sh bench
// measured: the Result lines (JSON, one per line) that cmd/luabench and
// web/bench/*.bench.ts printed into the files of -in, the machine and the
// versions it ran with, and the page's download size from -dist.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

func main() {
	in := flag.String("in", ".build/bench", "directory of the benchmarks' output files")
	dist := flag.String("dist", "dist", "the built site")
	out := flag.String("out", "bench/RESULTS.md", "the report to write")
	notes := flag.String("notes", "bench/NOTES.md", "why missed targets are missed, from the profiles: copied into the report")
	flag.Parse()
	results, err := readResults(*in)
	if err != nil {
		fail(err)
	}
	fetches, err := readFetches(*in)
	if err != nil {
		fail(err)
	}
	sizes, err := downloadSizes(*dist, fetches)
	if err != nil {
		fail(err)
	}
	if sizes.wasmoon, err = wasmoonSize(); err != nil {
		fail(err)
	}
	var b strings.Builder
	run := readBenchRun(*in)
	fmt.Fprintf(&b, "# Benchmark results\n\n%s\n\n", header(run, time.Now()))
	load := loadAvg() + " as the report was written"
	if run.measured() {
		load = run.load + " as the bench began"
	}
	writeMachine(&b, load)
	writeTargets(&b, results, sizes)
	if err := writeNotes(&b, *notes); err != nil {
		fail(err)
	}
	writeSizes(&b, sizes)
	writeAll(&b, results)
	if err := os.MkdirAll(filepath.Dir(*out), 0o755); err != nil {
		fail(err)
	}
	if err := os.WriteFile(*out, []byte(b.String()), 0o644); err != nil {
		fail(err)
	}
	fmt.Printf("wrote %s: %d results\n", *out, len(results))
}

// writeNotes copies the notes file, written by hand from the profiles, if
// there is one.
func writeNotes(b *strings.Builder, name string) error {
	text, err := os.ReadFile(name)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return err
	}
	b.WriteString(strings.TrimSpace(string(text)) + "\n\n")
	return nil
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "benchreport:", err)
	os.Exit(1)
}
