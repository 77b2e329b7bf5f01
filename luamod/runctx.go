package luamod

import (
	"context"
	"errors"
	"time"

	lua "github.com/yuin/gopher-lua"
)

// runCtx is the context every Lua thread of a run carries. gopher-lua calls
// Done before every VM instruction; counting those calls is how the run
// preempts a busy goroutine, advances virtual time and stops a cancelled
// goroutine, natively and in GOOS=js where the Go runtime never preempts.
// Done returns nil (a channel that never fires) on the fast path, which
// costs far less than a context.WithCancel.
//
// Each thread has a runCtx of its own, so the engine can tell its threads
// apart: a coroutine's names its coroutine record, and a thread lent to
// pcall names the thread that called pcall and xpcall's handler.
type runCtx struct {
	s       *sched
	co      *coroutine     // set on the threads of coroutine.create and wrap
	caller  *lua.LState    // set while pcall or xpcall lends this thread
	handler *lua.LFunction // xpcall's message handler while it does
}

// ctxOf returns th's runCtx, or nil for a thread of another origin.
func ctxOf(th *lua.LState) *runCtx {
	c, _ := th.Context().(*runCtx)
	return c
}

func (c *runCtx) Done() <-chan struct{} {
	s := c.s
	s.steps++
	if s.steps < s.checkAt {
		return nil
	}
	return s.slowDone()
}

// Err is read by the VM right after Done fired: it is why the current
// goroutine must stop.
func (c *runCtx) Err() error {
	if g := c.s.cur; g != nil && g.cancelErr != nil {
		return g.cancelErr
	}
	return context.Canceled
}

func (c *runCtx) Deadline() (time.Time, bool) { return time.Time{}, false }
func (c *runCtx) Value(any) any               { return nil }

// Errors a goroutine is cancelled with.
var (
	errTimeout  = errors.New("timeout exceeded")
	errRunEnded = errors.New("run ended")
)
