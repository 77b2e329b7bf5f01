-- A context carries cancellation to every goroutine that watches it.
-- ctx:done() is a channel for select; ctx:err() says why it ended.

local root = goroutine.context()
local ctx, cancel = root:with_cancel()
local wg = goroutine.wait_group()

for w = 1, 3 do
  wg:add(1)
  goroutine.spawn(function()
    goroutine.name("worker " .. w)
    local ticks, running = 0, true
    while running do
      goroutine.select({
        { channel = ctx:done(), receive = true, handler = function() running = false end },
        { channel = goroutine.after(100), receive = true, handler = function() ticks = ticks + 1 end },
      })
    end
    print(string.format("worker %d stopped after %d ticks: %s", w, ticks, ctx:err()))
    wg:done()
  end)
end

goroutine.sleep(350)
cancel()                           -- every worker sees it
wg:wait()

-- with_timeout cancels by itself.
local slow = root:with_timeout(200)
goroutine.select({
  { channel = slow:done(), receive = true, handler = function() end },
  { channel = goroutine.after(1000), receive = true, handler = function() end },
})
print(string.format("deadline: %s at %d ms", slow:err(), goroutine.now()))
print("root still alive: " .. tostring(not root:is_cancelled()))
