// Command luaplay runs a Lua goroutine playground script natively, with
// the same engine as the web page:
//
//	luaplay [flags] FILE    (FILE "-" reads the script from stdin)
//
// The script's output streams to stdout; errors, deadlock and leak reports
// go to stderr with file:line. The exit status is 0 when the run succeeded
// (a leak is only a warning), 1 when the script, a goroutine or a task
// failed, it deadlocked, hit a limit or was interrupted, and 2 for bad
// usage. Ctrl+C stops the run; a second Ctrl+C kills the process.
package main

import (
	"context"
	"os"
	"os/signal"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	context.AfterFunc(ctx, stop) // the first Ctrl+C cancels the run, a second one kills
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
