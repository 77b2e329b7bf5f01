package luamod

import (
	"slices"

	lua "github.com/yuin/gopher-lua"
)

// waitList holds the goroutines parked on one object until it changes: a
// goroutine ending (await, timeout), a wait group reaching zero, a once
// finishing, a cond being signalled, a pool going idle.
type waitList []*G

// parkIn parks the current goroutine in l until wakeAll or wakeOne; a
// cancelled goroutine takes itself off the list before it returns.
func (s *sched) parkIn(l *waitList, w wait) error {
	s.enlist(l)
	_, err := listWoken(s, nil, s.park(w))
	return err
}

// blockIn is parkIn for Go function L, which returns what it returns
// (see block); cont completes the wait once woken and must begin with
// listWoken.
func (s *sched) blockIn(L *lua.LState, l *waitList, w wait, cont contFn) int {
	s.enlist(l)
	return s.block(L, w, cont)
}

// enlist puts the current goroutine at the end of l, for listWoken.
func (s *sched) enlist(l *waitList) {
	me := s.cur
	*l = append(*l, me)
	me.list = l
}

// listWoken takes the current goroutine, woken with err, off its list
// when it was cancelled.
func listWoken(s *sched, _ *lua.LState, err error) (int, error) {
	me := s.cur
	if err != nil {
		me.list.remove(me)
	}
	me.list = nil
	return 0, err
}

// wakeAll readies every goroutine in l, woken by goroutine by.
func (s *sched) wakeAll(l *waitList, by int) {
	for _, g := range *l {
		s.ready(g, by)
	}
	*l = nil
}

// wakeOne readies the goroutine that has waited longest, if any. A
// goroutine still listed but no longer parked (a timeout or the run
// cancelled it, and it has not run yet to take itself off) is skipped:
// the wake-up goes to one that still waits, as Go's sync.Cond does.
func (s *sched) wakeOne(l *waitList, by int) {
	for len(*l) > 0 {
		g := (*l)[0]
		*l = (*l)[1:]
		if g.state == gParked {
			s.ready(g, by)
			return
		}
	}
}

// remove takes g off the list.
func (l *waitList) remove(g *G) {
	if i := slices.Index(*l, g); i >= 0 {
		*l = slices.Delete(*l, i, i+1)
	}
}
