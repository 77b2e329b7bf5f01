package main

import (
	"encoding/binary"
	"unsafe"

	"luaplay/luamod"
)

// The batch encoding: what the bridge hands to onBatch as a Uint8Array,
// decoded once by the page (web/src/batchcodec.ts mirrors this file).
// JSON made every event cost a reflection walk and about 400 bytes; here
// an event is a few bytes and the strings it repeats ("chan receive",
// "chan 3") cross once per run.
//
// A batch is a sequence of records. Numbers are unsigned LEB128 varints
// ("uv"); signed ones are zigzag-encoded first ("sv"). A string is uv n,
// then
//
//	n = 0: uv length and the UTF-8 bytes; it joins the run's string table
//	n = 1: uv length and the UTF-8 bytes, not kept
//	n ≥ 2: entry n-2 of the run's string table
//
// The table belongs to one run: the encoder and decoder start it empty and
// both append the n = 0 strings in the order they appear.
//
// Records start with a uv tag:
//
//	recOutput: uv flags (bit 0: stderr), uv g (the writing goroutine, 0
//	           for the run's own reports), uv t (run clock, µs), uv
//	           length, the text's bytes
//	recEvent:  string kind, sv t less the previous event's t (0 before
//	           the first), uv g, uv mask, then for each bit of the mask
//	           that is set, in this order: uv o, uv line, string reason,
//	           string obj, string name, string group, string status,
//	           string err, sv t less from.
const (
	recOutput = 1
	recEvent  = 2
)

// Event fields present, bits of an event record's mask.
const (
	hasOther = 1 << iota
	hasLine
	hasReason
	hasObject
	hasName
	hasGroup
	hasStatus
	hasErr
	hasFrom
)

// Bounds of the string table: short strings repeat (kinds, reasons,
// objects, names); long ones are mostly one-off messages.
const (
	maxTableString = 64
	maxTableSize   = 1 << 14
)

// batchEncoder writes one run's batches. It keeps the string table and
// the last event time between batches.
type batchEncoder struct {
	buf   []byte
	table map[string]int
	seen  [seenSlots]seenString
	lastT int64
}

// seenSlots is the size of the encoder's cache of table strings by
// address. An event's strings are mostly the very same strings again (a
// kind, a channel's name): finding them by address skips hashing their
// bytes, which under GOOS=js, without the CPU's hash instructions, was
// most of the cost of encoding an event.
const seenSlots = 256

// seenString is a table string at an address, with its table index.
type seenString struct {
	p   *byte
	n   int
	idx int
}

func newBatchEncoder() *batchEncoder {
	return &batchEncoder{table: map[string]int{}}
}

// output appends a recOutput record.
func (e *batchEncoder) output(c luamod.OutputChunk) {
	var flags uint64
	if c.Stream == "stderr" {
		flags = 1
	}
	e.uv(recOutput)
	e.uv(flags)
	e.uv(uint64(c.G))
	e.uv(uint64(max(c.T, 0)))
	e.bytes(c.Text)
}

// event appends a recEvent record.
func (e *batchEncoder) event(ev *luamod.Event) {
	e.uv(recEvent)
	e.str(string(ev.Kind))
	e.uv(zigzag(ev.T - e.lastT))
	e.lastT = ev.T
	e.uv(uint64(ev.G))
	mask := eventMask(ev)
	e.uv(mask)
	if mask&hasOther != 0 {
		e.uv(uint64(ev.Other))
	}
	if mask&hasLine != 0 {
		e.uv(uint64(ev.Line))
	}
	if mask&hasReason != 0 {
		e.str(string(ev.Reason))
	}
	if mask&hasObject != 0 {
		e.str(ev.Object)
	}
	if mask&hasName != 0 {
		e.str(ev.Name)
	}
	if mask&hasGroup != 0 {
		e.str(ev.Group)
	}
	if mask&hasStatus != 0 {
		e.str(string(ev.Status))
	}
	if mask&hasErr != 0 {
		e.str(ev.Err)
	}
	if mask&hasFrom != 0 {
		e.uv(zigzag(ev.T - ev.From))
	}
}

// eventMask is the mask of ev's fields that are present. It, uv and
// zigzag are small enough to be inlined into event (the page's wasm
// inlines this package, see cmd/sitebuild): encoding runs for every
// event, and in wasm a call costs more than the work of most of them.
func eventMask(ev *luamod.Event) uint64 {
	var mask uint64
	if ev.Other != 0 {
		mask |= hasOther
	}
	if ev.Line != 0 {
		mask |= hasLine
	}
	if ev.Reason != "" {
		mask |= hasReason
	}
	if ev.Object != "" {
		mask |= hasObject
	}
	if ev.Name != "" {
		mask |= hasName
	}
	if ev.Group != "" {
		mask |= hasGroup
	}
	if ev.Status != "" {
		mask |= hasStatus
	}
	if ev.Err != "" {
		mask |= hasErr
	}
	if ev.From != 0 {
		mask |= hasFrom
	}
	return mask
}

// uv appends v; most numbers (tags, table indexes, small ids) take one byte.
func (e *batchEncoder) uv(v uint64) {
	if v < 0x80 {
		e.buf = append(e.buf, byte(v))
		return
	}
	e.buf = binary.AppendUvarint(e.buf, v)
}

// zigzag maps v to the unsigned number an "sv" is written as, as
// binary.AppendVarint does: 0, -1, 1, -2, ... to 0, 1, 2, 3, ....
func zigzag(v int64) uint64 { return uint64(v<<1) ^ uint64(v>>63) }

func (e *batchEncoder) bytes(s string) {
	e.uv(uint64(len(s)))
	e.buf = append(e.buf, s...)
}

func (e *batchEncoder) str(s string) {
	p := unsafe.StringData(s)
	slot := &e.seen[(uintptr(unsafe.Pointer(p))>>3^uintptr(len(s)))%seenSlots]
	if slot.p == p && slot.n == len(s) && p != nil {
		e.uv(uint64(slot.idx) + 2)
		return
	}
	if i, ok := e.table[s]; ok {
		*slot = seenString{p, len(s), i}
		e.uv(uint64(i) + 2)
		return
	}
	if len(s) <= maxTableString && len(e.table) < maxTableSize {
		e.table[s] = len(e.table)
		*slot = seenString{p, len(s), e.table[s]}
		e.uv(0)
	} else {
		e.uv(1)
	}
	e.bytes(s)
}
