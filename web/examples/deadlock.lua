-- The main goroutine waits for a reply before it has sent the request,
-- and the server waits for the request: neither can go on. Like Go, the
-- run stops and lists every stuck goroutine with what it waits on and
-- where (click a main.lua:N to jump there). Fix it by swapping the last
-- two lines.

local requests = goroutine.channel()
local replies = goroutine.channel()

goroutine.spawn(function()
  goroutine.name("server")
  local req = requests:receive()
  replies:send("pong for " .. req)
end)

print(replies:receive())
requests:send("ping")
