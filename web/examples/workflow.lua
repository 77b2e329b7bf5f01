-- A script written for sloth-runner runs here unchanged: task() builds
-- tasks, workflow.define groups them, and after the script returns the
-- workflow runs its tasks in order. Each task is a group on the
-- timeline; inside one, goroutines do the work in parallel.

local goroutine = require("goroutine")

local build = task("build")
  :description("Compile three services in parallel")
  :command(function(this, params)
    log.info("task " .. params.task_name .. ": compiling")
    local wg = goroutine.wait_group()
    for _, svc in ipairs({ "api", "web", "worker" }) do
      wg:add(1)
      goroutine.spawn(function()
        goroutine.sleep(150 + #svc * 10)
        log.info("built " .. svc)
        wg:done()
      end)
    end
    wg:wait()
    return true
  end)
  :build()

local test = task("test")
  :description("Run the test suite in 8 shards on 4 workers")
  :depends_on({ "build" })
  :command(function(this, params)
    goroutine.pool_create("shards", { workers = 4 })
    for shard = 1, 8 do
      goroutine.pool_submit("shards", function() goroutine.sleep(60 + shard * 10) end)
    end
    goroutine.pool_wait("shards")
    local stats = goroutine.pool_stats("shards")
    goroutine.pool_close("shards")
    log.info(stats.completed .. " test shards passed")
    return stats.failed == 0
  end)
  :on_success(function() log.info("tests green") end)
  :build()

local deploy = task("deploy")
  :description("Roll out to every region at once")
  :depends_on({ "test" })
  :delegate_to("deploy-host")
  :command(function(this, params)
    local handles = {}
    for _, region in ipairs({ "us-east", "eu-west", "sa-east" }) do
      handles[#handles + 1] = goroutine.async(function()
        goroutine.sleep(200)
        return region
      end)
    end
    local results = goroutine.await_all(handles)
    log.info("deployed to " .. #results .. " regions")
    return true
  end)
  :build()

workflow.define("ci", {
  description = "Build, test and deploy",
  tasks = { build, test, deploy },
})
