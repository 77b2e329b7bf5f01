package luamod

import (
	"context"
	"testing"
	"time"
)

// A run whose state was built while an earlier run waited behaves as one
// built at its start: same random numbers, same pairs order, same output.
// The wait is well above aheadMinIdle: with 30 ms, 10 ms of a loaded
// machine's delay before the wait (under GOOS=js, in CI) built nothing.
func TestRunOnStateBuiltAhead(t *testing.T) {
	opts, err := testOptions(Options{RealTime: true, Seed: 7}).withDefaults()
	if err != nil {
		t.Fatal(err)
	}
	const src = `
goroutine.sleep(200)
local names = {}
for k in pairs(_G) do names[#names + 1] = k end
for k in pairs(string) do names[#names + 1] = k end
print(math.random(1000), math.random(), table.concat(names, " "))
`
	ahead.take(opts) // none left by an earlier test
	_, fresh := run(t, src, opts)
	built := builtAhead()
	if built == nil || built.opts != opts {
		t.Fatal("a 200 ms wait built no state for the next run")
	}
	rec := &Recorder{}
	res := Run(context.Background(), src, opts, rec)
	if !res.OK() || builtAhead() == built {
		t.Fatalf("the next run did not take the state built ahead: %s %s", res.Status, res.Error)
	}
	if got, want := rec.Stdout.String(), fresh.Stdout.String(); got != want {
		t.Fatalf("output on a state built ahead:\n%s\nwant:\n%s", got, want)
	}
}

// Another run's options do not take the state built ahead.
func TestStateBuiltAheadKeepsItsOptions(t *testing.T) {
	opts, _ := testOptions(Options{RealTime: true, Seed: 1}).withDefaults()
	var a aheadState
	a.prepare(opts)
	other := opts
	other.Seed = 2
	if s := a.take(other); s != nil {
		t.Fatal("a run with another seed took the state built ahead")
	}
	if s := a.take(opts); s == nil || s.opts != opts {
		t.Fatal("the state built ahead was not kept for its options")
	}
}

// The state built ahead holds the main goroutine's thread, with its call
// stack allocated whole (see mainThread), so a run does not make it before
// main starts (TestRunOnStateBuiltAhead runs on such a state).
func TestStateBuiltAheadHoldsMainsThread(t *testing.T) {
	opts, _ := testOptions(Options{RealTime: true}).withDefaults()
	var a aheadState
	a.prepare(opts)
	s := a.take(opts)
	if len(s.free) != 1 || s.free[0].Options.MinimizeStackMemory {
		t.Fatalf("the state built ahead holds %d threads, want main's, allocated whole", len(s.free))
	}
}

func builtAhead() *sched {
	ahead.mu.Lock()
	defer ahead.mu.Unlock()
	return ahead.s
}

// Once the process has had no run for a moment, the state of the next run
// is built with the last run's options, virtual time included; a run on
// it gives the same trace, byte for byte.
func TestIdleProcessBuildsTheNextRun(t *testing.T) {
	opts, _ := testOptions(Options{Seed: 3}).withDefaults()
	const src = `
local ch = goroutine.channel()
goroutine.spawn(function() ch:send(math.random(1000)) end)
local names = {}
for k in pairs(goroutine) do names[#names + 1] = k end
print(ch:receive(), table.concat(names, " "))
`
	_, first := run(t, src, opts)
	deadline := time.Now().Add(5 * time.Second)
	for s := builtAhead(); s == nil || s.opts != opts; s = builtAhead() {
		if time.Now().After(deadline) {
			t.Fatal("an idle process built no state for the next run")
		}
		time.Sleep(idleDelay)
	}
	built := builtAhead()
	_, second := run(t, src, opts)
	if builtAhead() == built {
		t.Fatal("the next run did not take the state built ahead")
	}
	if got, want := second.Stdout.String(), first.Stdout.String(); got != want {
		t.Fatalf("output on a state built ahead:\n%s\nwant:\n%s", got, want)
	}
	if got, want := formatEvents(second.Trace), formatEvents(first.Trace); got != want {
		t.Fatalf("trace on a state built ahead:\n%s\nwant:\n%s", got, want)
	}
}
