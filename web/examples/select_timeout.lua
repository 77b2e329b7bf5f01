-- select waits on several channel operations at once and runs the
-- handler of the first one that is ready. goroutine.after(ms) is a
-- channel that receives once: the timeout case.

local fast = goroutine.channel(1)
local slow = goroutine.channel(1)

goroutine.spawn(function() goroutine.sleep(100); fast:send("fast reply") end)
goroutine.spawn(function() goroutine.sleep(900); slow:send("slow reply") end)

local timer = goroutine.after(500)
local waiting = true
while waiting do
  goroutine.select({
    { channel = fast, receive = true, handler = function(v) print("got: " .. v) end },
    { channel = slow, receive = true, handler = function(v) print("got: " .. v) end },
    { channel = timer, receive = true, handler = function()
        print(string.format("timed out after %d ms", goroutine.now()))
        waiting = false
      end },
  })
end

-- The upstream form: select_timeout returns true on timeout, or false and
-- the 0-based index of the case that ran.
local nothing = goroutine.channel()
local timed_out = goroutine.select_timeout(100, {
  { channel = nothing, receive = true, handler = function() end },
})
print("select_timeout: " .. (timed_out and "timed out" or "a case ran"))

-- default makes select non-blocking.
goroutine.select({
  { channel = nothing, receive = true, handler = function() print("impossible") end },
  { default = true, handler = function() print("nothing ready: default ran") end },
})

goroutine.sleep(400)
print("the late reply waits in its buffer: " .. slow:len() .. " value")
