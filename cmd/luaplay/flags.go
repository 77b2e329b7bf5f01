package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"time"
)

// config is what the command line asks for.
type config struct {
	file          string // "-" for stdin
	realTime      bool
	timeout       time.Duration
	grace         time.Duration
	seed          int64
	maxGoroutines int
	maxEvents     int
	maxMemory     int64 // MiB
	maxOutput     int
	traceFile     string
	chromeFile    string
}

// errUsage marks a bad command line: exit status 2.
var errUsage = errors.New("usage")

// parseArgs reads the flags and the one FILE argument. On a bad command
// line it writes the problem and the usage to stderr and returns errUsage;
// -h and -help print the usage and return flag.ErrHelp.
func parseArgs(args []string, stderr io.Writer) (config, error) {
	var c config
	fs := flag.NewFlagSet("luaplay", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.BoolVar(&c.realTime, "real-time", false, "use the wall clock instead of virtual time")
	fs.DurationVar(&c.timeout, "timeout", 0, "wall-time limit of the run (default 10s)")
	fs.DurationVar(&c.grace, "grace", 0, "run-clock time the other goroutines get once main has ended (default 10s)")
	fs.Int64Var(&c.seed, "seed", 0, "seed of math.random and select's random choice")
	fs.IntVar(&c.maxGoroutines, "max-goroutines", 0, "limit of live goroutines (default 10000)")
	fs.IntVar(&c.maxEvents, "max-events", 0, "limit of trace events (default 500000)")
	fs.Int64Var(&c.maxMemory, "max-memory", 0, "limit of the run's heap in MiB (default 512)")
	fs.IntVar(&c.maxOutput, "max-output", 0, "limit of output bytes, stdout and stderr together (default 1048576)")
	fs.StringVar(&c.traceFile, "trace", "", "write the run's event trace as JSON to `FILE`")
	fs.StringVar(&c.chromeFile, "chrome-trace", "", "write the trace for Perfetto or chrome://tracing to `FILE`")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: luaplay [flags] FILE   (FILE - reads stdin)\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return c, err
		}
		return c, errUsage // the flag package has printed the problem and the usage
	}
	bad := func(msg string) (config, error) {
		fmt.Fprintln(stderr, "luaplay: "+msg)
		fs.Usage()
		return c, errUsage
	}
	switch {
	case fs.NArg() == 0:
		return bad("missing FILE")
	case fs.NArg() > 1:
		return bad(fmt.Sprintf("one FILE expected, got %d arguments", fs.NArg()))
	case c.timeout < 0 || c.grace < 0 || c.maxGoroutines < 0 || c.maxEvents < 0 || c.maxMemory < 0 || c.maxOutput < 0:
		return bad("-timeout, -grace and the -max flags must not be negative")
	case c.maxMemory > 1<<20:
		return bad("-max-memory is in MiB: at most 1048576")
	}
	c.file = fs.Arg(0)
	return c, nil
}
