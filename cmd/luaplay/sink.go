package main

import (
	"io"

	"luaplay/luamod"
)

// streamSink writes the script's output as it is produced, stdout to
// stdout and stderr to stderr, and keeps the events when a trace file was
// asked for. The run calls it from one goroutine at a time.
type streamSink struct {
	stdout, stderr io.Writer
	keep           bool
	events         luamod.EventLog
	wroteErr       bool  // the engine reported something on stderr
	writeErr       error // the first failed write
}

func (s *streamSink) Output(c luamod.OutputChunk) {
	w := s.stdout
	if c.Stream == "stderr" {
		w, s.wroteErr = s.stderr, true
	}
	if _, err := io.WriteString(w, c.Text); err != nil && s.writeErr == nil {
		s.writeErr = err
	}
}

func (s *streamSink) Event(e luamod.Event) {
	if s.keep {
		s.events.Add(e)
	}
}

// Flush does nothing: Output writes through at once.
func (s *streamSink) Flush() {}

func (s *streamSink) err() error { return s.writeErr }

// trace is the kept events with their header.
func (s *streamSink) trace(realTime bool) luamod.Trace {
	clock := "virtual"
	if realTime {
		clock = "real"
	}
	events := s.events.Drain(make([]luamod.Event, 0, s.events.Len()))
	return luamod.Trace{Version: luamod.TraceVersion, Clock: clock, Events: events}
}
