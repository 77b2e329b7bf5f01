-- A goroutine error with a traceback, and a leaked goroutine.
local wg = goroutine.wait_group()
wg:add(1)
goroutine.spawn(function() wg:wait() end)
goroutine.spawn(function()
  local function inner(t) return t.x.y end
  inner({})
end)
goroutine.sleep(5)
print("main ends")
