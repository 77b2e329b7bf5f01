-- Fifty goroutines each add 10 to a shared balance. goroutine.yield()
-- between the read and the write lets another goroutine run there, as
-- preemption could. Without a lock most updates are lost; with a mutex
-- around the read-modify-write none are.

local function deposit_all(lock)
  local balance = 0
  local wg = goroutine.wait_group()
  for i = 1, 50 do
    wg:add(1)
    goroutine.spawn(function()
      if lock then lock:lock() end
      local b = balance
      goroutine.yield()           -- someone else runs here
      balance = b + 10
      if lock then lock:unlock() end
      wg:done()
    end)
  end
  wg:wait()
  return balance
end

local racy = deposit_all(nil)
print("without a mutex: " .. racy .. " (updates lost)")
assert(racy < 500)

print("with the mutex: " .. deposit_all(goroutine.mutex()))

-- An rwmutex lets many readers in at once, or one writer.
local rw = goroutine.rwmutex()
local config = { version = 1 }
local wg = goroutine.wait_group()
for r = 1, 3 do
  wg:add(1)
  goroutine.spawn(function()
    rw:rlock()
    goroutine.sleep(50)
    print(string.format("reader %d sees version %d", r, config.version))
    rw:runlock()
    wg:done()
  end)
end
goroutine.yield()
rw:lock()                          -- waits for the three readers
config.version = 2
rw:unlock()
wg:wait()
print(string.format("writer updated to version %d at %d ms", config.version, goroutine.now()))
