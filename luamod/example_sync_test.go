package luamod_test

import (
	"context"
	"fmt"

	"luaplay/luamod"
)

// syncExample runs src on the virtual clock and prints its output, and
// its error when the run failed.
func syncExample(src string) {
	rec := &luamod.Recorder{}
	res := luamod.Run(context.Background(), src, luamod.Options{}, rec)
	fmt.Print(rec.Stdout.String())
	if !res.OK() {
		fmt.Println(res.Status, res.Error)
	}
}

// Channels have Go's semantics: a producer and a consumer meet on an
// unbuffered channel, and range ends when the producer closes it.
func ExampleRun_channel() {
	syncExample(`
local ch = goroutine.channel()
goroutine.spawn(function()
  for i = 1, 3 do ch:send(i * i) end
  ch:close()
end)
ch:range(function(v) print("got", v) end)
print(ch:receive())
print(ch:close())`)
	// Output:
	// got	1
	// got	4
	// got	9
	// nil	false
	// false	channel already closed
}

// select waits on several channels at once; after gives it a timeout.
func ExampleRun_select() {
	syncExample(`
local results = goroutine.channel()
goroutine.spawn(function() goroutine.sleep(300); results:send("slow answer") end)
local i, what = goroutine.select({
  {channel = results, receive = true, handler = function(v) return v end},
  {channel = goroutine.after(100), receive = true, handler = function(t) return "timed out at " .. t end},
})
print(i, what)
print(goroutine.select_timeout(500, {{channel = results, receive = true}}))`)
	// Output:
	// 2	timed out at 100.021
	// false	0
}

// A mutex guards a read-modify-write that spans a sleep; a semaphore
// bounds how many goroutines work at once.
func ExampleRun_mutex() {
	syncExample(`
local mu, sem = goroutine.mutex(), goroutine.semaphore(2)
local wg = goroutine.wait_group()
local balance, busy, most = 0, 0, 0
for i = 1, 6 do
  wg:add()
  goroutine.spawn(function()
    sem:acquire()
    busy = busy + 1; most = math.max(most, busy)
    mu:lock()
    local b = balance
    goroutine.sleep(1)
    balance = b + 10
    mu:unlock()
    busy = busy - 1
    sem:release()
    wg:done()
  end)
end
wg:wait()
print("balance", balance, "at most", most, "at once")`)
	// Output:
	// balance	60	at most	2	at once
}

// A context cancels a group of workers that wait on its done channel.
func ExampleRun_context() {
	syncExample(`
local ctx = goroutine.context():with_timeout(50)
local wg = goroutine.wait_group()
for i = 1, 2 do
  wg:add()
  goroutine.spawn(function()
    local ticks = 0
    while goroutine.select({
      {channel = ctx:done(), receive = true},
      {channel = goroutine.after(20), receive = true},
    }) == 2 do ticks = ticks + 1 end
    print("worker", i, "ticks", ticks, ctx:err())
    wg:done()
  end)
end
wg:wait()`)
	// Output:
	// worker	1	ticks	2	context deadline exceeded
	// worker	2	ticks	2	context deadline exceeded
}

// pipeline runs each stage in its own goroutines; fan_out and fan_in
// spread work and gather it again.
func ExampleRun_pipeline() {
	syncExample(`
local src = goroutine.channel(10)
for i = 1, 10 do src:send(i) end
src:close()
local evens = goroutine.pipeline(src, {
  {fn = function(v) if v % 2 == 0 then return v end end, workers = 2},
  {fn = function(v) return v * 10 end},
})
local sum = 0
evens:range(function(v) sum = sum + v end)
print("sum", sum)

local jobs = goroutine.channel(6)
for i = 1, 6 do jobs:send(i) end
jobs:close()
local total = 0
goroutine.fan_in(goroutine.fan_out(jobs, 3)):range(function(v) total = total + v end)
print("total", total)`)
	// Output:
	// sum	300
	// total	21
}

// once runs an initialisation at most once, however many goroutines
// ask; atomic_int counts without a mutex; cond waits for a condition.
func ExampleRun_once() {
	syncExample(`
local once, calls = goroutine.once(), goroutine.atomic_int()
local c = goroutine.cond()
local mu, ready = c:get_mutex(), 0
for i = 1, 3 do
  goroutine.spawn(function()
    once:call(function() print("initialised by", i) end)
    calls:add(1)
    mu:lock(); ready = ready + 1; c:signal(); mu:unlock()
  end)
end
mu:lock()
while ready < 3 do c:wait() end
mu:unlock()
print("calls", calls:load())`)
	// Output:
	// initialised by	1
	// calls	3
}
