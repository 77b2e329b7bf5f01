-- Goroutines that sleep different times, a wait group, and marks.
local wg = goroutine.wait_group()
for i = 1, 4 do
  wg:add(1)
  goroutine.spawn(function()
    goroutine.name("sleeper " .. i)
    goroutine.sleep(10 * (5 - i))
    goroutine.mark("woke " .. i)
    print("sleeper", i, "at", goroutine.now())
    wg:done()
  end)
end
wg:wait()
print("all done at", goroutine.now(), os.date("%H:%M:%S"), math.random(1000))
