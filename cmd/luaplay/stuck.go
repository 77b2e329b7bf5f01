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
// engine's words, and that the run was stuck inside one instruction.
func reportAbandoned(stderr io.Writer, opts luamod.Options) {
	fmt.Fprintln(stderr, opts.WallLimitError())
	fmt.Fprintln(stderr, "luaplay: the run was stuck inside one Lua instruction past its wall limit and was abandoned")
}
