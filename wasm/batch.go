package main

import (
	"strings"

	"luaplay/luamod"
)

// batchItems is when a batch goes out: once it holds this many items, or
// when the run goes idle, ends or pauses for the event loop (about every
// 50 ms of a busy run, luamod/pause_js.go), so the page sees a long run
// progress without one message per event.
const batchItems = 500

// batcher is the luamod.Sink of a browser run. It encodes events as they
// come (batchcodec.go), keeps output until the batch goes, and delivers
// batches in order. Like every sink it is called by the run's goroutines
// one at a time (and by the session once the run has returned), so it
// needs no lock: under GOOS=js a lock's calls were a sixth of the cost of
// an event.
type batcher struct {
	enc      *batchEncoder
	output   []pendingOutput
	items    int
	deliver  func([]byte) // must not keep the slice after it returns
	maxItems int
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
	return &batcher{enc: newBatchEncoder(), deliver: deliver, maxItems: batchItems}
}

// Output buffers a chunk, merging it with the previous one when only the
// text differs.
func (b *batcher) Output(c luamod.OutputChunk) {
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

// Event encodes one trace event into the pending batch.
func (b *batcher) Event(e luamod.Event) {
	b.enc.event(&e)
	b.count()
}

// count notes one more item and delivers the batch when it is full.
func (b *batcher) count() {
	b.items++
	if b.items >= b.maxItems {
		b.Flush()
	}
}

// Pause delivers whatever is buffered: a busy run pauses for the event
// loop.
func (b *batcher) Pause() { b.Flush() }

var _ luamod.Pauser = (*batcher)(nil)

// Flush delivers whatever is buffered: the run went idle or ended.
func (b *batcher) Flush() {
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
