package main

import (
	"encoding/binary"
	"fmt"

	"luaplay/luamod"
)

// Batch is a decoded batch: what web/src/batchcodec.ts makes of one in
// the worker.
type Batch struct {
	Output []luamod.OutputChunk `json:"output,omitempty"`
	Events []luamod.Event       `json:"events,omitempty"`
}

// batchDecoder reads one run's batches, the reference for the TypeScript
// decoder.
type batchDecoder struct {
	table []string
	lastT int64
	data  []byte
	err   error
}

// decode reads one batch.
func (d *batchDecoder) decode(data []byte) (Batch, error) {
	d.data, d.err = data, nil
	var b Batch
	for len(d.data) > 0 && d.err == nil {
		switch tag := d.uv(); tag {
		case recOutput:
			flags := d.uv()
			c := luamod.OutputChunk{Stream: "stdout", G: int(d.uv()), T: int64(d.uv())}
			c.Text = d.bytes()
			if flags&1 != 0 {
				c.Stream = "stderr"
			}
			b.Output = append(b.Output, c)
		case recEvent:
			b.Events = append(b.Events, d.event())
		default:
			d.fail(fmt.Errorf("unknown record tag %d", tag))
		}
	}
	return b, d.err
}

func (d *batchDecoder) event() luamod.Event {
	e := luamod.Event{Kind: luamod.Kind(d.str())}
	e.T = d.lastT + d.sv()
	d.lastT = e.T
	e.G = int(d.uv())
	mask := d.uv()
	if mask&hasOther != 0 {
		e.Other = int(d.uv())
	}
	if mask&hasLine != 0 {
		e.Line = int(d.uv())
	}
	var s [6]string
	for i := range s {
		if mask&(hasReason<<i) != 0 {
			s[i] = d.str()
		}
	}
	e.Reason, e.Object, e.Name, e.Group, e.Status, e.Err = luamod.Reason(s[0]), s[1], s[2], s[3], luamod.Status(s[4]), s[5]
	if mask&hasFrom != 0 {
		e.From = e.T - d.sv()
	}
	return e
}

func (d *batchDecoder) fail(err error) {
	if d.err == nil {
		d.err = err
	}
	d.data = nil
}

func (d *batchDecoder) uv() uint64 {
	v, n := binary.Uvarint(d.data)
	if n <= 0 {
		d.fail(fmt.Errorf("bad varint"))
		return 0
	}
	d.data = d.data[n:]
	return v
}

func (d *batchDecoder) sv() int64 {
	v, n := binary.Varint(d.data)
	if n <= 0 {
		d.fail(fmt.Errorf("bad varint"))
		return 0
	}
	d.data = d.data[n:]
	return v
}

func (d *batchDecoder) bytes() string {
	n := d.uv()
	if n > uint64(len(d.data)) {
		d.fail(fmt.Errorf("string of %d bytes past the end", n))
		return ""
	}
	s := string(d.data[:n])
	d.data = d.data[n:]
	return s
}

func (d *batchDecoder) str() string {
	switch n := d.uv(); n {
	case 0:
		s := d.bytes()
		d.table = append(d.table, s)
		return s
	case 1:
		return d.bytes()
	default:
		if n-2 >= uint64(len(d.table)) {
			d.fail(fmt.Errorf("string %d not in the table", n-2))
			return ""
		}
		return d.table[n-2]
	}
}

// collector decodes and keeps every batch a run delivers.
type collector struct {
	dec     batchDecoder
	batches []Batch
	err     error
}

func (c *collector) deliver(data []byte) {
	b, err := c.dec.decode(data)
	if err != nil && c.err == nil {
		c.err = err
	}
	c.batches = append(c.batches, b)
}

// all is every batch's output and events, in order.
func (c *collector) all() Batch {
	var all Batch
	for _, b := range c.batches {
		all.Output = append(all.Output, b.Output...)
		all.Events = append(all.Events, b.Events...)
	}
	return all
}
