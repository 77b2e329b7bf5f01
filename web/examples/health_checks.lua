-- The announcement's first use case: check many services at once. Each
-- check waits on the network (simulated with goroutine.sleep), so ten
-- of them in parallel take about as long as the slowest one. The speedup
-- in the status line is the engine's measure of the same thing.

local services = { "auth", "billing", "cart", "catalog", "checkout",
                   "email", "inventory", "payments", "search", "users" }

local function check(name, i)
  goroutine.sleep(100 + (i * 37) % 200)   -- network round trip
  if name == "email" then return false, "503 Service Unavailable" end
  return true, "200 OK"
end

local start = goroutine.now()
local handles = {}
for i, name in ipairs(services) do
  handles[i] = goroutine.async(function()
    goroutine.name("check " .. name)
    local began = goroutine.now()
    local up, status = check(name, i)
    return up, status, goroutine.now() - began
  end)
end
local results = goroutine.await_all(handles)
local parallel = goroutine.now() - start

local healthy, sequential = 0, 0
for i, r in ipairs(results) do
  local up, status, took = r.values[1], r.values[2], r.values[3]
  if up then healthy = healthy + 1 end
  sequential = sequential + took    -- what a one-by-one loop would wait
  print(string.format("%-10s %-24s %3d ms", services[i], status, took))
end
print(string.format("%d services checked, %d healthy", #services, healthy))
print(string.format("one by one: %d ms; all at once: %d ms; speedup %.1fx",
  sequential, parallel, sequential / parallel))
assert(sequential / parallel > 5, "expected a speedup above 5x")
