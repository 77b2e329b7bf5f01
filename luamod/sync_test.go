package luamod

import (
	"testing"
)

func TestMutex(t *testing.T) {
	expectSyncCases(t, []syncCase{
		{"lock excludes and hands over in FIFO order", `
local mu = goroutine.mutex()
local wg = goroutine.wait_group()
mu:lock()
for i = 1, 3 do
  wg:add()
  goroutine.spawn(function()
    mu:lock()
    print("in", i)
    goroutine.sleep(10)
    print("out", i)
    mu:unlock()
    wg:done()
  end)
end
goroutine.sleep(5)
mu:unlock()
wg:wait()`, "in\t1\nout\t1\nin\t2\nout\t2\nin\t3\nout\t3\n"},
		{"try_lock", `
local mu = goroutine.mutex()
print(mu:try_lock(), mu:try_lock())
mu:unlock()
print(mu:try_lock())`, "true\tfalse\ntrue\n"},
		{"a counter survives sleeps inside the critical section", `
local mu, n = goroutine.mutex(), 0
local wg = goroutine.wait_group()
for i = 1, 50 do
  wg:add()
  goroutine.spawn(function()
    mu:lock()
    local v = n
    goroutine.sleep(1)
    n = v + 1
    mu:unlock()
    wg:done()
  end)
end
wg:wait()
print(n)`, "50\n"},
		{"a waiter cancelled by timeout gives the lock up", `
local mu = goroutine.mutex()
mu:lock()
print(goroutine.timeout(5, function() mu:lock() end))
mu:unlock()
print(mu:try_lock())`, "false\ttimeout exceeded\ntrue\n"},
		{"a waiter cancelled after the handoff passes the lock on", `
local mu = goroutine.mutex()
mu:lock()
goroutine.spawn(function()
  print(goroutine.timeout(5, function() mu:lock(); print("never printed") end))
end)
goroutine.sleep(4)
mu:unlock()
for i = 1, 3000 do end -- the timeout fires while the waiter holds the handoff
goroutine.sleep(1)
print(mu:try_lock())`, "false\ttimeout exceeded\ntrue\n"},
	})
}

func TestRWMutex(t *testing.T) {
	expectSyncCases(t, []syncCase{
		{"readers share, a writer excludes", `
local rw = goroutine.rwmutex()
local wg = goroutine.wait_group()
local readers, most = 0, 0
for i = 1, 4 do
  wg:add()
  goroutine.spawn(function()
    rw:rlock()
    readers = readers + 1
    most = math.max(most, readers)
    goroutine.sleep(10)
    readers = readers - 1
    rw:runlock()
    wg:done()
  end)
end
wg:add()
goroutine.spawn(function()
  goroutine.sleep(1)
  rw:lock()
  print("writer sees readers:", readers)
  rw:unlock()
  wg:done()
end)
wg:wait()
print("most readers at once:", most)`, "writer sees readers:\t0\nmost readers at once:\t4\n"},
		{"a waiting writer holds back new readers", `
local rw = goroutine.rwmutex()
rw:rlock()
goroutine.spawn(function() rw:lock(); print("writer"); rw:unlock() end)
goroutine.spawn(function() goroutine.sleep(1); rw:rlock(); print("late reader"); rw:runlock() end)
goroutine.sleep(5)
print("first reader leaves")
rw:runlock()
goroutine.sleep(5)`, "first reader leaves\nwriter\nlate reader\n"},
		{"try_lock and try_rlock", `
local rw = goroutine.rwmutex()
print(rw:try_rlock(), rw:try_rlock(), rw:try_lock())
rw:runlock(); rw:runlock()
print(rw:try_lock(), rw:try_rlock())
rw:unlock()
print(rw:try_rlock())`, "true\ttrue\tfalse\ntrue\tfalse\ntrue\n"},
	})
}

func TestSemaphore(t *testing.T) {
	expectSyncCases(t, []syncCase{
		{"at most n holders", `
local sem = goroutine.semaphore(3)
local wg = goroutine.wait_group()
local holders, most = 0, 0
for i = 1, 10 do
  wg:add()
  goroutine.spawn(function()
    sem:acquire()
    holders = holders + 1
    most = math.max(most, holders)
    goroutine.sleep(10)
    holders = holders - 1
    sem:release()
    wg:done()
  end)
end
wg:wait()
print(most, sem:available(), sem:capacity(), goroutine.now() >= 40)`, "3\t3\t3\ttrue\n"},
		{"try_acquire and available", `
local sem = goroutine.semaphore(2)
print(sem:try_acquire(), sem:try_acquire(), sem:try_acquire(), sem:available())
sem:release()
print(sem:available())`, "true\ttrue\tfalse\t0\n1\n"},
		{"a waiter cancelled after the handoff returns the permit", `
local sem = goroutine.semaphore(1)
sem:acquire()
goroutine.spawn(function()
  print(goroutine.timeout(5, function() sem:acquire(); print("never printed") end))
end)
goroutine.sleep(4)
sem:release()
for i = 1, 3000 do end
goroutine.sleep(1)
print(sem:available())`, "false\ttimeout exceeded\n1\n"},
	})
}

func TestAtomicInt(t *testing.T) {
	expectSyncCases(t, []syncCase{
		{"operations", `
local a = goroutine.atomic_int()
print(a:load(), a:add(5), a:add(-2), a:swap(10), a:load())
print(a:compare_and_swap(3, 4), a:compare_and_swap(10, 11), a:load())
a:store(-7)
print(a:load(), goroutine.atomic_int(42):load())`, "0\t5\t3\t3\t10\nfalse\ttrue\t11\n-7\t42\n"},
		{"many goroutines add", `
local a = goroutine.atomic_int()
local wg = goroutine.wait_group()
for i = 1, 300 do
  wg:add()
  goroutine.spawn(function() a:add(i); goroutine.yield(); a:add(-1); wg:done() end)
end
wg:wait()
print(a:load())`, "44850\n"},
	})
}

func TestOnce(t *testing.T) {
	expectSyncCases(t, []syncCase{
		{"runs once across goroutines, late callers wait", `
local once = goroutine.once()
local wg = goroutine.wait_group()
for i = 1, 5 do
  wg:add()
  goroutine.spawn(function()
    once:call(function() goroutine.sleep(10); print("init by", i) end)
    print("after", i, goroutine.now() >= 10)
    wg:done()
  end)
end
wg:wait()`, "init by\t1\nafter\t1\ttrue\nafter\t2\ttrue\nafter\t3\ttrue\nafter\t4\ttrue\nafter\t5\ttrue\n"},
		{"its error reaches the caller, then it is done", `
local once = goroutine.once()
print(pcall(function() once:call(function() error("init failed") end) end))
local ran = false
once:call(function() ran = true end)
print(ran)`, "false\tmain.lua:3: init failed\nfalse\n"},
	})
}

func TestCond(t *testing.T) {
	expectSyncCases(t, []syncCase{
		{"signal wakes one waiter, broadcast all", `
local c = goroutine.cond()
local mu = c:get_mutex()
local ready, woken = 0, 0
local wg = goroutine.wait_group()
for i = 1, 3 do
  wg:add()
  goroutine.spawn(function()
    mu:lock()
    ready = ready + 1
    c:wait()
    woken = woken + 1
    print("woke", i)
    mu:unlock()
    wg:done()
  end)
end
goroutine.sleep(5)
mu:lock(); print("waiting:", ready); c:signal(); mu:unlock()
goroutine.sleep(5)
mu:lock(); c:broadcast(); mu:unlock()
wg:wait()
print(woken)`, "waiting:\t3\nwoke\t1\nwoke\t2\nwoke\t3\n3\n"},
		{"a queue with wait in a loop", `
local mu = goroutine.mutex()
local c = goroutine.cond(mu)
print(c:get_mutex() == mu)
local queue = {}
goroutine.spawn(function()
  for i = 1, 3 do
    goroutine.sleep(2)
    mu:lock(); table.insert(queue, i); c:signal(); mu:unlock()
  end
end)
for n = 1, 3 do
  mu:lock()
  while #queue == 0 do c:wait() end
  print(table.remove(queue, 1))
  mu:unlock()
end`, "true\n1\n2\n3\n"},
	})
}

func TestSyncMisuse(t *testing.T) {
	for src, pattern := range map[string]string{
		`goroutine.mutex():unlock()`:                               `main.lua:1: sync: unlock of unlocked mutex`,
		`goroutine.rwmutex():unlock()`:                             `sync: unlock of unlocked rwmutex`,
		`goroutine.rwmutex():runlock()`:                            `sync: runlock of unlocked rwmutex`,
		`local rw = goroutine.rwmutex(); rw:lock(); rw:runlock()`:  `sync: runlock of unlocked rwmutex`,
		`goroutine.cond():wait()`:                                  `sync: wait on cond without holding its mutex`,
		`goroutine.semaphore(2):release()`:                         `semaphore: released more than acquired`,
		`goroutine.semaphore(0)`:                                   `bad argument #1 to semaphore \(permits must be an integer >= 1\)`,
		`goroutine.semaphore()`:                                    `bad argument #1 to semaphore \(number expected, got nil\)`,
		`goroutine.atomic_int(1.5)`:                                `bad argument #1 to atomic_int \(number has no integer representation\)`,
		`goroutine.atomic_int():add("x")`:                          `bad argument #2 to add \(number expected, got string\)`,
		`goroutine.once():call(5)`:                                 `bad argument #2 to call \(function expected, got number\)`,
		`goroutine.cond(5)`:                                        `bad argument #1 to cond \(goroutine.mutex expected, got number\)`,
		`local m = goroutine.mutex(); m.lock(goroutine.rwmutex())`: `bad argument #1 to lock \(goroutine.mutex expected, got goroutine.rwmutex; use a colon: m:lock\(...\)\)`,
		`goroutine.semaphore(1).acquire({})`:                       `bad argument #1 to acquire \(goroutine.semaphore expected, got table\)`,
	} {
		expectError(t, src, pattern)
	}
	expectOutput(t, `
local c = goroutine.cond()
local mu = c:get_mutex()
mu:lock()
print(goroutine.async(function() return pcall(c.wait, c) end):await())`,
		"true\tfalse\tsync: wait on cond without holding its mutex\n")
}

func TestMutexDeadlockReport(t *testing.T) {
	res := expectError(t, `local mu = goroutine.mutex()
mu:lock()
mu:lock()`, "deadlock")
	if len(res.Stuck) != 1 || res.Stuck[0] != (Stuck{G: 1, Name: "main", Reason: "mutex", Object: "mutex 1", Line: 3}) {
		t.Fatalf("stuck: %+v", res.Stuck)
	}
}

// A cond waiter whose timeout cancelled it, and which has not run since,
// must not take the next signal from the waiter that still waits.
func TestCondSignalSkipsTimedOutWaiter(t *testing.T) {
	expectOutput(t, `
local c = goroutine.cond()
local mu = c:get_mutex()
local woke = false
goroutine.spawn(function() goroutine.sleep(1) mu:lock() c:wait() woke = true mu:unlock() end)
goroutine.spawn(function()
  goroutine.sleep(5)
  while goroutine.now() < 11 do end -- busy past the timeout: the timed-out waiter cannot run yet
  c:signal()
end)
print(goroutine.timeout(10, function() mu:lock() c:wait() mu:unlock() end))
goroutine.sleep(20)
print("woke", woke)
`, "false\ttimeout exceeded\nwoke\ttrue\n")
}
