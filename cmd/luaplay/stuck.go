package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"luaplay/luamod"
)

// stuckGrace is how long past its wall limit the runner waits for a run
// before it abandons it. The engine's watchdog ends a run at its next VM
// instruction, but gopher-lua cannot interrupt one instruction (t[2^26-1] = 1
// appends 67M nils one by one), so the runner keeps issue 10's promise
// itself: every run ends within its wall limit plus a second. It waits
// half of that second: a goroutine copying a huge slice delays the Go
// runtime's stop-the-world pauses, and so this timer, by up to a second
// more on a loaded machine (measured: 2.0 to 3.3 s for -timeout 1s).
const stuckGrace = 500 * time.Millisecond

// runScript is luamod.Run; a test replaces it with a run that never returns.
var runScript = luamod.Run

// runGuarded runs the script on its own goroutine and waits for it until
// its wall limit plus stuckGrace, counted from its start. It reports
// whether the run was abandoned; the sink then takes no more output and
// events from it.
func runGuarded(ctx context.Context, src string, opts luamod.Options, sink *streamSink) (luamod.Result, bool) {
	done := make(chan luamod.Result, 1)
	go func() { done <- runScript(ctx, src, opts, sink) }()
	timer := time.NewTimer(time.Duration(opts.WallLimit()) + stuckGrace)
	defer timer.Stop()
	select {
	case res := <-done:
		return res, false
	case <-timer.C:
		sink.abandon()
		return luamod.Result{}, true
	}
}

// reportAbandoned says on stderr that the wall limit ended the run, in the
// engine's words, and that the runner abandoned it, with the two causes
// it cannot tell apart: one Lua instruction that runs that long, or a
// machine so busy that the engine did not get the CPU to reach its next
// instruction (seen with -race at a load of 10 to 20 on two cores).
func reportAbandoned(stderr io.Writer, opts luamod.Options) {
	fmt.Fprintln(stderr, opts.WallLimitError())
	fmt.Fprintf(stderr, "luaplay: the run had not ended %v past its wall limit and was abandoned: %s\n", stuckGrace, abandonCause)
}

// abandonCause is what reportAbandoned gives as the reason.
const abandonCause = "one Lua instruction ran that long, or the machine is too busy for the engine to reach its next check"
