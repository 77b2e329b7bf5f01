package luamod

import (
	"math"
	"time"
)

// clock is the run clock in microseconds. In virtual time it is base plus
// the instructions executed since base was set (InstructionCost each), and
// jumps to the next timer when nothing can run. In real time it is the wall
// clock since the run started.
type clock struct {
	start     time.Time
	base      int64 // virtual: clock value at stepsBase
	stepsBase int64
	timers    timerHeap
	timerSeq  int64
	read      wallRead // real: the last reading of the wall clock
}

// now is the run clock in microseconds.
func (s *sched) now() int64 {
	if s.opts.RealTime {
		return s.realNow()
	}
	return s.base + (s.steps-s.stepsBase)*int64(InstructionCost/time.Microsecond)
}

// wallRead is a reading of the wall clock that the run clock answers
// again while no VM instruction has run since, up to maxWallReuses times:
// under GOOS=js every reading is a call into JavaScript, and a goroutine
// that blocks, wakes or ends asks the clock several times (its event, its
// timer, its parked time, the next goroutine's event) within
// microseconds. A wait (idleUntil, the pause for the event loop) makes the
// reading stale.
type wallRead struct {
	at    int64 // the clock value read
	steps int64 // s.steps when it was read
	uses  int   // times it was answered; 0 when there is none
}

// maxWallReuses bounds how many times one reading is answered, so that
// a builtin doing a lot between two events of one instruction (spawning
// thousands of goroutines) still sees time pass.
const maxWallReuses = 8

// realNow is the run clock in real time.
func (s *sched) realNow() int64 {
	r := &s.read
	if r.uses == 0 || r.uses >= maxWallReuses || r.steps != s.steps {
		r.at, r.steps, r.uses = time.Since(s.start).Microseconds(), s.steps, 0
	}
	r.uses++
	return r.at
}

// clockMoved drops the last reading of the wall clock: the run waited.
func (s *sched) clockMoved() { s.read.uses = 0 }

// Spans a script gives saturate at maxSpan, and the run clock at clockEnd,
// so sums of a few of them never overflow.
const (
	maxSpan  = math.MaxInt64 / 4
	clockEnd = math.MaxInt64 / 2
)

// msToMicros converts a script's milliseconds to a clock span, saturating
// instead of overflowing and treating NaN and negatives as 0.
func msToMicros(ms float64) int64 {
	if !(ms > 0) {
		return 0
	}
	if ms >= maxSpan/1000 {
		return maxSpan
	}
	return int64(math.Round(ms * 1000))
}

// after returns the clock time d microseconds from now, saturating.
func (s *sched) after(d int64) int64 {
	n := s.now()
	if d > clockEnd-n {
		return clockEnd
	}
	return n + d
}

// timer calls fn when the run clock reaches when. Timers due at the same
// time fire in the order they were made.
type timer struct {
	when  int64
	seq   int64
	fn    func()
	index int // in the heap; -1 once fired or stopped
}

// addTimer schedules fn at clock time when.
func (s *sched) addTimer(when int64, fn func()) *timer {
	s.timerSeq++
	t := &timer{when: when, seq: s.timerSeq, fn: fn}
	s.timers.push(t)
	s.updateCheckAtIfRunning()
	return t
}

// stopTimer removes t if it has not fired yet.
func (s *sched) stopTimer(t *timer) {
	if t != nil && t.index >= 0 {
		s.timers.remove(t.index)
	}
}

// fireDue runs the callbacks of every timer that is due.
func (s *sched) fireDue() {
	now := s.now()
	for {
		t := s.timers.peek()
		if t == nil || t.when > now {
			return
		}
		s.timers.pop()
		t.fn()
	}
}

// idleUntil waits, with nobody runnable, until clock time when: a jump in
// virtual time, a real wait (cut short by cancellation or the wall-time
// limit) in real time.
func (s *sched) idleUntil(when int64) {
	if !s.opts.RealTime {
		if when > s.now() {
			s.base = when
			s.stepsBase = s.steps
		}
		return
	}
	s.clockMoved()
	now := s.now()
	d := time.Duration(when-now) * time.Microsecond
	if d <= 0 {
		return
	}
	if left := time.Duration(s.opts.WallTimeout) - time.Duration(now)*time.Microsecond; left < d {
		d = max(left, 0) + time.Millisecond
	}
	// The wait ends at wake whatever is done before it starts: the
	// batch delivered, the next run's set-up built.
	wake := s.start.Add(time.Duration(now)*time.Microsecond + d)
	s.sink.Flush()
	if time.Until(wake) >= aheadMinIdle {
		ahead.prepare(s.opts) // the next run's set-up, while this one waits
	}
	collectIfDue(time.Until(wake)) // rather than while goroutines start (idlegc.go)
	s.waitUntil(wake)
	s.clockMoved()
	// The wait let the event loop run (GOOS=js): the next pause for it
	// (platformPause) is due 50 ms from now, not from before the wait, when
	// it would hold up the goroutines that just woke.
	s.lastPause = time.Now()
}

// timerWait waits on a Go timer until wake, or until the run is kicked
// (cancelled, over a limit).
func (s *sched) timerWait(wake time.Time) {
	t := time.NewTimer(time.Until(wake))
	defer t.Stop()
	select {
	case <-t.C:
	case <-s.kick:
	}
}

func (s *sched) updateCheckAtIfRunning() {
	if s.cur != nil {
		s.updateCheckAt()
	}
}
