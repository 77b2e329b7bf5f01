-- A pool of two workers running three sleeping tasks; main waits
-- (web/test/timeline-layout).
goroutine.pool_create("work", {workers = 2})
for i = 1, 3 do
  goroutine.pool_submit("work", function() goroutine.sleep(2 * i) end)
end
goroutine.pool_wait("work")
