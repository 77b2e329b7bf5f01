//go:build js

package main

import (
	"slices"
	"syscall/js"
	"testing"
)

// Batches go out in the buffers put back on luaplay.buffers: a second
// run's batches reuse the first run's, their bytes still right.
func TestBatchesReuseBuffersPutBack(t *testing.T) {
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
	got := newBatches(t)
	back := []js.Value{first[0]} // the buffers put back so far
	fresh, sent := 0, 0
	check := js.FuncOf(func(this js.Value, a []js.Value) any {
		buf := a[0].Get("buffer")
		sent++
		if !slices.ContainsFunc(back, buf.Equal) {
			fresh++
		}
		res := got.fn.Invoke(a[0])
		back = append(back, buf)
		lp.Get("buffers").Call("push", buf) // as the worker does once the page has decoded it
		return res
	})
	defer check.Release()
	lp.Get("buffers").Call("push", first[0])
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
	// One batch larger than the buffer put back may take a new one.
	if fresh > 1 {
		t.Errorf("%d of the second run's %d batches went out in a new buffer, want at most 1", fresh, sent)
	}
}

// The pool takes only an ArrayBuffer large enough from the array; until
// one comes back, each batch has a buffer of its own size, and after, a
// new one of at least minBatchBuffer bytes.
func TestBufferPoolTakesOnlyBuffersItCanUse(t *testing.T) {
	p := newBufferPool()
	size := func(v js.Value) int { return v.Get("buffer").Get("byteLength").Int() }
	if v := p.view(70); size(v) != 70 || v.Length() != 70 {
		t.Errorf("before any buffer came back, a view of 70 bytes is over %d", size(v))
	}
	detached := arrayBuffer.New(64)
	js.Global().Call("structuredClone", detached, map[string]any{"transfer": []any{detached}})
	for _, junk := range []any{5, "buf", nil, js.Global().Get("Object").New(), uint8Array.New(64)} {
		p.arr.Call("push", junk)
		if v := p.view(10); size(v) != 10 {
			t.Errorf("after %v came back, a view of 10 bytes is over %d", junk, size(v))
		}
	}
	for _, small := range []js.Value{detached, arrayBuffer.New(8)} {
		p.arr.Call("push", small)
		if v := p.view(10); size(v) != minBatchBuffer {
			t.Errorf("after a buffer too small came back, a view of 10 bytes is over %d, want a new one of %d", size(v), minBatchBuffer)
		}
	}
	big := arrayBuffer.New(100)
	p.arr.Call("push", big)
	if v := p.view(80); !v.Get("buffer").Equal(big) || v.Length() != 80 || v.Get("byteOffset").Int() != 0 {
		t.Errorf("a view that fits the buffer put back is not its first 80 bytes")
	}
	if n := p.arr.Length(); n != 0 {
		t.Errorf("the array still holds %d values", n)
	}
}
