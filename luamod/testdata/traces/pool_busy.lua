-- A pool with a queue, busy workers that get preempted, and stats.
goroutine.pool_create("crunch", {workers = 2, queue = 10})
local results = {}
for i = 1, 5 do
  goroutine.pool_submit("crunch", function()
    local x = 0
    for k = 1, 5000 * i do x = x + k % 7 end
    results[i] = x
  end)
end
goroutine.pool_wait("crunch")
local s = goroutine.pool_stats("crunch")
print(s.completed, s.failed, results[1], results[5], goroutine.now())
