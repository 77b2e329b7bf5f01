//go:build js

package main

import (
	"sync"
	"syscall/js"
)

// bufferPool keeps the ArrayBuffers that batches went out in and the page
// handed back (recycle) once it had decoded them, for the batches after
// them. A new ArrayBuffer cost 5 to 150 µs in Chromium's worker here, and
// a real-time run of 1,000 sleepers sends 14 batches, most of them while
// its goroutines start and wake, which is the run's time.
type bufferPool struct {
	mu   sync.Mutex
	free []pooledBuffer
}

type pooledBuffer struct {
	buf  js.Value // an ArrayBuffer
	size int
}

const (
	// minBatchBuffer is a new buffer's least size, so that it fits the
	// batches after it (one of 500 events takes about 8 KB).
	minBatchBuffer = 32 << 10
	// maxPooledBuffer is the largest buffer kept: a batch of long output
	// lines takes a buffer as large, which is not kept.
	maxPooledBuffer = 1 << 20
	// maxPooled bounds the buffers kept: the worker's flow control lets
	// 16 batches be in flight at once.
	maxPooled = 32
)

var arrayBuffer = js.Global().Get("ArrayBuffer")

// view returns a Uint8Array of n bytes over a kept buffer large enough,
// or over a new one.
func (p *bufferPool) view(n int) js.Value {
	p.mu.Lock()
	for i := len(p.free) - 1; i >= 0; i-- {
		if b := p.free[i]; b.size >= n {
			p.free[i] = p.free[len(p.free)-1]
			p.free[len(p.free)-1] = pooledBuffer{}
			p.free = p.free[:len(p.free)-1]
			p.mu.Unlock()
			return uint8Array.New(b.buf, 0, n)
		}
	}
	p.mu.Unlock()
	return uint8Array.New(arrayBuffer.New(max(n, minBatchBuffer)), 0, n)
}

// recycle keeps buf, a batch's ArrayBuffer handed back, unless it is not
// one, was detached, is too large or the pool is full.
func (p *bufferPool) recycle(buf js.Value) {
	if buf.Type() != js.TypeObject || !buf.InstanceOf(arrayBuffer) {
		return
	}
	size := buf.Get("byteLength").Int()
	if size == 0 || size > maxPooledBuffer {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.free) < maxPooled {
		p.free = append(p.free, pooledBuffer{buf, size})
	}
}

// kept is how many buffers the pool holds.
func (p *bufferPool) kept() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.free)
}
