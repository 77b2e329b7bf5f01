-- A health-check task in sloth-runner's style: a task builder whose
-- command checks every service at once over (simulated) HTTP.
local health = task("health_check")
  :description("Check the services in parallel")
  :command(function(this, params)
    local goroutine = require("goroutine")
    local http = require("http")
    http.mock("https://queue.internal/health", {status = 500, body = "degraded", latency = 90})

    local services = {
      "https://api.internal/health",
      "https://auth.internal/health",
      "https://queue.internal/health",
      "https://search.internal/health",
    }
    log.info("checking " .. #services .. " services for task " .. params.task_name)
    local handles = {}
    for i, url in ipairs(services) do
      handles[i] = goroutine.async(function()
        local ok, resp = goroutine.timeout(2000, function() return http.get(url) end)
        return {service = url, healthy = ok and resp ~= nil and resp.ok, status = resp and resp.status}
      end)
    end
    local healthy, sick = 0, {}
    for _, r in ipairs(goroutine.await_all(handles)) do
      local check = r.values[1]
      if r.success and check.healthy then
        healthy = healthy + 1
      else
        table.insert(sick, check.service .. " (" .. tostring(check.status) .. ")")
      end
    end
    log.info(string.format("%d/%d services healthy", healthy, #services))
    if #sick > 0 then log.warn("unhealthy: " .. table.concat(sick, ", ")) end
    return true, "checked " .. #services .. " services", {healthy = healthy}
  end)
  :on_success(function(this, params, output)
    log.table(output, "health summary")
  end)
  :timeout("1m")
  :build()

workflow.define("monitoring", {
  description = "Parallel health checks",
  tasks = { health },
})
