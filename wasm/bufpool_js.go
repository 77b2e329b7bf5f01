//go:build js

package main

import (
	"sync"
	"syscall/js"
)

// bufferPool sends batches in the ArrayBuffers that earlier batches went
// out in, once the page has decoded them and the worker has put them back
// on the bridge's buffers array. A new ArrayBuffer took 5 to 150 µs in
// Chromium's worker here, and a real-time run of 1,000 sleepers sends 14
// batches, most of them while its goroutines start and wake, which is the
// run's time. The array is JavaScript's, so that handing a buffer back is
// a push, not a call into Go (which runs the Go scheduler: more than a new
// buffer costs under Node).
type bufferPool struct {
	mu   sync.Mutex
	arr  js.Value // a JavaScript Array of ArrayBuffers
	used bool     // a buffer came back: the caller hands them back
}

// minBatchBuffer is a new buffer's least size once buffers come back, so
// that it fits the batches after it (one of 500 events takes about 8 KB).
const minBatchBuffer = 32 << 10

var arrayBuffer = js.Global().Get("ArrayBuffer")

func newBufferPool() *bufferPool {
	return &bufferPool{arr: js.Global().Get("Array").New()}
}

// view returns a Uint8Array of n bytes over the last buffer handed back,
// if it is one and large enough, or over a new one: of at least
// minBatchBuffer bytes once buffers come back, else of n (a caller that
// never hands one back pays for no more).
func (p *bufferPool) view(n int) js.Value {
	p.mu.Lock()
	defer p.mu.Unlock()
	if b := p.arr.Call("pop"); b.Type() == js.TypeObject && b.InstanceOf(arrayBuffer) {
		p.used = true
		if b.Get("byteLength").Int() >= n {
			return uint8Array.New(b, 0, n)
		}
	}
	if !p.used {
		return uint8Array.New(n)
	}
	return uint8Array.New(arrayBuffer.New(max(n, minBatchBuffer)), 0, n)
}
