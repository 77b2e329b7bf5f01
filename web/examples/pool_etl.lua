-- A pool runs submitted tasks on a fixed number of workers: at most 4
-- batches are extracted at once, however many are queued. pool_wait
-- waits for every submitted task; pool_stats counts them.

goroutine.pool_create("etl", { workers = 4 })

local loaded = {}

for batch = 1, 12 do
  local id = goroutine.pool_submit("etl", function()
    goroutine.sleep(40 + (batch % 3) * 30)      -- extract: read a file
    local sum = 0
    for row = 1, 100 do sum = sum + row end     -- transform: CPU work
    goroutine.sleep(10)                         -- load: write it back
    loaded[batch] = sum * batch
  end)
  if batch == 1 then print("first task id: " .. id) end
end

goroutine.pool_wait("etl")
local s = goroutine.pool_stats("etl")
print(string.format("pool %s: %d workers, %d completed, %d failed",
  s.name, s.workers, s.completed, s.failed))
goroutine.pool_close("etl")

local checksum = 0
for _, v in ipairs(loaded) do checksum = checksum + v end
print(string.format("loaded %d batches, checksum %d", #loaded, checksum))
print(string.format("done at %d ms", goroutine.now()))
