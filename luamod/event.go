package luamod

// TraceVersion is the version of the trace format below. It changes whenever
// a field or kind changes meaning, so saved traces can be read safely.
const TraceVersion = 1

// Event is one entry of a run's trace: the single wire type shared by the
// engine, the native runner, the browser bridge and the timeline
// (web/src/trace.ts mirrors it field for field).
//
// Format. A trace is a JSON object
//
//	{"version": 1, "clock": "virtual"|"real", "events": [Event, ...]}
//
// and each Event is a JSON object with these fields (zero values are omitted):
//
//	t      run-clock time in microseconds (virtual or real, see Trace.Clock)
//	k      the kind, one of the Kind constants below
//	g      the goroutine the event is about (main is 1)
//	o      the other goroutine: parent for spawn, waker for unblock,
//	       awaited goroutine for await, sender for recv, the holder of
//	       the mutex a stuck goroutine waits on (its wait-for chain)
//	line   source line in the script, where one applies
//	reason why a goroutine blocks: one of the Reason constants below
//	obj    the object involved: "chan 3", "wg 1", "pool work", "mutex 2", ...
//	name   goroutine name (spawn, name), mark label, task id (submit, task)
//	group  the pool or sloth-runner task a goroutine belongs to (spawn)
//	status how a goroutine ended: StatusOK, StatusError, StatusCancelled
//	err    error message (end with status error or cancelled)
//	from   for recv: run-clock time at which the value was sent, so the
//	       handoff arrow goes from (o, from) to (g, t)
//
// Events are in the order they happened; t never decreases. Under virtual
// time the same script and seed give the same events, byte for byte.
type Event struct {
	T      int64  `json:"t"`
	Kind   Kind   `json:"k"`
	G      int    `json:"g"`
	Other  int    `json:"o,omitempty"`
	Line   int    `json:"line,omitempty"`
	Reason Reason `json:"reason,omitempty"`
	Object string `json:"obj,omitempty"`
	Name   string `json:"name,omitempty"`
	Group  string `json:"group,omitempty"`
	Status Status `json:"status,omitempty"`
	Err    string `json:"err,omitempty"`
	From   int64  `json:"from,omitempty"`
}

// Kind names what an Event records.
type Kind string

// The event kinds. A goroutine's state follows from them: spawn makes it
// runnable, start and run make it running, block makes it blocked (sleeping
// when the reason is sleep), unblock and preempt make it runnable again, end
// finishes it, and stuck marks it as never waking (deadlock or leak) until the
// end of the run.
const (
	KindSpawn   Kind = "spawn"   // g created by o at line; name, group
	KindStart   Kind = "start"   // g runs for the first time
	KindRun     Kind = "run"     // g gets the run token again
	KindPreempt Kind = "preempt" // g used its quantum and waits for the token
	KindBlock   Kind = "block"   // g waits: reason, obj, line
	KindUnblock Kind = "unblock" // g may run again, woken by o (0: the clock or the runtime)
	KindEnd     Kind = "end"     // g ended: status, err
	KindAwait   Kind = "await"   // g awaits goroutine o at line
	KindSubmit  Kind = "submit"  // g submitted task name to pool obj at line
	KindTask    Kind = "task"    // worker g starts task name of pool obj
	KindTaskEnd Kind = "taskend" // worker g finished task name: status, err
	KindRecv    Kind = "recv"    // g received on obj a value sent by o at time from
	KindMark    Kind = "mark"    // g annotated the timeline with name
	KindName    Kind = "name"    // g is now called name
	KindStuck   Kind = "stuck"   // g can never wake: reason, obj, line; o holds the mutex it waits on
)

// Kinds lists every Kind, in the order above (web/src/trace.ts's
// EventKind has the same names; a test checks).
var Kinds = []Kind{KindSpawn, KindStart, KindRun, KindPreempt, KindBlock, KindUnblock, KindEnd,
	KindAwait, KindSubmit, KindTask, KindTaskEnd, KindRecv, KindMark, KindName, KindStuck}

// Reason says why a goroutine waits: in block and stuck events, and in the
// reports (Stuck). OnClock tells the waits that only the clock ends.
type Reason string

// The reasons a goroutine blocks.
const (
	ReasonSleep       Reason = "sleep"        // goroutine.sleep
	ReasonChanSend    Reason = "chan send"    // a send on a full or unbuffered channel
	ReasonChanReceive Reason = "chan receive" // a receive on an empty channel
	ReasonSelect      Reason = "select"       // a select with no case ready
	ReasonAwait       Reason = "await"        // await, await_all
	ReasonTimeout     Reason = "timeout"      // goroutine.timeout, waiting for its function
	ReasonWaitGroup   Reason = "wait group"   // wg:wait
	ReasonMutex       Reason = "mutex"        // mutex:lock, and a second once:call
	ReasonRWMutex     Reason = "rwmutex"      // rwmutex:lock and rlock
	ReasonSemaphore   Reason = "semaphore"    // semaphore:acquire
	ReasonCond        Reason = "cond"         // cond:wait
	ReasonContext     Reason = "context"      // a receive on ctx:done()
	ReasonPoolWait    Reason = "pool wait"    // pool_wait
	ReasonPoolRate    Reason = "pool rate"    // a pool worker held back by the pool's rate
	ReasonHTTP        Reason = "http"         // a simulated http request
	ReasonExec        Reason = "exec"         // a simulated exec.run
)

// What the reports say of a goroutine that was not waiting when a limit,
// the caller or the grace period stopped the run.
const (
	ReasonRunning  Reason = "running"
	ReasonRunnable Reason = "runnable"
)

// Reasons lists every Reason a block or stuck event carries, in the order
// above (web/src/trace.ts's BlockReason has the same names; a test checks).
var Reasons = []Reason{ReasonSleep, ReasonChanSend, ReasonChanReceive, ReasonSelect, ReasonAwait,
	ReasonTimeout, ReasonWaitGroup, ReasonMutex, ReasonRWMutex, ReasonSemaphore, ReasonCond,
	ReasonContext, ReasonPoolWait, ReasonPoolRate, ReasonHTTP, ReasonExec}

// OnClock reports whether only the clock ends this wait (a sleep, a rate
// limit, simulated I/O): the timeline shows it as sleeping, not blocked.
func (r Reason) OnClock() bool {
	switch r {
	case ReasonSleep, ReasonPoolRate, ReasonHTTP, ReasonExec:
		return true
	}
	return false
}

// Trace is a whole run's event stream with its header, as the native runner
// writes it with -trace and the page exports it.
type Trace struct {
	Version int     `json:"version"`
	Clock   string  `json:"clock"`
	Events  []Event `json:"events"`
}
