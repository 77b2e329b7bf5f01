-- A goroutine that computes without ever blocking still shares the
-- engine: after a quantum of VM instructions it passes the run token on,
-- so the ticker keeps ticking while the spinner spins. In virtual time
-- each instruction costs a microsecond, so the loop has a visible width
-- on the timeline.

local ticks = 0

goroutine.spawn(function()
  goroutine.name("ticker")
  for i = 1, 5 do
    goroutine.sleep(20)
    ticks = i
    print(string.format("tick %d at %d ms", i, goroutine.now()))
  end
end)

local spinner = goroutine.async(function()
  goroutine.name("spinner")
  local x, seen = 0, 0
  for i = 1, 200000 do
    x = (x + i * i) % 1000003
    if i % 20000 == 0 then seen = ticks end
  end
  return x, seen
end)

local _, x, seen = goroutine.await(spinner)
print(string.format("spinner done: x = %d after %d ms; it saw %d ticks while it ran",
  x, goroutine.now(), seen))
assert(seen > 0, "the ticker never ran during the busy loop")
