-- Two busy loops preempt each other, a timeout cancels its function, and
-- main fails (web/test/timeline-layout).
goroutine.spawn(function() local n = 0 while n < 4000 do n = n + 1 end end)
local n = 0
while n < 6000 do n = n + 1 end
print(goroutine.timeout(3, function() local m = 0 while true do m = m + 1 end end))
error("boom")
