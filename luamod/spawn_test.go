package luamod

import (
	"testing"
)

func TestSpawnSharesGlobalsAndNumbersGoroutines(t *testing.T) {
	expectOutput(t, `
counter = 0
local ids = {}
for i = 1, 3 do
  ids[i] = goroutine.spawn(function(step) counter = counter + step end, i)
end
goroutine.sleep(1)
print(ids[1], ids[2], ids[3], counter, goroutine.id())
`, "2\t3\t4\t6\t1\n")
}

func TestSpawnManyPassesIndex(t *testing.T) {
	expectOutput(t, `
local got = {}
goroutine.spawn_many(4, function(i) got[#got + 1] = i end)
goroutine.sleep(1)
print(table.concat(got, ","))
`, "1,2,3,4\n")
}

func TestRequireReturnsTheGlobalModule(t *testing.T) {
	expectOutput(t, `print(require("goroutine") == goroutine)`, "true\n")
}

func TestSpawnEvents(t *testing.T) {
	expectEvents(t, `
goroutine.spawn(function()
  goroutine.name("worker")
  goroutine.mark("half")
end)
goroutine.sleep(1)
`, `
0 spawn 1 name="main"
0 start 1
4 spawn 2 o=1 line=2
8 block 1 line=6 reason="sleep"
8 start 2
12 name 2 name="worker"
16 mark 2 line=4 name="half"
17 end 2 status=ok
1008 unblock 1
1008 run 1
1009 end 1 status=ok
`)
}

func TestSleepAdvancesVirtualClock(t *testing.T) {
	expectOutput(t, `
local t0 = goroutine.now()
goroutine.sleep(250)
print(goroutine.now() - t0 >= 250, goroutine.now() < 251)
goroutine.sleep(0)
goroutine.sleep(-5)
`, "true\ttrue\n")
}

func TestBusyLoopIsPreempted(t *testing.T) {
	// Without preemption the spinner would never let main finish.
	expectOutput(t, `
stop = false
local spins = 0
goroutine.spawn(function() while not stop do spins = spins + 1 end end)
goroutine.sleep(50)
stop = true
print(spins > 1000)
`, "true\n")
}

func TestPreemptEventsAlternate(t *testing.T) {
	_, rec := run(t, `
local function spin() local x = 0 for i = 1, 30000 do x = x + i end end
goroutine.spawn(spin)
spin()
`)
	preempts := map[int]int{}
	for _, e := range rec.Trace {
		if e.Kind == KindPreempt {
			preempts[e.G]++
		}
	}
	if preempts[1] < 2 || preempts[2] < 2 {
		t.Fatalf("preempts = %v, want both goroutines preempted several times", preempts)
	}
}

func TestYieldLetsOthersRun(t *testing.T) {
	expectOutput(t, `
goroutine.spawn(function() print("child") end)
print("before")
goroutine.yield()
print("after")
`, "before\nchild\nafter\n")
}

func TestTimerFiresDuringComputation(t *testing.T) {
	// The child first runs when busy main is preempted (10 ms, one quantum
	// of 10000 instructions at 1 µs), sleeps 5 ms, and its timer fires while
	// main computes; it runs again at main's next preemption (20 ms).
	expectOutput(t, `
local woke
goroutine.spawn(function() goroutine.sleep(5) woke = goroutine.now() end)
local x = 0
for i = 1, 100000 do x = x + 1 end
print(woke, goroutine.now())
`, "20.007\t200.025\n")
}

func TestCoroutinesInsideGoroutines(t *testing.T) {
	expectOutput(t, `
local function gen(n)
  return coroutine.wrap(function() for i = 1, n do coroutine.yield(i) end end)
end
local sums = {}
for k = 1, 2 do
  goroutine.spawn(function()
    local s = 0
    for v in gen(5) do s = s + v; goroutine.yield() end
    sums[k] = s
  end)
end
goroutine.sleep(1)
local co = coroutine.create(function(a) local b = coroutine.yield(a + 1) return b * 2 end)
print(sums[1], sums[2], coroutine.resume(co, 1))
print(coroutine.resume(co, 10))
print(coroutine.status(co))
`, "15\t15\ttrue\t2\ntrue\t20\ndead\n")
}

func TestBusyCoroutineIsPreempted(t *testing.T) {
	expectOutput(t, `
stop = false
local co = coroutine.wrap(function() while not stop do end end)
goroutine.spawn(co)
goroutine.sleep(30)
stop = true
print("main done")
`, "main done\n")
}
