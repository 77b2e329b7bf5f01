-- An error ends only the goroutine that raised it; the others go on and
-- the run is reported as failed, with the goroutine id and a traceback.
-- Click main.lua:7 in the output to jump to the line. Errors inside
-- async, timeout and pool tasks are returned to whoever awaits them.

local function port_of(config)
  return config.server.port    -- config.server is nil for "b"
end

goroutine.spawn(function()
  goroutine.name("parse b")
  print("port: " .. port_of({}))
end)

goroutine.spawn(function()
  print("port: " .. port_of({ server = { port = 8080 } }))
end)

local h = goroutine.async(function() error("disk full", 0) end)
local ok, err = goroutine.await(h)
print("async errors are returned: " .. err)
