package luamod

// goWorker is a Go goroutine that runs Lua goroutines one after another.
// When a goroutine ends, its Go goroutine does not exit: it waits, with
// the stack it grew inside the VM, until a spawn gives it the next one.
// Starting a Go goroutine and growing its stack was a fifth of the cost
// of a spawn.
type goWorker struct {
	wake chan struct{} // the run token arrives here, for the goroutine it runs
	g    *G            // the goroutine to run; nil tells the worker to exit
	run  body
}

// launch gives g, about to run for the first time, a Go goroutine; the
// Go goroutine takes a Lua thread for it (takeThread). Both are taken when
// g first runs rather than when it is spawned, so a goroutine that ends
// before the next one starts hands both on: spawning many short
// goroutines then makes neither new threads nor new Go goroutines, and the
// goroutine that ended runs the next one without a switch.
func (s *sched) launch(g *G) {
	s.worker(g, g.body)
	g.body = nil
}

// takeThread gives g, which now holds the token, its Lua thread. It runs
// on g's own Go goroutine: making a thread on the stack of the goroutine
// that handed the token on would grow that stack, which it then keeps
// while it is parked.
func (s *sched) takeThread(g *G) {
	th := s.thread()
	g.L, g.coro = th, th
	s.root.G.CurrentThread = th
}

// worker gives g an idle Go goroutine, or starts one.
func (s *sched) worker(g *G, run body) {
	if n := len(s.idle); n > 0 {
		w := s.idle[n-1]
		s.idle = s.idle[:n-1]
		w.g, w.run = g, run
		g.wake = w.wake
		return
	}
	w := &goWorker{wake: make(chan struct{}, 1), g: g, run: run}
	g.wake = w.wake
	s.workers.Add(1)
	go s.goLoop(w)
}

// goLoop is the Go goroutine behind w: for each goroutine it is given,
// wait for the token, run, end, pass the token on.
func (s *sched) goLoop(w *goWorker) {
	defer s.workers.Done()
	for {
		<-w.wake
		g, run := w.g, w.run
		if g == nil {
			return
		}
		w.g, w.run = nil, nil
		if g.L == nil {
			s.takeThread(g)
		}
		s.goMain(g, run)
		s.idle = append(s.idle, w)
		s.cur = nil
		s.handoff()
	}
}

// releaseWorkers makes every idle Go goroutine exit: the run is over.
// Run waits for them (s.workers), so a finished run holds no memory.
func (s *sched) releaseWorkers() {
	for _, w := range s.idle {
		w.g, w.run = nil, nil
		w.wake <- struct{}{}
	}
	s.idle = nil
}
