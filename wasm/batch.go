package main

import (
	"sync"
	"time"

	"luaplay/luamod"
)

// Batch is what the bridge hands to the page's onBatch callback, as JSON:
// the output written and the trace events recorded since the last batch, in
// the order they happened.
type Batch struct {
	Output []OutputChunk  `json:"output,omitempty"`
	Events []luamod.Event `json:"events,omitempty"`
}

// OutputChunk is a run of text written to one stream. Consecutive writes to
// the same stream are merged into one chunk.
type OutputChunk struct {
	Stream string `json:"stream"` // "stdout" or "stderr"
	Text   string `json:"text"`
}

// Batching thresholds: a batch goes out when it holds batchItems items or
// when batchInterval has passed since the last one, so the page sees a long
// run progress without one message per event.
const (
	batchItems    = 500
	batchInterval = 50 * time.Millisecond
)

// batcher is the luamod.Sink of a browser run. It buffers output and events
// and delivers them in batches. Its methods may be called from the run and
// from the ticker goroutine at once; delivery happens under the lock, so
// batches arrive in order.
type batcher struct {
	mu       sync.Mutex
	pending  Batch
	items    int
	last     time.Time
	deliver  func(Batch)
	maxItems int
	interval time.Duration
}

func newBatcher(deliver func(Batch)) *batcher {
	return &batcher{deliver: deliver, last: time.Now(), maxItems: batchItems, interval: batchInterval}
}

// Output buffers text, merging it with the previous chunk of the same stream.
func (b *batcher) Output(stream, text string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	out := b.pending.Output
	if n := len(out); n > 0 && out[n-1].Stream == stream {
		out[n-1].Text += text
	} else {
		b.pending.Output = append(out, OutputChunk{Stream: stream, Text: text})
		b.items++
	}
	b.flushIfDueLocked()
}

// Event buffers one trace event.
func (b *batcher) Event(e luamod.Event) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.pending.Events = append(b.pending.Events, e)
	b.items++
	b.flushIfDueLocked()
}

// Flush delivers whatever is buffered: the run went idle or ended.
func (b *batcher) Flush() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.flushLocked()
}

// tick delivers the buffer when the interval has passed; the ticker goroutine
// calls it so output written before a long silent computation still shows.
func (b *batcher) tick() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if time.Since(b.last) >= b.interval {
		b.flushLocked()
	}
}

func (b *batcher) flushIfDueLocked() {
	if b.items >= b.maxItems || time.Since(b.last) >= b.interval {
		b.flushLocked()
	}
}

func (b *batcher) flushLocked() {
	b.last = time.Now()
	if len(b.pending.Output) == 0 && len(b.pending.Events) == 0 {
		return
	}
	batch := b.pending
	b.pending, b.items = Batch{}, 0
	b.deliver(batch)
}

// runTicker calls tick every interval until stop is closed.
func (b *batcher) runTicker(stop <-chan struct{}) {
	t := time.NewTicker(b.interval)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
			b.tick()
		}
	}
}
