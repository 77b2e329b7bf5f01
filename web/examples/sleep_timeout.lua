-- timeout(ms, fn) runs fn in its own goroutine and gives up after ms
-- milliseconds: it returns false, "timeout exceeded" and cancels fn's
-- goroutine, so nothing keeps running behind your back.

local function call_service(latency)
  goroutine.sleep(latency)
  return 42
end

local ok, v = goroutine.timeout(500, function() return call_service(100) end)
print(string.format("fast call: %s %s", tostring(ok), tostring(v)))

ok, v = goroutine.timeout(200, function() return call_service(1000) end)
print(string.format("slow call: %s %s", tostring(ok), tostring(v)))

-- A retry loop with a growing deadline.
for attempt = 1, 4 do
  local limit = 100 * attempt
  local ok, v = goroutine.timeout(limit, function() return call_service(250) end)
  print(string.format("attempt %d (limit %d ms): %s", attempt, limit,
    ok and "answered " .. v or v))
  if ok then break end
end
print(string.format("done at %d ms", goroutine.now()))
