package luamod

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

// wakeOne readies the goroutine that has waited longest, if any.
func (s *sched) wakeOne(l *waitList, by int) {
	if len(*l) == 0 {
		return
	}
	g := (*l)[0]
	*l = (*l)[1:]
	s.ready(g, by)
}

// remove takes g off the list.
func (l *waitList) remove(g *G) {
	for i, x := range *l {
		if x == g {
			*l = append((*l)[:i], (*l)[i+1:]...)
			return
		}
	}
}
