-- Background tickers and a deadline on os.time's clock, as sloth-runner's
-- docs write them: a worker polls until its context's deadline, a
-- heartbeat ticks for ever and is stopped after the grace period.
local goroutine = require("goroutine")
local ctx = goroutine.context():with_deadline(os.time() * 1000 + 1500)

goroutine.spawn(function()
  goroutine.name("heartbeat")
  while true do
    goroutine.sleep(500)
    log.debug("heartbeat at " .. goroutine.now() .. " ms")
  end
end)

local polls = 0
local done = goroutine.channel()
goroutine.spawn(function()
  goroutine.name("poller")
  while not ctx:is_cancelled() do
    polls = polls + 1
    goroutine.sleep(200)
  end
  done:send(ctx:err())
end)

log.info("poller stopped: " .. done:receive())
log.info("polls: " .. polls)
