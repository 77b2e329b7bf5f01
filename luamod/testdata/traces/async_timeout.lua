-- async/await, await_all, timeouts that fire and that do not, and an error.
local function work(ms, v) goroutine.sleep(ms) return v end
local a = goroutine.async(work, 20, "a")
local b = goroutine.async(work, 5, "b")
local c = goroutine.async(function() error("c failed") end)
print(goroutine.await(a))
local all = goroutine.await_all({a, b, c})
for i, r in ipairs(all) do print(i, r.success, r.values and r.values[1] or r.error) end
print(goroutine.timeout(10, work, 50, "late"))
print(goroutine.timeout(10, work, 1, "early"))
