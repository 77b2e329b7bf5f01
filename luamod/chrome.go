package luamod

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
	"strings"

	"luaplay/luamod/wire"
)

// ChromeTrace converts a run's trace to the Chrome Trace Event Format, so it
// opens in Perfetto (ui.perfetto.dev) and chrome://tracing next to traces
// of other programs. Each goroutine is a thread (tid = goroutine id, named
// "g7 worker (pool work)", sorted in creation order) whose complete slices
// ("ph":"X") are its states: running, runnable, "blocked: <reason>" and
// sleeping, with the blocking line and object as args. Marks, stuck
// goroutines, pool tasks and goroutine errors are instant events. Spawns,
// wake-ups (unblock by another goroutine, await of a finished goroutine),
// channel handoffs and pool task handoffs are flow events ("ph":"s" then
// "ph":"f" with "bp":"e", paired by id).
//
// Timestamps are microseconds, the trace's own unit. A state slice is cut
// where a flow leaves or arrives, and the flow's start sits 1 ns before its
// point and its finish 1 ns after, so each arrow binds to the slice that
// ends or begins there. The output depends only on tr: the same trace gives
// the same bytes.
func ChromeTrace(tr Trace) ([]byte, error) {
	c := newChromeConv()
	for _, e := range tr.Events {
		c.event(e)
	}
	return c.encode(tr)
}

// flowNudge is how far (µs) a flow endpoint moves into the slice it binds to.
const flowNudge = 0.001

// chromeEvent is one entry of traceEvents.
type chromeEvent struct {
	Name  string         `json:"name"`
	Cat   string         `json:"cat,omitempty"`
	Ph    string         `json:"ph"`
	Ts    float64        `json:"ts"`
	Dur   float64        `json:"dur,omitempty"`
	Pid   int            `json:"pid"`
	Tid   int            `json:"tid"`
	ID    int            `json:"id,omitempty"`
	BP    string         `json:"bp,omitempty"`
	Scope string         `json:"s,omitempty"`
	Cname string         `json:"cname,omitempty"`
	Args  map[string]any `json:"args,omitempty"`
}

// chromeLane is one goroutine's thread: its state changes in order.
type chromeLane struct {
	id, order   int
	name, group string
	segs        []chromeSeg
	reason      string // of the current block, names the wake-up flow
	ended       bool
	endT        int64
	cuts        []int64
}

// chromeSeg is a state that holds from start until the next one.
type chromeSeg struct {
	start int64
	name  string
	cname string
	args  map[string]any
}

type chromeFlow struct {
	name         string
	fromG, toG   int
	fromT, toT   int64
	fromTs, toTs float64
}

type chromeConv struct {
	lanes    map[int]*chromeLane
	order    []*chromeLane
	instants []chromeEvent
	flows    []*chromeFlow
	submits  map[string]Event
	last     int64
}

func newChromeConv() *chromeConv {
	return &chromeConv{lanes: map[int]*chromeLane{}, submits: map[string]Event{}}
}

// lane returns g's lane, creating it (for traces that lack its spawn).
func (c *chromeConv) lane(g int) *chromeLane {
	l := c.lanes[g]
	if l == nil {
		l = &chromeLane{id: g, order: len(c.order) + 1}
		c.lanes[g] = l
		c.order = append(c.order, l)
	}
	return l
}

func (l *chromeLane) set(t int64, name, cname string, args map[string]any) {
	l.segs = append(l.segs, chromeSeg{start: t, name: name, cname: cname, args: args})
}

// flow records an arrow from (fromG, fromT) to (toG, toT). A sender of 0
// (the clock, the runtime) has no lane, so it draws no arrow.
func (c *chromeConv) flow(name string, fromG int, fromT int64, toG int, toT int64) {
	if fromG == 0 {
		return
	}
	c.flows = append(c.flows, &chromeFlow{name: name, fromG: fromG, fromT: fromT, toG: toG, toT: toT})
	c.lane(fromG).cuts = append(c.lane(fromG).cuts, fromT)
	c.lane(toG).cuts = append(c.lane(toG).cuts, toT)
}

func (c *chromeConv) instant(g int, t int64, name string, args map[string]any) {
	c.lane(g)
	c.instants = append(c.instants, chromeEvent{Name: name, Cat: "event", Ph: "i", Ts: float64(t), Pid: 1, Tid: g, Scope: "t", Args: args})
}

// event folds one trace event into lanes, instants and flows: state
// changes here, the rest in annotate.
func (c *chromeConv) event(e Event) {
	c.last = max(c.last, e.T)
	l := c.lane(e.G)
	switch e.Kind {
	case KindSpawn:
		l.name, l.group = e.Name, e.Group
		l.set(e.T, "runnable", "thread_state_runnable", nil)
		if e.Other != 0 {
			c.flow("spawn", e.Other, e.T, e.G, e.T)
		}
	case KindStart, KindRun:
		l.set(e.T, "running", "thread_state_running", nil)
	case KindPreempt:
		l.set(e.T, "runnable", "thread_state_runnable", nil)
	case KindBlock:
		l.reason = string(e.Reason)
		args := lineObject(e.Line, e.Object)
		if e.Reason == ReasonSleep {
			l.set(e.T, "sleeping", "thread_state_sleeping", args)
		} else if e.Reason.OnClock() {
			l.set(e.T, "sleeping: "+string(e.Reason), "thread_state_sleeping", args)
		} else {
			l.set(e.T, "blocked: "+string(e.Reason), "thread_state_iowait", args)
		}
	case KindUnblock:
		l.set(e.T, "runnable", "thread_state_runnable", nil)
		if e.Other != 0 {
			c.flow("wake: "+l.reason, e.Other, e.T, e.G, e.T)
		}
	case KindEnd:
		l.ended, l.endT = true, e.T
		if e.Status != StatusOK {
			c.instant(e.G, e.T, string(e.Status)+": "+e.Err, nil)
		}
	case KindName:
		l.name = e.Name
	default:
		c.annotate(e)
	}
}

// annotate adds the flows and instants of events that change no state.
func (c *chromeConv) annotate(e Event) {
	switch e.Kind {
	case KindAwait:
		if o := c.lanes[e.Other]; o != nil && o.ended {
			c.flow("await", e.Other, o.endT, e.G, e.T)
		}
	case KindRecv:
		c.flow("recv: "+e.Object, e.Other, e.From, e.G, e.T)
	case KindSubmit:
		c.submits[e.Name] = e
	case KindTask:
		c.instant(e.G, e.T, "task "+e.Name, map[string]any{"object": e.Object})
		if s, ok := c.submits[e.Name]; ok {
			c.flow("task "+e.Name, s.G, s.T, e.G, e.T)
		}
	case KindTaskEnd:
		if e.Status != StatusOK {
			c.instant(e.G, e.T, "task "+e.Name+": "+string(e.Status), map[string]any{"object": e.Object, "err": e.Err})
		}
	case KindMark:
		c.instant(e.G, e.T, e.Name, lineObject(e.Line, ""))
	case KindStuck:
		what := string(e.Reason)
		if e.Object != "" {
			what += " on " + e.Object
		}
		c.instant(e.G, e.T, "stuck: "+what, lineObject(e.Line, e.Object))
	}
}

// lineObject is a slice's or instant's args: the script line and object.
func lineObject(line int, obj string) map[string]any {
	args := map[string]any{}
	if line != 0 {
		args["line"] = line
	}
	if obj != "" {
		args["object"] = obj
	}
	if len(args) == 0 {
		return nil
	}
	return args
}

// threadName is "g<id>", then the goroutine's name, then its group when the
// name does not already say it.
func (l *chromeLane) threadName() string {
	label := fmt.Sprintf("g%d", l.id)
	name := l.name
	if name == "" {
		name = l.group
	} else if l.group != "" && !strings.Contains(name, l.group) && !strings.Contains(l.group, name) {
		name += " (" + l.group + ")"
	}
	if name != "" {
		label += " " + name
	}
	return label
}

// slices turns the lane's states into complete events, ending the last at
// the goroutine's end (or the end of the trace) and cutting at flow
// endpoints. Zero-length states are left out.
func (l *chromeLane) slices(traceEnd int64) []chromeEvent {
	end := traceEnd
	if l.ended {
		end = l.endT
	}
	cuts := slices.Clone(l.cuts)
	sort.Slice(cuts, func(i, j int) bool { return cuts[i] < cuts[j] }) // not slices.Sort: see setFuncs
	var out []chromeEvent
	k := 0 // cuts[:k] are at or before the current state's start
	for i, s := range l.segs {
		stop := end
		if i+1 < len(l.segs) {
			stop = l.segs[i+1].start
		}
		from := s.start
		piece := func(to int64) {
			out = append(out, chromeEvent{Name: s.name, Cat: "state", Ph: "X", Ts: float64(from),
				Dur: float64(to - from), Pid: 1, Tid: l.id, Cname: s.cname, Args: s.args})
			from = to
		}
		for ; k < len(cuts) && cuts[k] <= stop; k++ {
			if cuts[k] > from {
				piece(cuts[k])
			}
		}
		if stop > from {
			piece(stop)
		}
	}
	return out
}

// bind moves each flow endpoint into the slice it belongs to: the start
// into the slice that ends at it, the finish into the one that begins.
func (c *chromeConv) bind(lanes map[int][]chromeEvent) {
	type point struct {
		g int
		t float64
	}
	ends, begins := map[point]bool{}, map[point]bool{}
	for g, list := range lanes {
		for _, s := range list {
			begins[point{g, s.Ts}] = true
			ends[point{g, s.Ts + s.Dur}] = true
		}
	}
	for _, f := range c.flows {
		f.fromTs, f.toTs = float64(f.fromT), float64(f.toT)
		if ends[point{f.fromG, f.fromTs}] {
			f.fromTs -= flowNudge
		}
		if begins[point{f.toG, f.toTs}] {
			f.toTs += flowNudge
		}
	}
}

// encode writes the JSON object: metadata, then each lane's slices in
// creation order, then instants and flows in trace order, one event a line.
func (c *chromeConv) encode(tr Trace) ([]byte, error) {
	lanes := map[int][]chromeEvent{}
	size := 1 + 2*len(c.order) + len(c.instants) + 2*len(c.flows)
	for _, l := range c.order {
		lanes[l.id] = l.slices(c.last)
		size += len(lanes[l.id])
	}
	events := make([]chromeEvent, 0, size)
	events = append(events, chromeEvent{Name: "process_name", Ph: "M", Pid: 1,
		Args: map[string]any{"name": "luaplay run (" + tr.Clock + " clock)"}})
	for _, l := range c.order {
		events = append(events,
			chromeEvent{Name: "thread_name", Ph: "M", Pid: 1, Tid: l.id, Args: map[string]any{"name": l.threadName()}},
			chromeEvent{Name: "thread_sort_index", Ph: "M", Pid: 1, Tid: l.id, Args: map[string]any{"sort_index": l.order}})
	}
	for _, l := range c.order {
		events = append(events, lanes[l.id]...)
	}
	events = append(events, c.instants...)
	c.bind(lanes)
	for i, f := range c.flows {
		events = append(events,
			chromeEvent{Name: f.name, Cat: "flow", Ph: "s", Ts: f.fromTs, Pid: 1, Tid: f.fromG, ID: i + 1},
			chromeEvent{Name: f.name, Cat: "flow", Ph: "f", BP: "e", Ts: f.toTs, Pid: 1, Tid: f.toG, ID: i + 1})
	}
	var b bytes.Buffer
	b.Grow(100 * len(events))
	b.WriteString(`{"displayTimeUnit":"ms","otherData":{"clock":`)
	b.Write(wire.AppendString(nil, tr.Clock))
	fmt.Fprintf(&b, `,"version":%d},"traceEvents":[`, tr.Version)
	for i, e := range events {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("\n")
		line, err := wire.Append(b.AvailableBuffer(), e)
		if err != nil {
			return nil, err
		}
		b.Write(line)
	}
	b.WriteString("\n]}\n")
	return b.Bytes(), nil
}
