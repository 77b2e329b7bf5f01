//go:build js

package main

import (
	"syscall/js"
	"testing"
)

// Batches go out in the buffers the page handed back: a second run's
// batches reuse the first run's, their bytes still right.
func TestBatchesReuseRecycledBuffers(t *testing.T) {
	var b bridge
	target := js.Global().Get("Object").New()
	t.Cleanup(b.install(target, "luaplay"))
	lp := target.Get("luaplay")
	src := `for i = 1, 400 do goroutine.spawn(function() end) end print("done")`
	var first []js.Value
	keep := js.FuncOf(func(_ js.Value, a []js.Value) any {
		first = append(first, a[0].Get("buffer"))
		return nil
	})
	defer keep.Release()
	if _, err := await(t, lp.Call("run", src, nil, keep)); err != nil {
		t.Fatal(err)
	}
	if len(first) < 2 {
		t.Fatalf("the run sent %d batches, want several", len(first))
	}
	for _, buf := range first {
		lp.Call("recycle", buf)
	}
	if n := b.buffers.kept(); n != len(first) {
		t.Fatalf("the pool keeps %d of %d buffers handed back", n, len(first))
	}
	got := newBatches(t)
	reused := 0
	check := js.FuncOf(func(this js.Value, a []js.Value) any {
		for _, buf := range first {
			if a[0].Get("buffer").Equal(buf) {
				reused++
			}
		}
		return got.fn.Invoke(a[0])
	})
	defer check.Release()
	v, err := await(t, lp.Call("run", src, nil, check))
	if err != nil {
		t.Fatal(err)
	}
	res := decodeResult(t, v)
	got.mu.Lock()
	defer got.mu.Unlock()
	if text(got.all, "stdout") != "done\n" || len(got.all.Events) != res.Stats.Events {
		t.Fatalf("got stdout %q and %d events, result %+v", text(got.all, "stdout"), len(got.all.Events), res)
	}
	if reused != len(first) {
		t.Errorf("%d of the second run's batches reused a buffer, want %d", reused, len(first))
	}
}

// recycle ignores what is not a batch's buffer, and keeps no more than
// maxPooled, none larger than maxPooledBuffer.
func TestRecycleKeepsOnlyBuffersItCanUse(t *testing.T) {
	var p bufferPool
	detached := arrayBuffer.New(64)
	js.Global().Call("structuredClone", detached, map[string]any{"transfer": []any{detached}})
	for _, v := range []js.Value{js.ValueOf(5), js.ValueOf("buf"), js.Null(), js.Global().Get("Object").New(),
		uint8Array.New(64), detached, arrayBuffer.New(maxPooledBuffer + 1)} {
		p.recycle(v)
	}
	if n := p.kept(); n != 0 {
		t.Fatalf("the pool kept %d values that are not buffers it can use", n)
	}
	for range maxPooled + 5 {
		p.recycle(arrayBuffer.New(100))
	}
	if n := p.kept(); n != maxPooled {
		t.Fatalf("the pool keeps %d buffers, want at most %d", n, maxPooled)
	}
	if v := p.view(200); v.Get("buffer").Get("byteLength").Int() != minBatchBuffer || v.Length() != 200 {
		t.Errorf("a view larger than every kept buffer is over %d bytes, %d long", v.Get("buffer").Get("byteLength").Int(), v.Length())
	}
	if v := p.view(80); v.Get("buffer").Get("byteLength").Int() != 100 || v.Length() != 80 || p.kept() != maxPooled-1 {
		t.Errorf("a view that fits a kept buffer is not over it")
	}
}
