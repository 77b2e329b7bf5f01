-- fan_out spreads the hosts over 3 collectors (each host goes to exactly
-- one); every collector sends what it measured on its own channel, and
-- fan_in merges those channels into one, closed when all are closed.

local hosts = goroutine.channel()
goroutine.spawn(function()
  goroutine.name("inventory")
  for i = 1, 12 do hosts:send("host-" .. i) end
  hosts:close()
end)

local parts = goroutine.fan_out(hosts, 3)
local measured = {}
for w, part in ipairs(parts) do
  local out = goroutine.channel()
  measured[w] = out
  goroutine.spawn(function()
    goroutine.name("collector " .. w)
    part:range(function(host)
      local n = tonumber(host:match("%d+"))
      goroutine.sleep(40 + n * 5)               -- scrape the host
      out:send({ host = host, load = (n * 37) % 100, by = w })
    end)
    out:close()
  end)
end

local total, count, seen = 0, 0, {}
goroutine.fan_in(measured):range(function(m)
  total = total + m.load
  count = count + 1
  seen[m.host] = true
end)

local distinct = 0
for _ in pairs(seen) do distinct = distinct + 1 end
print(string.format("collected %d metrics from %d hosts", count, distinct))
print(string.format("average load %.1f, done at %d ms", total / count, goroutine.now()))
