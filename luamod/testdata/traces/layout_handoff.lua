-- A value passed through a channel (web/test/timeline-layout).
local ch = goroutine.channel()
goroutine.spawn(function() ch:send("hello") end)
print(ch:receive())
