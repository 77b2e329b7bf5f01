-- A semaphore with 3 permits lets at most 3 goroutines into a section
-- at once, however many are waiting. The timeline shows the others
-- blocked on the semaphore.

local sem = goroutine.semaphore(3)
local active, peak = 0, 0
local wg = goroutine.wait_group()
wg:add(10)

goroutine.spawn_many(10, function(i)
  goroutine.name("upload " .. i)
  sem:acquire()
  active = active + 1
  if active > peak then peak = active end
  goroutine.sleep(100)             -- the upload
  active = active - 1
  sem:release()
  wg:done()
end)

wg:wait()
print(string.format("peak concurrency %d of 10 uploads, %d permits free, done at %d ms",
  peak, sem:available(), goroutine.now()))

if sem:try_acquire() then
  print("try_acquire got a permit without waiting")
  sem:release()
end
