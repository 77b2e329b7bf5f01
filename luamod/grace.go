package luamod

import (
	"errors"
	"fmt"
)

// errGraceOver is what the goroutines still running when the grace
// period is over are cancelled with.
var errGraceOver = errors.New("run ended: grace period after main is over")

// startGrace is called when the main goroutine (and with it every
// sloth-runner workflow) has ended. Like a Go program, whose other
// goroutines end with main, the run does not wait for ever: the others
// get the grace period on the run clock, then graceOver stops them. A
// ticker or a monitor that loops on a timer would otherwise keep the run
// going until a limit ended it.
func (s *sched) startGrace() {
	if s.alive > 0 && s.stopped == nil {
		s.graceTimer = s.addTimer(s.after(int64(s.opts.GracePeriod)/1000), s.graceOver)
	}
}

// canWake reports whether a pending timer can wake a goroutine: the grace
// timer alone cannot, so goroutines blocked with only it pending are
// reported at once as a leak or deadlock.
func (s *sched) canWake() bool {
	n := len(s.timers)
	return n > 1 || (n == 1 && s.timers.peek() != s.graceTimer)
}

// graceOver ends the run after the grace period: it reports each goroutine
// still alive, what it was doing and its line, and cancels them all. The
// run keeps the status it had (a leak is not a failure).
func (s *sched) graceOver() {
	if s.alive == 0 || s.stopped != nil || s.ending {
		return
	}
	for _, g := range s.all {
		if g.state != gDead {
			s.result.Running = append(s.result.Running, s.describe(g))
		}
	}
	head := fmt.Sprintf("warning: %d goroutine(s) still running %s after main ended; the run stopped them\n",
		len(s.result.Running), s.opts.GracePeriod)
	s.output("stderr", goroutineList(head, s.opts.ChunkName, s.result.Running))
	s.ending = true
	for _, g := range s.all {
		s.cancel(g, errGraceOver)
	}
}
