-- async and await of a sleeping goroutine (web/test/timeline-layout).
local h = goroutine.async(function()
  goroutine.sleep(5)
  return 42
end)
print(h:await())
