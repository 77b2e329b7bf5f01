-- Producers, a buffered channel, select with a timeout channel, a mutex,
-- a context and a pipeline: every handoff is linked in the trace.
local jobs = goroutine.channel(2)
local results = goroutine.channel()
local mu = goroutine.mutex()
local seen = 0
for p = 1, 2 do
  goroutine.spawn(function()
    for i = 1, 3 do jobs:send(p * 10 + i) end
  end)
end
goroutine.spawn(function()
  for i = 1, 6 do
    local v = jobs:receive()
    mu:lock() seen = seen + 1 mu:unlock()
    results:send(v * 2)
  end
  results:close()
end)
local sum, timeouts = 0, 0
local tick = goroutine.after(1)
while true do
  local i, v, ok = goroutine.select({
    {channel = results, receive = true, handler = function(v, ok) return v, ok end},
    {channel = tick, receive = true, handler = function() timeouts = timeouts + 1 end},
  })
  if i == 1 then
    if not ok then break end
    sum = sum + v
  end
end
local ctx = goroutine.context():with_timeout(5)
local done = ctx:done()
print(goroutine.select_timeout(50, {{channel = done, receive = true, handler = function() end}}))
print(sum, seen, timeouts, ctx:err())
local src = goroutine.channel(10)
for i = 1, 5 do src:send(i) end
src:close()
local out = goroutine.pipeline(src, {{fn = function(v) if v % 2 == 1 then return v * v end end, workers = 2}})
local got = {}
out:range(function(v) got[#got + 1] = v end)
table.sort(got)
print(table.concat(got, " "), math.random(100))
