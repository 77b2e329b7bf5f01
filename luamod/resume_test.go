package luamod

import (
	"errors"
	"strings"
	"testing"

	lua "github.com/yuin/gopher-lua"
)

// runWorkers runs src and returns how many Go goroutines the run started
// to run its Lua goroutines, with its output.
func runWorkers(t *testing.T, src string) (int, string) {
	t.Helper()
	s, rec := runSched(t, src)
	return s.workersMade, rec.Stdout.String()
}

// Blocking operations that a goroutine's own Lua code calls yield to the
// worker, which runs the next goroutine itself: a whole run of handoffs,
// sleeps, awaits, waits and locks needs one Go goroutine.
func TestBlockingOperationsYieldToOneWorker(t *testing.T) {
	made, out := runWorkers(t, `
local ping, pong = goroutine.channel(), goroutine.channel()
local mu, wg = goroutine.mutex(), goroutine.wait_group()
local total = 0
for w = 1, 50 do
  wg:add(1)
  goroutine.spawn(function()
    mu:lock()
    goroutine.sleep(1)
    total = total + w
    mu:unlock()
    wg:done()
  end)
end
local h = goroutine.async(function()
  for i = 1, 1000 do pong:send(ping:receive() + 1) end
  return "served"
end)
local sum = 0
for i = 1, 1000 do ping:send(i); sum = sum + pong:receive() end
wg:wait()
print(sum, total, h:await())
`)
	if want := "501500\t1275\ttrue\tserved\n"; out != want {
		t.Fatalf("output %q, want %q", out, want)
	}
	if made != 1 {
		t.Fatalf("%d Go goroutines ran the run, want 1", made)
	}
}

// Where an operation cannot yield (inside pcall, a coroutine, a callback
// of a Go function) the goroutine parks its worker's Go goroutine, and a
// new worker runs the others; the answers are the same.
func TestBlockingOperationsThatCannotYieldParkTheirWorker(t *testing.T) {
	made, out := runWorkers(t, `
local ch = goroutine.channel()
goroutine.spawn(function() for i = 1, 3 do ch:send(i) end end)
local ok, v = pcall(function() return ch:receive() end)
local co = coroutine.wrap(function() return ch:receive() end)
local got = {}
table.sort({2, 1}, function(a, b) got[#got + 1] = got[#got + 1] or ch:receive(); return a < b end)
print(ok, v, co(), got[1])
`)
	if want := "true\t1\t3\t2\n"; out != want {
		t.Fatalf("output %q, want %q", out, want)
	}
	if made < 2 {
		t.Fatalf("%d Go goroutines ran the run, want at least 2", made)
	}
}

// A yielded operation's results land where the calling instruction wants
// them: cut or padded with nil to a fixed count, all of them otherwise;
// a goroutine's results keep their number, none apart from one nil.
func TestResultsOfAYieldedOperation(t *testing.T) {
	expectOutput(t, `
local ch = goroutine.channel()
local function later(v) goroutine.spawn(function() goroutine.sleep(1); ch:send(v) end) end
later("a")
local a, b, c, d = ch:receive("stale", "stale", "stale")
print(a, b, c, d)
later("b")
local only = ch:receive()
print(only)
later("c")
print(select("#", ch:receive()), "after")
later("d")
local t = {ch:receive()}
print(#t, t[1], t[2])
local none = goroutine.async(function() goroutine.sleep(1) end)
local onenil = goroutine.async(function() goroutine.sleep(1) return nil end)
local two = goroutine.async(function() goroutine.sleep(1) return 1, 2 end)
print(select("#", none:await()), select("#", onenil:await()), two:await())
`, "a\ttrue\tnil\tnil\nb\n2\tafter\n2\td\ttrue\n1\t2\ttrue\t1\t2\n")
}

// A goroutine that fails after it yielded reports the traceback and
// names as one that never yielded.
func TestErrorAfterAYieldHasItsTraceback(t *testing.T) {
	res, rec := run(t, `
local ch = goroutine.channel()
goroutine.spawn(function()
  ch:receive()
  error("boom")
end)
ch:send(1)
goroutine.sleep(1)
`)
	if res.OK() || len(res.Errors) != 1 {
		t.Fatalf("want one goroutine error, got %s %+v", res.Status, res.Errors)
	}
	tb := res.Errors[0].Traceback
	for _, want := range []string{"main.lua:5: in the goroutine's function", "[G]: in function 'error'"} {
		if !strings.Contains(tb, want) {
			t.Fatalf("traceback lacks %q:\n%s\nstderr:\n%s", want, tb, rec.Stderr.String())
		}
	}
}

// Blocking operations in the places a yield must not reach: a tail call,
// deep recursion, a goroutine whose function is a Go function, and
// arguments passed to a goroutine; each still gives the right answer.
func TestBlockingWhereAYieldMustNotGo(t *testing.T) {
	expectOutput(t, `
local ch = goroutine.channel(4)
local function deep(n) if n == 0 then return ch:receive() end return (deep(n - 1)) end
local function tail() return ch:receive() end
goroutine.spawn(function(a, b) goroutine.sleep(1); ch:send(a + b); ch:send("t"); goroutine.sleep(1); ch:send("x") end, 20, 22)
print(deep(300))
print(tail())
local h = goroutine.async(ch.receive, ch)
print(h:await())
`, "42\nt\ttrue\ntrue\tx\ttrue\n")
}

// A goroutine cancelled while it is yielded deep in Lua calls ends
// cancelled; an error object raised after a yield is reported through
// its __tostring.
func TestCancelAndErrorObjectsAfterAYield(t *testing.T) {
	res, rec := run(t, `
local ch = goroutine.channel()
local function wait(n) if n == 0 then ch:receive() return end wait(n - 1) end
print(goroutine.timeout(5, function() wait(50) end))
goroutine.spawn(function()
  goroutine.sleep(1)
  error(setmetatable({}, {__tostring = function() return "custom failure" end}))
end)
goroutine.sleep(10)
`)
	if res.OK() || len(res.Errors) != 1 || res.Errors[0].Message != "custom failure" {
		t.Fatalf("want one error %q, got %s %+v\nstderr:\n%s", "custom failure", res.Status, res.Errors, rec.Stderr.String())
	}
	if out := rec.Stdout.String(); out != "false\ttimeout exceeded\n" {
		t.Fatalf("timeout printed %q", out)
	}
}

// A continuation that panics (a bug in the engine) ends its goroutine
// with an internal error instead of crashing the process.
func TestPanickingContinuationIsAnInternalError(t *testing.T) {
	opts, _ := testOptions(Options{}).withDefaults()
	s := newSched(opts, &Recorder{})
	defer s.root.Close()
	g := &G{L: s.thread()}
	g.cont = func(*sched, *lua.LState, error) (int, error) { panic("broken continuation") }
	if err := s.guardDeliver(g); !errors.Is(err, errInternal) || !strings.Contains(err.Error(), "broken continuation") {
		t.Fatalf("guardDeliver returned %v, want an internal error", err)
	}
}
