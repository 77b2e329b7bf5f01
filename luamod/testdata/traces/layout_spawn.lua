-- Two goroutines, a sleep, a mark and a wait group (web/test/timeline-layout).
local wg = goroutine.wait_group()
wg:add(2)
goroutine.spawn(function()
  goroutine.name("sleeper")
  goroutine.sleep(10)
  wg:done()
end)
goroutine.spawn(function()
  local sum = 0
  for i = 1, 50 do sum = sum + i end
  goroutine.mark("summed")
  wg:done()
end)
wg:wait()
