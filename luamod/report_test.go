package luamod

import (
	"reflect"
	"strings"
	"testing"
)

func TestErrorInGoroutineEndsOnlyIt(t *testing.T) {
	res, rec := run(t, `
goroutine.spawn(function()
  local t = nil
  return t.field
end)
goroutine.sleep(1)
print("main goes on")
`)
	if res.Status != StatusError || res.Line != 4 {
		t.Fatalf("status %s line %d, want error at line 4", res.Status, res.Line)
	}
	if len(res.Errors) != 1 || res.Errors[0].G != 2 {
		t.Fatalf("errors = %+v, want one from goroutine 2", res.Errors)
	}
	if !strings.Contains(res.Errors[0].Traceback, "main.lua:4") {
		t.Fatalf("traceback lacks the line:\n%s", res.Errors[0].Traceback)
	}
	if rec.Stdout.String() != "main goes on\n" {
		t.Fatalf("stdout = %q", rec.Stdout.String())
	}
	if !strings.Contains(rec.Stderr.String(), "error in goroutine 2: main.lua:4: attempt to index") {
		t.Fatalf("stderr = %q", rec.Stderr.String())
	}
}

func TestSyntaxErrorHasFileLine(t *testing.T) {
	res := expectError(t, "print('a')\nlocal x = = 2\n", `^main\.lua:2: unexpected symbol near '='$`)
	if res.Line != 2 {
		t.Fatalf("line = %d", res.Line)
	}
}

func TestSyntaxErrorAtEndOfFileIsOnTheLineAfterTheLast(t *testing.T) {
	res := expectError(t, "print(1)\nif true then\n", `^main\.lua:3: 'end' expected \(to close 'if' at line 2\) near '<eof>'$`)
	if res.Line != 3 {
		t.Fatalf("line = %d", res.Line)
	}
}

func TestBadArgumentsRaiseInTheCaller(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{`goroutine.spawn(nil)`, `main\.lua:1: bad argument #1 to spawn \(function expected, got nil\)`},
		{`goroutine.sleep("x")`, `bad argument #1 to sleep \(number expected, got string\)`},
		{`goroutine.await(42)`, `bad argument #1 to await \(goroutine.handle expected, got number\)`},
		{`goroutine.await_all({goroutine.async(function() end), 3})`, `element 2: goroutine.handle expected, got number`},
		{`goroutine.spawn_many(-1, print)`, `count must not be negative`},
		{`goroutine.wait_group():add(-1)`, `negative WaitGroup counter`},
		{`goroutine.pool_create("p", {workers = 0})`, `'workers' must be an integer >= 1`},
		{`goroutine.pool_create("p", {workers = "many"})`, `workers.*number`},
		{`goroutine.pool_create("p", {worker = 2})`, `options: unknown field 'worker'`},
		{`goroutine.pool_create("p", {workers = {}})`, `options: 'workers' must be a number, got table`},
		{`goroutine.pool_create("p", {1, 2})`, `named fields expected`},
		{`goroutine.timeout(10)`, `bad argument #2 to timeout \(function expected, got nil\)`},
	} {
		t.Run(c.src, func(t *testing.T) { expectError(t, c.src, c.want) })
	}
}

func TestDeadlockNamesStuckGoroutines(t *testing.T) {
	res := expectError(t, `
local wg = goroutine.wait_group()
wg:add(2)
goroutine.spawn(function()
  goroutine.name("helper")
  local h = goroutine.async(function() wg:wait() end)
  goroutine.await(h)
end)
wg:wait()
`, `^all goroutines are asleep - deadlock!$`)
	if res.Status != StatusDeadlock {
		t.Fatalf("status = %s", res.Status)
	}
	want := []Stuck{
		{G: 1, Name: "main", Reason: "wait group", Object: "wg 1", Line: 9},
		{G: 2, Name: "helper", Reason: "await", Object: "goroutine 3", Line: 7},
		{G: 3, Reason: "wait group", Object: "wg 1", Line: 6},
	}
	if len(res.Stuck) != len(want) {
		t.Fatalf("stuck = %+v", res.Stuck)
	}
	for i := range want {
		if res.Stuck[i] != want[i] {
			t.Fatalf("stuck[%d] = %+v, want %+v", i, res.Stuck[i], want[i])
		}
	}
}

func TestLeakIsAWarning(t *testing.T) {
	res, rec := run(t, `
local wg = goroutine.wait_group()
wg:add(1)
goroutine.spawn(function() wg:wait() end)
print("main ends")
`)
	if !res.OK() || len(res.Stuck) != 1 || res.Stuck[0].G != 2 || res.Stuck[0].Line != 4 {
		t.Fatalf("result = %+v", res)
	}
	if got := rec.Stderr.String(); !strings.Contains(got, "goroutine 2 [wait group on wg 1] at main.lua:4") {
		t.Fatalf("stderr = %q", got)
	}
	last := rec.Trace[len(rec.Trace)-1]
	if last.Kind != KindStuck || last.G != 2 {
		t.Fatalf("last event = %+v, want stuck 2", last)
	}
}

func TestAwaitCollectsErrors(t *testing.T) {
	expectOutput(t, `
local h = goroutine.async(function() error("boom") end)
local ok, err = goroutine.await(h)
print(ok, err)
print(goroutine.await(h))
print(h:done(), h:await())
local all = goroutine.await_all({goroutine.async(function() return 1, 2 end), h})
print(all[1].success, all[1].values[2], all[2].success, all[2].error)
`, "false\tmain.lua:2: boom\nfalse\tmain.lua:2: boom\ntrue\tfalse\tmain.lua:2: boom\ntrue\t2\tfalse\tmain.lua:2: boom\n")
}

func TestTimeout(t *testing.T) {
	expectOutput(t, `
print(goroutine.timeout(10, function() return "fast", 2 end))
print(goroutine.timeout(10, function() goroutine.sleep(50) return "slow" end))
print(goroutine.timeout(10, function() while true do end end))
print(goroutine.timeout(10, function() error("bad", 0) end))
print(goroutine.now() < 40)
`, "true\tfast\t2\nfalse\ttimeout exceeded\nfalse\ttimeout exceeded\nfalse\tbad\ntrue\n")
}

func TestPools(t *testing.T) {
	expectOutput(t, `
print(goroutine.pool_create("io", {workers = 3, queue = 2}))
local ids = {}
for i = 1, 6 do
  local id, err = goroutine.pool_submit("io", function() goroutine.sleep(10) end)
  ids[#ids + 1] = tostring(id) .. (err and (" " .. err) or "")
end
print(table.concat(ids, ","))
print(goroutine.pool_wait("io"))
goroutine.pool_submit("io", function() error("task failed") end)
print(goroutine.pool_wait("io"))
local s = goroutine.pool_stats("io")
print(s.name, s.workers, s.active, s.queued, s.completed, s.failed)
print(goroutine.pool_close("io"), goroutine.pool_submit("io", print))
print(goroutine.pool_submit("nope", print))
print(goroutine.pool_wait("nope"))
print(goroutine.pool_close("nope"), goroutine.pool_stats("nope"))
`, `true
io-1,io-2,io-3,io-4,io-5,nil pool queue is full
true
true
io	3	0	0	5	1
true	nil	pool is closed
nil	pool not found: nope
false	pool not found: nope
false	nil
`)
}

func TestPoolCloseDropsQueuedTasks(t *testing.T) {
	expectOutput(t, `
goroutine.pool_create("p", {workers = 1})
for i = 1, 5 do goroutine.pool_submit("p", function() goroutine.sleep(10) print("ran", i) end) end
goroutine.sleep(5)
goroutine.pool_close("p")
goroutine.pool_wait("p")
local s = goroutine.pool_stats("p")
print(s.completed, s.dropped, s.closed)
goroutine.pool_create("p", {workers = 2})
print(goroutine.pool_submit("p", function() end))
`, "ran\t1\n1\t4\ttrue\np-1\n")
}

// A mutex deadlock's stuck events name each mutex's holder, so the
// timeline can draw the cycle g2 → mutex 2 → g3 → mutex 1 → g2.
func TestStuckEventsNameMutexHolders(t *testing.T) {
	res, rec := run(t, `
local a, b = goroutine.mutex(), goroutine.mutex()
local wg = goroutine.wait_group()
wg:add(2)
goroutine.spawn(function() a:lock() goroutine.sleep(1) b:lock() end)
goroutine.spawn(function() b:lock() goroutine.sleep(1) a:lock() end)
wg:wait()
`)
	if res.Status != StatusDeadlock {
		t.Fatalf("status = %s", res.Status)
	}
	holders := map[int]int{}
	for _, e := range rec.Trace {
		if e.Kind == KindStuck {
			holders[e.G] = e.Other
		}
	}
	if want := map[int]int{1: 0, 2: 3, 3: 2}; !reflect.DeepEqual(holders, want) {
		t.Fatalf("stuck holders = %v, want %v", holders, want)
	}
}
