-- Health checks over simulated HTTP. require("http") is the playground's
-- stand-in for sloth-runner's module: a request takes seeded, simulated
-- time on the run clock and gets the answer http.mock set up (200 OK when
-- none was); nothing leaves the page. Checked one by one, the waits add
-- up; checked all at once, the run takes about as long as the slowest.

local http = require("http")

local services = {
  "https://auth.example.com/health",
  "https://billing.example.com/health",
  "https://cart.example.com/health",
  "https://catalog.example.com/health",
  "https://payments.example.com/health",
  "https://search.example.com/health",
  "https://users.example.com/health",
  "https://inventory.example.com/health",
}
http.mock("https://payments.example.com/health", {status = 503, body = "maintenance", latency = 180})
http.mock("https://search.example.com/health", {error = "connection refused", latency = 40})

local function check(url)
  local resp, err = http.get(url, {timeout = 1000})
  if not resp then return false, err end
  return resp.ok, string.format("%d in %d ms", resp.status, resp.latency_ms)
end

-- One after another, as a plain loop would.
local start = goroutine.now()
for _, url in ipairs(services) do check(url) end
local sequential = goroutine.now() - start

-- All at once: one goroutine per service.
start = goroutine.now()
local handles = {}
for i, url in ipairs(services) do
  handles[i] = goroutine.async(function()
    goroutine.name("check " .. url:match("//(%w+)"))
    return check(url)
  end)
end
local healthy = 0
for i, r in ipairs(goroutine.await_all(handles)) do
  local up, detail = r.values[1], r.values[2]
  if up then healthy = healthy + 1 end
  log.info(string.format("%-38s %-4s %s", services[i], up and "up" or "DOWN", detail))
end
local parallel = goroutine.now() - start

print(string.format("%d of %d services healthy", healthy, #services))
print(string.format("one by one: %.0f ms; all at once: %.0f ms; speedup %.1fx",
  sequential, parallel, sequential / parallel))
