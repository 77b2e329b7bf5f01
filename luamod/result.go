package luamod

// Status is how a run ended (Result.Status), or how a goroutine or a pool
// task ended (the status of end and taskend events: ok, error or
// cancelled).
type Status string

// The statuses.
const (
	StatusOK        Status = "ok"        // every goroutine ended without error (leaks allowed)
	StatusError     Status = "error"     // the chunk, a goroutine or a task failed
	StatusDeadlock  Status = "deadlock"  // the main goroutine can never wake
	StatusLimit     Status = "limit"     // a run limit was exceeded
	StatusCancelled Status = "cancelled" // the caller stopped the run, or a goroutine was cancelled
)

// Statuses lists every Status, in the order above (web/src/trace.ts's
// RunStatus has the same names; a test checks), and EndStatuses those of
// end and taskend events (its EndStatus).
var (
	Statuses    = []Status{StatusOK, StatusError, StatusDeadlock, StatusLimit, StatusCancelled}
	EndStatuses = []Status{StatusOK, StatusError, StatusCancelled}
)

// Result is what a run ends with. Output and events were streamed to the Sink
// while the run went on; the Result sums them up.
type Result struct {
	Status Status           `json:"status"`
	Error  string           `json:"error,omitempty"` // first error, with file:line where known
	Line   int              `json:"line,omitempty"`  // line of that error
	Errors []GoroutineError `json:"errors,omitempty"`
	Stuck  []Stuck          `json:"stuck,omitempty"` // deadlocked or leaked goroutines
	// Running are the goroutines still running when the grace period
	// after the end of main was over; the run stopped them.
	Running []Stuck `json:"running,omitempty"`
	Stats   Stats   `json:"stats"`
}

// OK reports whether the run succeeded (a leak report is only a warning).
func (r Result) OK() bool { return r.Status == StatusOK }

// GoroutineError is an error that ended one goroutine.
type GoroutineError struct {
	G         int    `json:"g"`
	Name      string `json:"name,omitempty"`
	Message   string `json:"message"`
	Line      int    `json:"line,omitempty"`
	Traceback string `json:"traceback,omitempty"`
}

// Stuck names a goroutine that can never wake (or, in Result.Running, that
// was stopped), what it waits on or does, and where.
type Stuck struct {
	G      int    `json:"g"`
	Name   string `json:"name,omitempty"`
	Reason Reason `json:"reason"`
	Object string `json:"obj,omitempty"`
	Line   int    `json:"line,omitempty"`
}

// Stats are a run's totals. Speedup is how much longer the same work would
// take one goroutine after another: the goroutines' lifetimes, less the
// time each waited for another goroutine to wake it (waiting for the clock
// counts as work: sleeps stand in for I/O), summed, over the run's length.
type Stats struct {
	Goroutines int     `json:"goroutines"` // created, main included
	PeakAlive  int     `json:"peakAlive"`
	Clock      int64   `json:"clock"` // run-clock length, microseconds
	Wall       int64   `json:"wall"`  // wall time, microseconds
	Speedup    float64 `json:"speedup"`
	Events     int     `json:"events"`
	Output     int     `json:"output"` // bytes
}

// OutputChunk is text a run wrote to one stream, with the goroutine that
// wrote it and the run-clock time, so a page can tie each line of output to
// its place on the timeline.
type OutputChunk struct {
	Stream string `json:"stream"` // "stdout" or "stderr"
	Text   string `json:"text"`
	G      int    `json:"g,omitempty"` // the writing goroutine; 0 for the run's own reports once none runs
	T      int64  `json:"t"`           // run clock, microseconds
}

// Sink receives what a run produces while it goes on. Its methods are called
// by the goroutine that holds the run token, one at a time; they must not
// block for long and must not call back into the run.
type Sink interface {
	Output(c OutputChunk)
	Event(e Event)
	Flush() // the run goes idle or ends: deliver what is buffered
}

// Pauser is a Sink that is also told when a busy run pauses for the
// event loop (under GOOS=js, about every 50 ms), so that it can deliver
// what it holds while the run goes on: the browser's batcher does. A
// Recorder does not: its Flush copies the trace so far into one slice.
type Pauser interface {
	Pause()
}
