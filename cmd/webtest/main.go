// Command webtest runs the TypeScript unit tests: it bundles each
// web/test/*.test.ts for Node with esbuild (so tests import the page's
// modules as they are, with no compile step of their own), then runs them
// with `node --test` and exits with its status.
//
// With -bench it bundles and runs web/bench/*.bench.ts the same way, one
// node process each, and prints their measurements instead; the browser
// scripts they load, web/bench/*.page.ts, are bundled next to them.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
)

func main() {
	bench := flag.Bool("bench", false, "run web/bench/*.bench.ts instead of the tests")
	only := flag.String("only", "", "run only the files whose name starts with this")
	flag.Parse()
	pattern, args := "web/test/"+*only+"*.test.ts", []string{"--test"}
	if *bench {
		pattern, args = "web/bench/"+*only+"*.bench.ts", nil
	}
	os.Exit(run(pattern, args))
}

// run bundles the files matching pattern and runs them with node, returning
// the exit status.
func run(pattern string, nodeArgs []string) int {
	entries, err := filepath.Glob(pattern)
	if err != nil || len(entries) == 0 {
		fmt.Fprintf(os.Stderr, "webtest: no files match %s\n", pattern)
		return 1
	}
	sort.Strings(entries)
	// The bundles go under node_modules so that packages left external
	// (playwright) resolve from the repository's node_modules.
	base := filepath.Join("node_modules", ".cache")
	if err := os.MkdirAll(base, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "webtest:", err)
		return 1
	}
	dir, err := os.MkdirTemp(base, "lp-webtest-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "webtest:", err)
		return 1
	}
	defer os.RemoveAll(dir)
	outs, err := bundle(entries, dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "webtest:", err)
		return 1
	}
	if nodeArgs == nil {
		pages, _ := filepath.Glob(filepath.Join(filepath.Dir(pattern), "*.page.ts"))
		if err := bundlePages(pages, dir); len(pages) > 0 && err != nil {
			fmt.Fprintln(os.Stderr, "webtest:", err)
			return 1
		}
		return runEach(outs)
	}
	cmd := exec.Command("node", append(nodeArgs, outs...)...)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	return status(cmd.Run())
}

// runEach runs each bundle in its own node process, stopping at the first
// failure.
func runEach(outs []string) int {
	for _, out := range outs {
		cmd := exec.Command("node", out)
		cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
		if code := status(cmd.Run()); code != 0 {
			return code
		}
	}
	return 0
}

// status turns the result of running node into an exit status.
func status(err error) int {
	if err == nil {
		return 0
	}
	if exit, ok := err.(*exec.ExitError); ok {
		return exit.ExitCode()
	}
	fmt.Fprintln(os.Stderr, "webtest:", err)
	return 1
}
