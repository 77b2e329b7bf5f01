package luamod

import (
	"fmt"

	lua "github.com/yuin/gopher-lua"
)

// stage is one step of a pipeline: fn applied by workers goroutines.
type stage struct {
	fn      *lua.LFunction
	workers int
}

func (m *Module) patternFuncs() map[string]lua.LGFunction {
	return map[string]lua.LGFunction{
		"pipeline": m.pipelineL,
		"fan_out":  m.fanOutL,
		"fan_in":   m.fanInL,
	}
}

// parseStages reads pipeline's stage list at argument n: each a table
// {fn=f, workers=n} (workers default 1) or a bare function.
func parseStages(L *lua.LState, n int) []stage {
	list := L.CheckTable(n)
	stages := make([]stage, list.Len())
	for i := range stages {
		st := &stages[i]
		st.workers = 1
		switch v := list.RawGetInt(i + 1).(type) {
		case *lua.LFunction:
			st.fn = v
		case *lua.LTable:
			fn, ok := v.RawGetString("fn").(*lua.LFunction)
			if !ok {
				L.ArgError(n, fmt.Sprintf("stage %d: fn: function expected, got %s", i+1, typeNameOf(v.RawGetString("fn"))))
			}
			st.fn = fn
			if w := v.RawGetString("workers"); w != lua.LNil {
				f, ok := w.(lua.LNumber)
				if !ok || f < 1 || f > 1e6 || float64(f) != float64(int(f)) {
					L.ArgError(n, fmt.Sprintf("stage %d: workers must be an integer >= 1", i+1))
				}
				st.workers = int(f)
			}
		default:
			L.ArgError(n, fmt.Sprintf("stage %d: table expected, got %s", i+1, typeNameOf(v)))
		}
	}
	return stages
}

// pipelineL is pipeline(in, stages): each stage's workers receive from the
// previous channel, apply fn and send non-nil results on the next. A
// stage's output closes once its input is drained and its workers ended.
func (m *Module) pipelineL(L *lua.LState) int {
	s := m.s
	in := checkChannel(L, 1)
	stages := parseStages(L, 2)
	line := callerLine(L)
	group := s.nextObject("pipeline")
	for i, st := range stages {
		out := s.newChannel(0)
		live := st.workers
		for j := 1; j <= st.workers; j++ {
			name := fmt.Sprintf("pipeline stage %d worker %d", i+1, j)
			_, err := s.spawn(name, group, line, s.stageWorker(st.fn, in, out, &live, line))
			raiseIf(L, err)
		}
		in = out
	}
	if len(stages) == 0 {
		L.Push(L.Get(1))
		return 1
	}
	L.Push(newObject(L, channelType, in))
	return 1
}

// stageWorker is the body of one pipeline worker: out gets fn(v) for each
// v of in, nil results dropped. The last worker of a stage to end closes
// its output, also when fn raised.
func (s *sched) stageWorker(fn *lua.LFunction, in, out *channel, live *int, line int) body {
	return s.relay(in, out, live, line, func(g *G, v lua.LValue) (lua.LValue, error) {
		res, err := callOwn(g.L, fn, []lua.LValue{v})
		if err != nil || len(res) == 0 {
			return lua.LNil, err
		}
		return res[0], nil
	})
}

// forwarder copies in to out until in is closed and drained.
func (s *sched) forwarder(in, out *channel, live *int, line int) body {
	return s.relay(in, out, live, line, nil)
}

// relay is the loop of stage workers and forwarders: receive from in until
// it is closed and drained, send each value through transform (nil: as it
// is) to out, dropping nil results; the last relay of out closes it.
func (s *sched) relay(in, out *channel, live *int, line int, transform func(*G, lua.LValue) (lua.LValue, error)) body {
	return func(g *G) ([]lua.LValue, error) {
		defer s.closeWhenLast(out, live, g)
		for {
			v, ok, err := s.chanRecv(in, line)
			if err != nil || !ok {
				return nil, err
			}
			if transform != nil {
				if v, err = transform(g, v); err != nil {
					return nil, err
				}
				if v == lua.LNil {
					continue
				}
			}
			if sent, err := s.chanSend(out, v, line); err != nil || !sent {
				return nil, err
			}
		}
	}
}

// closeWhenLast counts a forwarding goroutine out and closes out when it
// was the last one.
func (s *sched) closeWhenLast(out *channel, live *int, g *G) {
	*live--
	if *live == 0 {
		s.closeChan(out, g.id)
	}
}

// fanOutL is fan_out(in, n): one distributor goroutine hands each value of
// in to whichever of n outputs has a receiver ready first (chosen at
// random when several do), and closes them all once in is drained.
func (m *Module) fanOutL(L *lua.LState) int {
	s := m.s
	in := checkChannel(L, 1)
	f := float64(L.CheckNumber(2))
	argCheck(L, f >= 1 && f <= 1e5 && f == float64(int(f)), 2, "count must be an integer from 1 to 100000")
	line := callerLine(L)
	outs := make([]*channel, int(f))
	t := L.CreateTable(len(outs), 0)
	for i := range outs {
		outs[i] = s.newChannel(0)
		t.Append(newObject(L, channelType, outs[i]))
	}
	group := s.nextObject("fan_out")
	_, err := s.spawn("fan_out distributor", group, line, s.distributor(in, outs, line))
	raiseIf(L, err)
	L.Push(t)
	return 1
}

// distributor is fan_out's goroutine. An output that a consumer closed is
// skipped; when all are closed it stops.
func (s *sched) distributor(in *channel, outs []*channel, line int) body {
	return func(g *G) ([]lua.LValue, error) {
		defer func() {
			for _, out := range outs {
				s.closeChan(out, g.id)
			}
		}()
		for {
			v, ok, err := s.chanRecv(in, line)
			if err != nil || !ok {
				return nil, err
			}
			for sent := false; !sent; {
				var cases []selCase
				for _, out := range outs {
					if !out.closed {
						cases = append(cases, selCase{ch: out, send: true, v: v})
					}
				}
				if len(cases) == 0 {
					return nil, nil
				}
				if _, _, sent, err = s.selectCases(cases, noTimeout, line); err != nil {
					return nil, err
				}
			}
		}
	}
}

// fanInL is fan_in(chs): one goroutine per input forwards its values to a
// single output, which closes when every input is closed and drained.
func (m *Module) fanInL(L *lua.LState) int {
	s := m.s
	list := L.CheckTable(1)
	ins := make([]*channel, list.Len())
	for i := range ins {
		ud, _ := list.RawGetInt(i + 1).(*lua.LUserData)
		if ud != nil {
			ins[i], _ = ud.Value.(*channel)
		}
		if ins[i] == nil {
			L.ArgError(1, fmt.Sprintf("element %d: %s expected, got %s", i+1, channelType, typeNameOf(list.RawGetInt(i+1))))
		}
	}
	line := callerLine(L)
	out := s.newChannel(0)
	group := s.nextObject("fan_in")
	live := len(ins)
	if live == 0 {
		s.closeChan(out, s.cur.id)
	}
	for i, in := range ins {
		_, err := s.spawn(fmt.Sprintf("fan_in input %d", i+1), group, line, s.forwarder(in, out, &live, line))
		raiseIf(L, err)
	}
	L.Push(newObject(L, channelType, out))
	return 1
}
