-- A server and main wait on channels nobody sends on (web/test/timeline-view).
local requests, replies = goroutine.channel(), goroutine.channel()
goroutine.spawn(function()
  goroutine.name("server")
  local req = requests:receive()
  replies:send(req)
end)
print(replies:receive())
