package main

import (
	"context"
	"errors"
	"sync"

	"luaplay/luamod"
	"luaplay/luamod/wire"
)

// errBusy is returned when a run is requested under a key whose run still
// goes on.
var errBusy = errors.New("a run is already going")

// session runs scripts and lets the page cancel them. Each run has a key
// that its caller chooses: runs under different keys go on at once (the
// examples embedded in one page share one worker and run independently),
// a second run under a key still running is refused. The session holds
// everything of the bridge that is not about JavaScript, so it is tested
// natively too.
type session struct {
	mu   sync.Mutex
	runs map[string]context.CancelFunc // by key, while the run goes on
}

// run decodes the options, runs src under key and returns the
// luamod.Result as JSON. Output and events go to deliver in batches while
// the run goes on; the last batch is delivered before run returns.
func (s *session) run(key, src string, optsJSON []byte, deliver func([]byte)) ([]byte, error) {
	p, err := s.start(key, src, optsJSON)
	if err != nil {
		return nil, err
	}
	return p.exec(deliver)
}

// pendingRun is a run that has claimed its key but not started yet.
type pendingRun struct {
	s    *session
	key  string
	ctx  context.Context
	src  string
	opts luamod.Options
}

// start decodes the options and claims key without blocking, so the
// bridge refuses a second run under it, and a cancel that follows is
// honoured, before the run's goroutine is even scheduled.
func (s *session) start(key, src string, optsJSON []byte) (*pendingRun, error) {
	opts, err := luamod.DecodeOptions(optsJSON)
	if err != nil {
		return nil, err
	}
	ctx, err := s.begin(key)
	if err != nil {
		return nil, err
	}
	return &pendingRun{s: s, key: key, ctx: ctx, src: src, opts: opts}, nil
}

// exec performs the run and releases its key when it ends.
func (p *pendingRun) exec(deliver func([]byte)) ([]byte, error) {
	defer p.s.end(p.key)
	sink := newBatcher(deliver)
	res := luamod.Run(p.ctx, p.src, p.opts, sink)
	sink.Flush()
	return wire.Marshal(res)
}

// begin claims key and returns the run's context.
func (s *session) begin(key string) (context.Context, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, busy := s.runs[key]; busy {
		return nil, errBusy
	}
	ctx, cancel := context.WithCancel(context.Background())
	if s.runs == nil {
		s.runs = map[string]context.CancelFunc{}
	}
	s.runs[key] = cancel
	return ctx, nil
}

func (s *session) end(key string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.runs[key]()
	delete(s.runs, key)
}

// stop cancels the run under key and reports whether there was one. It
// never blocks: the run notices at its next check and ends with status
// cancelled.
func (s *session) stop(key string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	cancel, ok := s.runs[key]
	if ok {
		cancel()
	}
	return ok
}
