package luamod

import (
	"fmt"
	"math"

	lua "github.com/yuin/gopher-lua"
)

// poolOptions is pool_create's option table.
type poolOptions struct {
	Workers float64 `lua:"workers"`
	Queue   float64 `lua:"queue"`
	Rate    float64 `lua:"rate"`
}

// pool is a named worker pool. Worker goroutines are started on demand, up
// to the worker count, and end when the queue is empty, so an idle pool
// holds no goroutine and never shows as a leak.
type pool struct {
	name, obj  string
	maxWorkers int
	queueCap   int   // -1: unbounded
	interval   int64 // microseconds between task starts; 0: no rate limit
	nextStart  int64 // earliest start of the next task under the rate
	queue      []*poolTask
	workers    int // worker goroutines alive
	active     int
	submitted  int
	completed  int
	failed     int
	dropped    int
	closed     bool
	waiters    waitList
}

type poolTask struct {
	id   string
	fn   *lua.LFunction
	args []lua.LValue
}

func (m *Module) poolFuncs() map[string]lua.LGFunction {
	return map[string]lua.LGFunction{
		"pool_create": m.poolCreate,
		"pool_submit": m.poolSubmit,
		"pool_wait":   m.poolWait,
		"pool_close":  m.poolClose,
		"pool_stats":  m.poolStats,
	}
}

func (m *Module) poolCreate(L *lua.LState) int {
	name := L.CheckString(1)
	opts := poolOptions{Workers: 4, Queue: -1}
	decodeOptions(L, 2, &opts)
	p := &pool{name: name, obj: "pool " + name, queueCap: -1}
	p.maxWorkers = checkCount(L, 2, "workers", opts.Workers, 1)
	if opts.Queue != -1 {
		p.queueCap = checkCount(L, 2, "queue", opts.Queue, 0)
	}
	if opts.Rate < 0 || math.IsNaN(opts.Rate) {
		L.ArgError(2, "options: 'rate' must be a number > 0")
	}
	if opts.Rate > 0 {
		// A tiny rate saturates: one start per 73,000 years, never "unlimited".
		p.interval = int64(min(math.Ceil(1e6/opts.Rate), maxSpan))
	}
	if old := m.s.pools[name]; old != nil {
		m.s.closePool(old)
	}
	m.s.pools[name] = p
	L.Push(lua.LTrue)
	return 1
}

func (m *Module) poolSubmit(L *lua.LState) int {
	s := m.s
	name := L.CheckString(1)
	fn := L.CheckFunction(2)
	raiseIf(L, s.cur.cancelErr) // a stopped run takes no more tasks
	p := s.pools[name]
	switch {
	case p == nil:
		return pushFail(L, lua.LNil, "pool not found: "+name)
	case p.closed:
		return pushFail(L, lua.LNil, "pool is closed")
	case p.queueCap >= 0 && len(p.queue)-(p.maxWorkers-p.active) >= p.queueCap:
		return pushFail(L, lua.LNil, "pool queue is full")
	}
	p.submitted++
	t := &poolTask{id: fmt.Sprintf("%s-%d", name, p.submitted), fn: fn, args: argsFrom(L, 3)}
	p.queue = append(p.queue, t)
	s.emit(Event{Kind: KindSubmit, G: s.cur.id, Name: t.id, Object: p.obj, Line: callerLine(L)})
	if p.workers < p.maxWorkers && p.workers-p.active < len(p.queue) {
		p.workers++
		w, err := s.spawn(fmt.Sprintf("%s worker %d", name, p.workers), p.obj, callerLine(L), s.poolWorker(p))
		raiseIf(L, err)
		w.collected = true
	}
	L.Push(lua.LString(t.id))
	return 1
}

// pushFail returns the (first, msg) pair of a condition a script handles.
func pushFail(L *lua.LState, first lua.LValue, msg string) int {
	L.Push(first)
	L.Push(lua.LString(msg))
	return 2
}

// poolWorker is the body of a worker goroutine: take tasks until none is
// queued, honouring the pool's rate.
func (s *sched) poolWorker(p *pool) body {
	return func(g *G) ([]lua.LValue, error) {
		defer func() {
			p.workers--
			s.poolIdle(p)
		}()
		for len(p.queue) > 0 && g.cancelErr == nil {
			if delay := p.nextStart - s.now(); p.interval > 0 && delay > 0 {
				w := wait{Reason: ReasonPoolRate, Object: p.obj}
				if p.nextStart >= clockEnd {
					// Past the end of the clock: the task can never start.
					return nil, s.park(w)
				}
				if err := s.sleep(delay, w); err != nil {
					return nil, err
				}
				continue
			}
			t := p.queue[0]
			p.queue = p.queue[1:]
			p.nextStart = max(s.now(), p.nextStart) + p.interval
			if err := s.runTask(g, p, t); err != nil {
				return nil, err
			}
		}
		return nil, g.cancelErr
	}
}

// runTask runs one pool task in worker g. A task's error is counted and
// noted on stderr; it fails the task, not the run. Only the worker's own
// cancellation is returned.
func (s *sched) runTask(g *G, p *pool, t *poolTask) error {
	p.active++
	s.emit(Event{Kind: KindTask, G: g.id, Name: t.id, Object: p.obj})
	_, err := callOwn(g.L, t.fn, t.args)
	p.active--
	ev := Event{Kind: KindTaskEnd, G: g.id, Name: t.id, Object: p.obj, Status: StatusOK}
	if err != nil {
		p.failed++
		ev.Status, ev.Err = StatusError, s.errorText(g.L, err)
		if g.cancelErr == nil {
			s.output("stderr", fmt.Sprintf("%s: task %s failed: %s\n", p.obj, t.id, ev.Err))
		}
	} else {
		p.completed++
	}
	s.emit(ev)
	s.poolIdle(p)
	return g.cancelErr
}

// poolIdle wakes pool_wait callers once nothing is queued or running.
func (s *sched) poolIdle(p *pool) {
	if len(p.queue) > 0 || p.active > 0 {
		return
	}
	by := 0
	if s.cur != nil {
		by = s.cur.id
	}
	s.wakeAll(&p.waiters, by)
}

// closePool drops the queued tasks; running ones finish.
func (s *sched) closePool(p *pool) {
	p.closed = true
	p.dropped += len(p.queue)
	p.queue = nil
	s.poolIdle(p)
}

func (m *Module) poolWait(L *lua.LState) int {
	s := m.s
	name := L.CheckString(1)
	p := s.pools[name]
	if p == nil {
		return pushFail(L, lua.LFalse, "pool not found: "+name)
	}
	if len(p.queue) > 0 || p.active > 0 {
		raiseIf(L, s.parkIn(&p.waiters, wait{Reason: ReasonPoolWait, Object: p.obj, Line: callerLine(L)}))
	}
	L.Push(lua.LTrue)
	return 1
}

func (m *Module) poolClose(L *lua.LState) int {
	p := m.s.pools[L.CheckString(1)]
	if p == nil {
		L.Push(lua.LFalse)
		return 1
	}
	m.s.closePool(p)
	L.Push(lua.LTrue)
	return 1
}

func (m *Module) poolStats(L *lua.LState) int {
	p := m.s.pools[L.CheckString(1)]
	if p == nil {
		L.Push(lua.LNil)
		return 1
	}
	t := L.NewTable()
	t.RawSetString("name", lua.LString(p.name))
	for _, f := range []struct {
		k string
		v int
	}{
		{"workers", p.maxWorkers}, {"active", p.active}, {"queued", len(p.queue)},
		{"completed", p.completed}, {"failed", p.failed}, {"dropped", p.dropped},
		{"submitted", p.submitted},
	} {
		t.RawSetString(f.k, lua.LNumber(f.v))
	}
	t.RawSetString("closed", lua.LBool(p.closed))
	L.Push(t)
	return 1
}
