-- goroutine.spawn runs a function in a new goroutine; a wait group lets
-- the main goroutine wait until they have all finished. Press Run
-- (Ctrl+Enter) and look at the timeline: one row per goroutine.

local wg = goroutine.wait_group()

for i = 1, 3 do
  wg:add(1)
  goroutine.spawn(function()
    goroutine.sleep(100 * i)   -- blocks this goroutine only
    print("hello from goroutine " .. goroutine.id())
    wg:done()
  end)
end

wg:wait()
print(string.format("all done: 3 goroutines finished at %d ms", goroutine.now()))
