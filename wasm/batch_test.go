package main

import (
	"reflect"
	"testing"

	"luaplay/luamod"
)

// collect returns a batcher and the batches it delivered, decoded.
func collect(maxItems int) (*batcher, *[]Batch) {
	c := &collector{}
	b := newBatcher(c.deliver)
	b.maxItems = maxItems
	return b, &c.batches
}

// out is a chunk of output from goroutine g at time t.
func out(stream, text string, g int, t int64) luamod.OutputChunk {
	return luamod.OutputChunk{Stream: stream, Text: text, G: g, T: t}
}

func TestBatcherMergesOutputOfOneWriter(t *testing.T) {
	b, got := collect(100)
	b.Output(out("stdout", "a", 1, 5))
	b.Output(out("stdout", "b", 1, 5))
	b.Output(out("stderr", "c", 1, 5))
	b.Event(luamod.Event{Kind: luamod.KindMark, G: 1})
	b.Output(out("stderr", "d", 1, 5))
	b.Output(out("stderr", "e", 2, 5)) // another goroutine
	b.Output(out("stderr", "f", 2, 9)) // later
	b.Flush()
	b.Flush() // nothing pending: no empty batch
	want := []Batch{{
		Output: []luamod.OutputChunk{out("stdout", "ab", 1, 5), out("stderr", "cd", 1, 5), out("stderr", "e", 2, 5), out("stderr", "f", 2, 9)},
		Events: []luamod.Event{{Kind: luamod.KindMark, G: 1}},
	}}
	if !reflect.DeepEqual(*got, want) {
		t.Fatalf("got %+v, want %+v", *got, want)
	}
}

func TestBatcherFlushesAtItemLimit(t *testing.T) {
	b, got := collect(3)
	for i := range 7 {
		b.Event(luamod.Event{T: int64(i), Kind: luamod.KindRun, G: 1})
	}
	if len(*got) != 2 || len((*got)[0].Events) != 3 || len((*got)[1].Events) != 3 {
		t.Fatalf("got %d batches %+v, want two of 3 events", len(*got), *got)
	}
	b.Flush()
	if len(*got) != 3 || (*got)[2].Events[0].T != 6 {
		t.Fatalf("last batch %+v, want the 7th event", (*got)[len(*got)-1])
	}
}
