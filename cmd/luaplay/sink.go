package main

import (
	"io"
	"sync"

	"luaplay/luamod"
)

// streamSink writes the script's output as it is produced, stdout to
// stdout and stderr to stderr, and keeps the events when a trace file was
// asked for. The run calls it from one goroutine at a time; the lock
// orders those calls against abandon and trace, which the runner calls
// while an abandoned run may still be inside an instruction.
type streamSink struct {
	mu             sync.Mutex
	abandoned      bool // the runner stopped waiting: drop what comes later
	stdout, stderr io.Writer
	keep           bool
	events         luamod.EventLog
	wroteErr       bool  // the engine reported something on stderr
	writeErr       error // the first failed write
}

func (s *streamSink) Output(c luamod.OutputChunk) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.abandoned {
		return
	}
	w := s.stdout
	if c.Stream == "stderr" {
		w, s.wroteErr = s.stderr, true
	}
	if _, err := io.WriteString(w, c.Text); err != nil && s.writeErr == nil {
		s.writeErr = err
	}
}

// Event keeps e when a trace file was asked for; keep never changes, so
// a run without one takes no lock per event.
func (s *streamSink) Event(e luamod.Event) {
	if !s.keep {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.abandoned {
		s.events.Add(e)
	}
}

// Flush does nothing: Output writes through at once.
func (s *streamSink) Flush() {}

func (s *streamSink) err() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.writeErr
}

// abandon makes the sink drop whatever the run sends from now on.
func (s *streamSink) abandon() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.abandoned = true
}

// trace is the kept events with their header.
func (s *streamSink) trace(realTime bool) luamod.Trace {
	s.mu.Lock()
	defer s.mu.Unlock()
	clock := "virtual"
	if realTime {
		clock = "real"
	}
	events := s.events.Drain(make([]luamod.Event, 0, s.events.Len()))
	return luamod.Trace{Version: luamod.TraceVersion, Clock: clock, Events: events}
}
