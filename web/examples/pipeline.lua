-- pipeline(in, stages) connects stages with channels; each stage runs
-- its function on `workers` goroutines. A stage that returns nil drops
-- the item. Here: detect changes, compile (slow, 3 workers), package.

local services = { "api", "auth", "billing", "docs", "search", "web" }
local changed = { api = true, billing = true, search = true, web = true }

local input = goroutine.channel()
goroutine.spawn(function()
  goroutine.name("source")
  for _, s in ipairs(services) do input:send(s) end
  input:close()
end)

local skipped = 0
local out = goroutine.pipeline(input, {
  { workers = 1, fn = function(svc)               -- detect changes
      if changed[svc] then return svc end
      skipped = skipped + 1
      return nil
    end },
  { workers = 3, fn = function(svc)               -- compile
      goroutine.sleep(100 + #svc * 20)
      return { name = svc, binary = svc .. ".bin" }
    end },
  { workers = 2, fn = function(build)             -- package
      goroutine.sleep(30)
      return build.name
    end },
})

local shipped = {}
out:range(function(name) shipped[#shipped + 1] = name end)
table.sort(shipped)
print("shipped: " .. table.concat(shipped, ", "))
print(string.format("skipped %d services without changes, done at %d ms",
  skipped, goroutine.now()))
