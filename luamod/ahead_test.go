package luamod

import (
	"context"
	"testing"
)

// A run whose state was built while an earlier run waited behaves as one
// built at its start: same random numbers, same pairs order, same output.
func TestRunOnStateBuiltAhead(t *testing.T) {
	opts, err := testOptions(Options{RealTime: true, Seed: 7}).withDefaults()
	if err != nil {
		t.Fatal(err)
	}
	const src = `
goroutine.sleep(30)
local names = {}
for k in pairs(_G) do names[#names + 1] = k end
for k in pairs(string) do names[#names + 1] = k end
print(math.random(1000), math.random(), table.concat(names, " "))
`
	ahead.take(opts) // none left by an earlier test
	_, fresh := run(t, src, opts)
	built := builtAhead()
	if built == nil || built.opts != opts {
		t.Fatal("a 30 ms wait built no state for the next run")
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
	ahead.prepare(opts)
	other := opts
	other.Seed = 2
	if s := ahead.take(other); s != nil {
		t.Fatal("a run with another seed took the state built ahead")
	}
	if s := ahead.take(opts); s == nil || s.opts != opts {
		t.Fatal("the state built ahead was not kept for its options")
	}
}

func builtAhead() *sched {
	ahead.mu.Lock()
	defer ahead.mu.Unlock()
	return ahead.s
}
