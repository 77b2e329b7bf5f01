-- Main and a child each wait on a wait group nobody releases
-- (web/test/timeline-layout).
local mine, theirs = goroutine.wait_group(), goroutine.wait_group()
mine:add(1)
theirs:add(1)
goroutine.spawn(function() theirs:wait() end)
mine:wait()
