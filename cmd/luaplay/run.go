package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"luaplay/luamod"
)

// Exit statuses.
const (
	exitOK     = 0
	exitFailed = 1 // the script, a goroutine or a task failed, deadlock, limit, interrupt
	exitUsage  = 2
)

// run is the whole command: parse args, read the script, run it with the
// script's output streaming to stdout and stderr, write the trace files.
// It returns the exit status.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	c, err := parseArgs(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil {
		return exitUsage
	}
	src, chunk, err := readScript(c.file, stdin)
	if err != nil {
		fmt.Fprintln(stderr, "luaplay:", err)
		return exitUsage
	}
	opts := luamod.Options{
		ChunkName:      chunk,
		RealTime:       c.realTime,
		Seed:           c.seed,
		WallTimeout:    luamod.Millis(c.timeout),
		GracePeriod:    luamod.Millis(c.grace),
		MaxGoroutines:  c.maxGoroutines,
		MaxEvents:      c.maxEvents,
		MaxMemory:      c.maxMemory << 20,
		MaxOutputBytes: c.maxOutput,
	}
	luamod.TuneGC(2 * max(opts.MaxMemory, luamod.DefaultMaxMemory))
	sink := &streamSink{stdout: stdout, stderr: stderr, keep: c.traceFile != "" || c.chromeFile != ""}
	res, abandoned := runGuarded(ctx, src, opts, sink)
	code := exitOK
	if abandoned {
		code = exitFailed
		reportAbandoned(stderr, opts)
	} else if !res.OK() {
		code = exitFailed
		if !sink.wroteErr {
			fmt.Fprintf(stderr, "luaplay: run %s: %s\n", res.Status, res.Error)
		}
	}
	if err := sink.err(); err != nil {
		fmt.Fprintln(stderr, "luaplay: writing output:", err)
		code = exitFailed
	}
	if err := writeTraces(c, sink.trace(c.realTime)); err != nil {
		fmt.Fprintln(stderr, "luaplay:", err)
		code = exitFailed
	}
	return code
}

// readScript reads FILE, or stdin for "-". The chunk name in error
// messages is the file's base name, or "stdin".
func readScript(file string, stdin io.Reader) (src, chunk string, err error) {
	var b []byte
	if file == "-" {
		b, err = io.ReadAll(stdin)
		chunk = "stdin"
	} else {
		b, err = os.ReadFile(file)
		chunk = filepath.Base(file)
	}
	return string(b), chunk, err
}
