package luamod

import (
	"fmt"
	"runtime/metrics"
	"time"
)

// stop ends the run with status and err: every goroutine is cancelled with
// err. The first stop wins.
func (s *sched) stop(status string, err error) {
	if s.stopped != nil {
		return
	}
	s.stopped = &stopReason{status: status, err: err}
	for _, g := range s.all {
		s.cancel(g, err)
	}
}

// limitError names the limit a run exceeded.
func limitError(what string, limit any) error {
	return fmt.Errorf("limit exceeded: %s (%v)", what, limit)
}

// checkOutside looks at what can end the run from outside the script:
// the caller's cancellation, the wall-time limit and the memory limit.
// The clocks are read on every 64th call only: under GOOS=js time.Now is a
// call into JavaScript, and handoffs are frequent.
func (s *sched) checkOutside() {
	if s.stopped != nil {
		return
	}
	if r := s.ext.Load(); r != nil {
		s.stop(r.status, r.err)
		return
	}
	s.checks++
	if s.checks%64 != 0 {
		return
	}
	now := time.Now()
	if now.Sub(s.start) > s.opts.WallTimeout {
		s.stop(StatusLimit, limitError("wall time", s.opts.WallTimeout))
		return
	}
	if now.Sub(s.lastCheck) < 50*time.Millisecond {
		return
	}
	s.lastCheck = now
	if heap := heapBytes(); heap > s.memBase && int64(heap-s.memBase) > s.opts.MaxMemory {
		s.stop(StatusLimit, limitError("memory", fmt.Sprintf("%d MiB", s.opts.MaxMemory>>20)))
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
