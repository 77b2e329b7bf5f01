package main

import (
	"strings"
	"sync"
	"time"

	"luaplay/luamod"
)

// Batching thresholds: a batch goes out when it holds batchItems items or
// when batchInterval has passed since the last one, so the page sees a long
// run progress without one message per event.
const (
	batchItems    = 500
	batchInterval = 50 * time.Millisecond
)

// batcher is the luamod.Sink of a browser run. It encodes events as they
// come (batchcodec.go), keeps output until the batch goes, and delivers
// batches in order. Its methods may be called from the run and from the
// ticker goroutine at once, hence the lock.
//
// It reads the clock once per batch, not per event: under GOOS=js every
// read is a call into JavaScript. A busy run still delivers on time,
// because the ticker goroutine runs whenever the run pauses for the event
// loop (luamod/pause_js.go).
type batcher struct {
	mu       sync.Mutex
	enc      *batchEncoder
	output   []pendingOutput
	items    int
	last     time.Time
	deliver  func([]byte) // must not keep the slice after it returns
	maxItems int
	interval time.Duration
}

// pendingOutput is text written to one stream since the last batch by one
// goroutine at one instant; consecutive writes of that writer at that
// instant are merged, so each chunk keeps its place on the timeline.
type pendingOutput struct {
	stream string
	g      int
	t      int64
	text   strings.Builder
}

func newBatcher(deliver func([]byte)) *batcher {
	return &batcher{enc: newBatchEncoder(), deliver: deliver, last: time.Now(), maxItems: batchItems, interval: batchInterval}
}

// Output buffers a chunk, merging it with the previous one when only the
// text differs.
func (b *batcher) Output(c luamod.OutputChunk) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if n := len(b.output); n > 0 {
		if last := &b.output[n-1]; last.stream == c.Stream && last.g == c.G && last.t == c.T {
			last.text.WriteString(c.Text)
			return
		}
	}
	b.output = append(b.output, pendingOutput{stream: c.Stream, g: c.G, t: c.T})
	b.output[len(b.output)-1].text.WriteString(c.Text)
	b.count()
}

// Event encodes one trace event into the pending batch. Nothing in it
// panics (deliver recovers from onBatch's exceptions), so it unlocks
// without a deferred call: it runs for every event.
func (b *batcher) Event(e luamod.Event) {
	b.mu.Lock()
	b.enc.event(&e)
	b.count()
	b.mu.Unlock()
}

// count notes one more item and delivers the batch when it is full.
func (b *batcher) count() {
	b.items++
	if b.items >= b.maxItems {
		b.flushLocked()
	}
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

func (b *batcher) flushLocked() {
	b.last = time.Now()
	for i := range b.output {
		o := &b.output[i]
		b.enc.output(luamod.OutputChunk{Stream: o.stream, Text: o.text.String(), G: o.g, T: o.t})
	}
	clear(b.output)
	b.output, b.items = b.output[:0], 0
	if data := b.enc.buf; len(data) > 0 {
		b.deliver(data)
		b.enc.buf = data[:0]
	}
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
