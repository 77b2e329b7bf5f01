-- A build, test and deploy pipeline in sloth-runner's table form, with
-- simulated commands, a wait group, a worker pool and async deploys.
local goroutine = require("goroutine")
exec.mock("make test-integration", {exit_code = 0, stdout = "42 passed", duration = 900})

workflow.define("release", {
  description = "Build, test and deploy",
  tasks = {
    {
      name = "build",
      description = "Build every component at once",
      command = function(this, params)
        local wg = goroutine.wait_group()
        local built = {}
        for _, component in ipairs({"api", "web", "worker"}) do
          wg:add(1)
          goroutine.spawn(function()
            local r = exec.run("make build-" .. component)
            built[#built + 1] = component .. (r.success and " ok" or " failed")
            wg:done()
          end)
        end
        wg:wait()
        table.sort(built)
        log.info("built: " .. table.concat(built, ", "))
        return true
      end,
    },
    {
      name = "test",
      depends_on = "build",
      command = function(this, params)
        goroutine.pool_create("tests", {workers = 2})
        for _, suite in ipairs({"unit", "integration", "e2e", "lint"}) do
          goroutine.pool_submit("tests", function()
            local r = exec.run("make test-" .. suite)
            if not r.success then error(suite .. " failed") end
          end)
        end
        goroutine.pool_wait("tests")
        local stats = goroutine.pool_stats("tests")
        goroutine.pool_close("tests")
        log.info(string.format("tests: %d completed, %d failed", stats.completed, stats.failed))
        return stats.failed == 0, "test suites ran"
      end,
    },
    {
      name = "deploy",
      depends_on = {"test"},
      command = function(this, params)
        local handles = {}
        for i, region in ipairs({"us-east", "eu-west", "ap-south"}) do
          handles[i] = goroutine.async(function()
            return exec.run("kubectl --context " .. region .. " apply -f release.yaml").success
          end)
        end
        local deployed = 0
        for _, r in ipairs(goroutine.await_all(handles)) do
          if r.success and r.values[1] then deployed = deployed + 1 end
        end
        log.info("deployed to " .. deployed .. " regions")
        return deployed == 3
      end,
    },
  },
})
