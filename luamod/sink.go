package luamod

import (
	"strings"
	"sync"
)

// Recorder is a Sink that keeps everything: the tests and the benchmarks
// use it. It is safe to read after Run returns: events reach Trace when the
// run flushes its sink (when it goes idle and when it ends).
type Recorder struct {
	mu     sync.Mutex
	Stdout strings.Builder
	Stderr strings.Builder
	All    strings.Builder // both streams, interleaved as written
	Chunks []OutputChunk   // every write, with its goroutine and time
	Trace  []Event
	log    EventLog // events since the last Flush
}

func (r *Recorder) Output(c OutputChunk) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if c.Stream == "stderr" {
		r.Stderr.WriteString(c.Text)
	} else {
		r.Stdout.WriteString(c.Text)
	}
	r.All.WriteString(c.Text)
	r.Chunks = append(r.Chunks, c)
}

func (r *Recorder) Event(e Event) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.log.Add(e)
}

func (r *Recorder) Flush() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.Trace = r.log.Drain(r.Trace)
}
