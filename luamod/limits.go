package luamod

import (
	"fmt"
	"runtime"
	"runtime/metrics"
	"time"
)

// stop ends the run with status and err: every goroutine is cancelled with
// err. The first stop wins.
func (s *sched) stop(status Status, err error) {
	if s.stopped != nil {
		return
	}
	s.stopped = &stopReason{status: status, err: err}
	s.snapshotAlive()
	for _, g := range s.all {
		s.cancel(g, err)
	}
}

// snapshotAlive records, for the limit report, what each goroutine still
// alive is doing and at which line: the first maxAliveReported of them
// in detail, the others counted.
func (s *sched) snapshotAlive() {
	for _, g := range s.all {
		if g.state == gDead {
			continue
		}
		s.aliveAtStop++
		if len(s.atStop) < maxAliveReported {
			s.atStop = append(s.atStop, s.describe(g))
		}
	}
}

// describe says what g is doing: its wait when parked, else running or
// runnable at the line its Lua thread is on (where it was spawned, when it
// has not started).
func (s *sched) describe(g *G) Stuck {
	st := Stuck{G: g.id, Name: g.name, Reason: g.wait.Reason, Object: g.wait.Object, Line: g.wait.Line}
	if g.state == gParked {
		return st
	}
	st.Reason, st.Object, st.Line = ReasonRunnable, "", g.line
	th := g.coro
	if g == s.cur {
		st.Reason, th = ReasonRunning, s.root.G.CurrentThread
	}
	if g.started && th != nil {
		st.Line = callerLine(th)
	}
	return st
}

// limitError names the limit a run exceeded.
func limitError(what string, limit any) error {
	return fmt.Errorf("limit exceeded: %s (%v)", what, limit)
}

// wallLimitError names the wall-time limit; the watchdog calls it too.
func (s *sched) wallLimitError() error { return s.opts.WallLimitError() }

// WallLimit is the run's wall-time limit: WallTimeout, or the default
// when it is zero.
func (o Options) WallLimit() Millis {
	if o.WallTimeout > 0 {
		return o.WallTimeout
	}
	return DefaultWallTimeout
}

// WallLimitError is the error a run over its wall limit ends with, for a
// host that must end a run the engine cannot stop (one VM instruction) in
// the engine's words.
func (o Options) WallLimitError() error { return limitError("wall time", o.WallLimit()) }

// clockEvery is how many checks go by between two readings of the clock
// on a handoff.
const clockEvery = 64

// checkOutside looks at what can end the run from outside the script:
// the caller's cancellation, the wall-time limit and the memory limit.
// Handoffs are frequent and under GOOS=js time.Now is a call into
// JavaScript, so a handoff reads the clock on every 64th call only; the
// slow path of Done and a builtin's checkpoint read it every time
// (readClock), which bounds how late a limit is seen by a quantum of
// instructions or checkUnits of charged work. The heap is read at most
// every 50 ms. The reading is kept in checkedAt: the pause for the event
// loop that follows a check under GOOS=js (platformPause) needs no other.
func (s *sched) checkOutside(readClock bool) {
	if s.stopped != nil {
		return
	}
	if r := s.ext.Load(); r != nil {
		s.stop(r.status, r.err)
		return
	}
	s.checks++
	if !readClock && s.checks%clockEvery != 0 {
		return
	}
	now := time.Now()
	s.checkedAt = now
	if now.Sub(s.start) > time.Duration(s.opts.WallTimeout) {
		s.stop(StatusLimit, s.wallLimitError())
		return
	}
	if now.Sub(s.lastCheck) < 50*time.Millisecond {
		return
	}
	s.lastCheck = now
	if s.heapUsed() <= s.opts.MaxMemory {
		return
	}
	runtime.GC() // count only live data, not garbage the collector has not reached
	if s.heapUsed() > s.opts.MaxMemory {
		s.stop(StatusLimit, s.memoryLimitError())
	}
}

// heapBytes reads the live heap without stopping the world.
func heapBytes() uint64 {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return sample[0].Value.Uint64()
}
