package luamod

import "slices"

// waitList holds the goroutines parked on one object until it changes: a
// goroutine ending (await, timeout), a wait group reaching zero, a once
// finishing, a cond being signalled, a pool going idle.
type waitList []*G

// parkIn parks the current goroutine in l until wakeAll or wakeOne; a
// cancelled goroutine takes itself off the list before it returns.
func (s *sched) parkIn(l *waitList, w wait) error {
	me := s.cur
	*l = append(*l, me)
	err := s.park(w)
	if err != nil {
		l.remove(me)
	}
	return err
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
