package luamod

import (
	"context"
	"errors"
	"time"
)

// runCtx is the context every Lua thread of a run carries. gopher-lua calls
// Done before every VM instruction; counting those calls is how the run
// preempts a busy goroutine, advances virtual time and stops a cancelled
// goroutine, natively and in GOOS=js where the Go runtime never preempts.
// Done returns nil (a channel that never fires) on the fast path, which
// costs far less than a context.WithCancel.
type runCtx struct{ s *sched }

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
