-- async(fn, ...) starts fn in a goroutine and returns a handle; await
-- returns true and fn's values, or false and the error. await_all
-- collects a whole list, in list order, without stopping at the first
-- failure.

local function fetch_user(id)
  goroutine.sleep(120)             -- a slow lookup
  return { id = id, name = "ada" }
end

local function fetch_orders(id)
  goroutine.sleep(80)
  return { "book", "lamp", "tea" }
end

local hu = goroutine.async(fetch_user, 7)
local ho = goroutine.async(fetch_orders, 7)

local ok, user = goroutine.await(hu)
local ok2, orders = ho:await()
assert(ok and ok2)
print(string.format("user %s has %d orders (both fetched in %d ms)",
  user.name, #orders, goroutine.now()))

local results = goroutine.await_all({
  goroutine.async(function() goroutine.sleep(50); return "prices", 42 end),
  goroutine.async(function() goroutine.sleep(30); error("warehouse offline", 0) end),
})
for i, r in ipairs(results) do
  if r.success then
    print(string.format("result %d: %s = %s", i, r.values[1], tostring(r.values[2])))
  else
    print("inventory failed: " .. r.error)
  end
end
