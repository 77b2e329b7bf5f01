package luamod

import (
	"strings"
	"sync"
)

// Recorder is a Sink that keeps everything: the native runner and the tests
// use it. It is safe to read after Run returns.
type Recorder struct {
	mu     sync.Mutex
	Stdout strings.Builder
	Stderr strings.Builder
	All    strings.Builder // both streams, interleaved as written
	Chunks []OutputChunk   // every write, with its goroutine and time
	Trace  []Event
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
	r.Trace = append(r.Trace, e)
}

func (r *Recorder) Flush() {}
