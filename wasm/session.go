package main

import (
	"context"
	"encoding/json"
	"errors"
	"sync"

	"luaplay/luamod"
)

// errBusy is returned when a run is requested while another one goes on: a
// worker runs one script at a time.
var errBusy = errors.New("a run is already going")

// session runs one script at a time and lets the page cancel it. It holds
// everything of the bridge that is not about JavaScript, so it is tested
// natively too.
type session struct {
	mu     sync.Mutex
	cancel context.CancelFunc // of the current run; nil when idle
}

// run decodes the options, runs src and returns the luamod.Result as JSON.
// Output and events go to deliver in batches while the run goes on; the
// last batch is delivered before run returns.
func (s *session) run(src string, optsJSON []byte, deliver func(Batch)) ([]byte, error) {
	p, err := s.start(src, optsJSON)
	if err != nil {
		return nil, err
	}
	return p.exec(deliver)
}

// pendingRun is a run that has claimed the session but not started yet.
type pendingRun struct {
	s    *session
	ctx  context.Context
	src  string
	opts luamod.Options
}

// start decodes the options and claims the session without blocking, so
// the bridge refuses a second run, and a cancel that follows is honoured,
// before the run's goroutine is even scheduled.
func (s *session) start(src string, optsJSON []byte) (*pendingRun, error) {
	opts, err := decodeOptions(optsJSON)
	if err != nil {
		return nil, err
	}
	ctx, err := s.begin()
	if err != nil {
		return nil, err
	}
	return &pendingRun{s: s, ctx: ctx, src: src, opts: opts}, nil
}

// exec performs the run and releases the session when it ends.
func (p *pendingRun) exec(deliver func(Batch)) ([]byte, error) {
	defer p.s.end()
	sink := newBatcher(deliver)
	stop := make(chan struct{})
	ticking := make(chan struct{})
	go func() {
		defer close(ticking)
		sink.runTicker(stop)
	}()
	res := luamod.Run(p.ctx, p.src, p.opts, sink)
	close(stop)
	<-ticking
	sink.Flush()
	return json.Marshal(res)
}

// begin marks the session busy and returns the run's context.
func (s *session) begin() (context.Context, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cancel != nil {
		return nil, errBusy
	}
	ctx, cancel := context.WithCancel(context.Background())
	s.cancel = cancel
	return ctx, nil
}

func (s *session) end() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.cancel()
	s.cancel = nil
}

// stop cancels the current run and reports whether there was one. It never
// blocks: the run notices at its next check and ends with status cancelled.
func (s *session) stop() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cancel == nil {
		return false
	}
	s.cancel()
	return true
}
