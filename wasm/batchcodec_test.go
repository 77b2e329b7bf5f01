package main

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"flag"
	"os"
	"reflect"
	"strings"
	"testing"

	"luaplay/luamod"
)

var update = flag.Bool("update", false, "rewrite wasm/testdata/batches.*")

// sampleEvents use every field, strings past the table's bounds,
// non-ASCII text and a large jump of the clock. They are made by hand, not
// by a run, so that engine changes leave the golden files alone.
var sampleEvents = []luamod.Event{
	{T: 0, Kind: luamod.KindSpawn, G: 1, Name: "main"},
	{T: 0, Kind: luamod.KindStart, G: 1},
	{T: 4, Kind: luamod.KindName, G: 1, Name: "main ü"},
	{T: 11, Kind: luamod.KindSpawn, G: 2, Other: 1, Line: 4},
	{T: 14, Kind: luamod.KindBlock, G: 1, Line: 5, Reason: "chan receive", Object: "chan 1"},
	{T: 14, Kind: luamod.KindStart, G: 2},
	{T: 21, Kind: luamod.KindUnblock, G: 1, Other: 2},
	{T: 22, Kind: luamod.KindEnd, G: 2, Status: "ok"},
	{T: 22, Kind: luamod.KindRun, G: 1},
	{T: 22, Kind: luamod.KindRecv, G: 1, Other: 2, Object: "chan 1", From: 21},
	{T: 32, Kind: luamod.KindMark, G: 1, Line: 7, Name: "m ✓"},
	{T: 36, Kind: luamod.KindBlock, G: 1, Line: 8, Reason: "sleep"},
	{T: 1_000_000_000_036, Kind: luamod.KindUnblock, G: 1},
	{T: 1_000_000_000_036, Kind: luamod.KindRun, G: 1},
	{T: 1_000_000_000_048, Kind: luamod.KindSubmit, G: 1, Line: 10, Object: "pool p", Name: "p-1"},
	{T: 1_000_000_000_048, Kind: luamod.KindSpawn, G: 3, Other: 1, Line: 10, Name: "p worker 1", Group: "pool p"},
	{T: 1_000_000_000_050, Kind: luamod.KindTaskEnd, G: 3, Name: "p-1", Status: "error", Err: "main.lua:10: fail " + strings.Repeat("y", 80)},
	{T: 1_000_000_000_060, Kind: luamod.KindEnd, G: 3, Status: "error", Err: "main.lua:10: fail " + strings.Repeat("y", 80)},
	{T: 1_000_000_000_061, Kind: luamod.KindStuck, G: 1, Line: 12, Reason: "chan receive", Object: "chan 1"},
}

// TestBatchEncodingGolden sends sampleEvents and some output through a
// batcher that delivers every 7 items and compares the bytes with
// wasm/testdata/batches.bin, which web/test/batchcodec.test.ts decodes
// too, and the decoded batches with batches.json.
func TestBatchEncodingGolden(t *testing.T) {
	c := &collector{}
	var raw bytes.Buffer
	b := newBatcher(func(data []byte) {
		raw.Write(binary.AppendUvarint(nil, uint64(len(data))))
		raw.Write(data)
		c.deliver(data)
	})
	b.maxItems = 7
	for i, e := range sampleEvents {
		b.Event(e)
		switch i {
		case 9:
			b.Output(luamod.OutputChunk{Stream: "stdout", Text: "100\n", G: 1, T: 22})
			b.Output(luamod.OutputChunk{Stream: "stderr", Text: "[WARN] careful\n", G: 2, T: 22})
		case 10:
			b.Output(luamod.OutputChunk{Stream: "stderr", Text: "ünïcödé ✓\n", T: 1_000_000_000_061})
		}
	}
	b.Flush()
	if c.err != nil {
		t.Fatalf("decoding: %v", c.err)
	}
	if all := c.all(); !reflect.DeepEqual(all.Events, sampleEvents) {
		t.Fatalf("decoded events differ:\n%+v\n%+v", all.Events, sampleEvents)
	}
	decoded, err := json.MarshalIndent(c.batches, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		os.WriteFile("testdata/batches.bin", raw.Bytes(), 0o644)
		os.WriteFile("testdata/batches.json", append(decoded, '\n'), 0o644)
	}
	wantRaw, _ := os.ReadFile("testdata/batches.bin")
	wantJSON, _ := os.ReadFile("testdata/batches.json")
	if !bytes.Equal(raw.Bytes(), wantRaw) || string(decoded)+"\n" != string(wantJSON) {
		t.Fatal("batches differ from wasm/testdata/batches.{bin,json}; after an intended change run go test ./wasm -run BatchEncodingGolden -update")
	}
}

// TestBatchStringTableBounds checks strings that stay out of the table.
func TestBatchStringTableBounds(t *testing.T) {
	enc := newBatchEncoder()
	long := string(bytes.Repeat([]byte("z"), maxTableString+1))
	for range 2 {
		enc.event(&luamod.Event{Kind: luamod.KindMark, G: 1, Name: long})
	}
	for i := range maxTableSize + 5 {
		enc.event(&luamod.Event{Kind: luamod.KindMark, G: 1, Name: string(rune('a'+i%26)) + string(binary.AppendUvarint(nil, uint64(i)))})
	}
	if len(enc.table) != maxTableSize {
		t.Fatalf("table holds %d strings, want %d", len(enc.table), maxTableSize)
	}
	var d batchDecoder
	got, err := d.decode(enc.buf)
	if err != nil || len(got.Events) != maxTableSize+7 || got.Events[1].Name != long {
		t.Fatalf("decoded %d events, err %v", len(got.Events), err)
	}
}
