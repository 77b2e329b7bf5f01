-- Ask three mirrors and take the first answer. The run succeeds, but
-- the two slower mirrors block forever on an unbuffered send nobody
-- receives: a leak, reported when the run ends. Fix it with
-- goroutine.channel(3), so every mirror can deliver and exit.

local answers = goroutine.channel()

for i = 1, 3 do
  goroutine.spawn(function()
    goroutine.name("mirror " .. i)
    goroutine.sleep(50 * i)
    answers:send("mirror " .. i)
  end)
end

print("first answer from " .. answers:receive())
