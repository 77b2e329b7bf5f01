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
	Trace  []Event
}

func (r *Recorder) Output(stream, text string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if stream == "stderr" {
		r.Stderr.WriteString(text)
	} else {
		r.Stdout.WriteString(text)
	}
	r.All.WriteString(text)
}

func (r *Recorder) Event(e Event) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.Trace = append(r.Trace, e)
}

func (r *Recorder) Flush() {}
