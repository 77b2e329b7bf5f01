-- spawn_many(n, fn) starts fn(1) .. fn(n), each in its own goroutine.
-- They share globals and upvalues like Go closures share variables, and
-- an atomic counter adds their results without losing an update.

local n = 100
local total = goroutine.atomic_int(0)
local slowest = 0
local wg = goroutine.wait_group()
wg:add(n)

goroutine.spawn_many(n, function(i)
  local delay = (i * 7) % 100       -- pretend each job takes a while
  goroutine.sleep(delay)
  total:add(i)
  if delay > slowest then slowest = delay end
  wg:done()
end)

wg:wait()
print("sum of 1.." .. n .. " = " .. total:load())
print(string.format("%d goroutines, largest delay %d ms", n, slowest))
print(string.format("finished after %d ms, not the %d ms of a sequential loop",
  goroutine.now(), 4950))
