package luamod

// goWorker is a Go goroutine that runs Lua goroutines. A goroutine whose
// blocking operation can yield (resume.go) gives its Go goroutine back
// when it blocks: the worker then runs the next runnable goroutine itself,
// so a channel handoff or a spawn costs no Go goroutine switch. A
// goroutine that blocks where it cannot yield keeps the worker, parked
// with it, until it runs again. When a goroutine ends, its worker does not
// exit either: it runs whatever is runnable next, or waits, with the stack
// it grew inside the VM, until it is given a goroutine to run.
type goWorker struct {
	wake chan struct{} // the run token arrives here, for the goroutine it runs
	g    *G            // the goroutine to run; nil tells the worker to exit
}

// takeThread gives g, which now holds the token, its Lua thread. It runs
// on the Go goroutine that runs g: making a thread on the stack of a
// goroutine that handed the token on would grow that stack, which it then
// keeps while it is parked.
func (s *sched) takeThread(g *G) {
	th := s.thread()
	g.L, g.coro = th, th
	s.root.G.CurrentThread = th
}

// dispatch gives g, which holds the token but has no Go goroutine (it has
// not started, or it yielded), to an idle worker, or to a new one.
func (s *sched) dispatch(g *G) {
	if n := len(s.idle); n > 0 {
		w := s.idle[n-1]
		s.idle = s.idle[:n-1]
		w.g = g
		w.wake <- struct{}{}
		return
	}
	w := &goWorker{wake: make(chan struct{}, 1), g: g}
	w.wake <- struct{}{}
	s.workers.Add(1)
	s.workersMade++
	go s.goLoop(w)
}

// goLoop is the Go goroutine behind w: wait for a goroutine to run, run
// it until it yields or ends, then run what is runnable next, until
// nothing is left for w to run.
func (s *sched) goLoop(w *goWorker) {
	defer s.workers.Done()
	for {
		<-w.wake
		g := w.g
		if g == nil {
			return
		}
		w.g = nil
		for g != nil {
			s.runOn(w, g)
			g = s.handoff(w)
		}
	}
}

// runOn runs g, which holds the token, on w until it yields or ends.
func (s *sched) runOn(w *goWorker, g *G) {
	g.wake = w.wake
	if g.L == nil {
		s.takeThread(g)
	}
	if g.body == nil { // a Lua function's goroutine, started or yielded
		if !s.resumeG(g) {
			g.wake = nil // yielded: g has no Go goroutine until it runs again
			return
		}
	} else {
		s.goMain(g, g.body)
	}
	s.cur = nil
}

// releaseWorkers makes every idle Go goroutine exit: the run is over.
// Run waits for them (s.workers), so a finished run holds no memory.
func (s *sched) releaseWorkers() {
	for _, w := range s.idle {
		w.g = nil
		w.wake <- struct{}{}
	}
	s.idle = nil
}
