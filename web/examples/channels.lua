-- A channel passes values between goroutines. With capacity 2 the
-- producer runs up to two values ahead of the consumer, then blocks on
-- send until there is room. close() tells the receiver nothing more
-- will come: receive then returns nil, false.

local ch = goroutine.channel(2)

goroutine.spawn(function()
  goroutine.name("producer")
  for i = 1, 5 do
    ch:send(i * i)
    print(string.format("sent %2d at %3d ms", i * i, goroutine.now()))
  end
  ch:close()
end)

local got = {}
while true do
  local v, ok = ch:receive()
  if not ok then break end
  goroutine.sleep(50)              -- the consumer is slower
  got[#got + 1] = v
end
print("received " .. table.concat(got, " "))
print(string.format("channel closed after %d values", #got))

-- range is the short form of the same loop.
local words = goroutine.channel(3)
words:send("go"); words:send("lua"); words:send("wasm")
words:close()
words:range(function(w) print("word: " .. w) end)
