package luamod

import "testing"

// ch.send(v) for ch:send(v) says how to write it, for a local, an
// upvalue, a global and fields of one; an object the script reached
// otherwise (an index, a call's result), or a value of another kind (a
// module table), gets no hint.
func TestMethodCalledWithADotSaysToUseAColon(t *testing.T) {
	expectOutput(t, `
local ch = goroutine.channel(1)
shared = goroutine.mutex()
local t = {jobs = ch}
local Worker = {}
Worker.__index = Worker
function Worker:push(v) self.jobs.send(v) end
local w = setmetatable({jobs = ch}, Worker)
print(pcall(function() local wg = goroutine.wait_group() wg.add(1) end))
print(pcall(function() ch.send(1) end))
print(pcall(function() shared.lock() end))
print(pcall(function() t.jobs.receive() end))
print(pcall(w.push, w, 5))
print(pcall(function() ({ch})[1].close() end))
print(pcall(function() goroutine.channel().send(1) end))
print(pcall(function() goroutine.channel_send(5, 1) end))
local app = {pools = {main = {queue = ch}}}
print(pcall(function() app.pools.main.queue.try_receive() end))
`, "false\tmain.lua:9: bad argument #1 to add (goroutine.wait_group expected, got number; use a colon: wg:add(...))\n"+
		"false\tmain.lua:10: bad argument #1 to send (goroutine.channel expected, got number; use a colon: ch:send(...))\n"+
		"false\tmain.lua:11: bad argument #1 to lock (goroutine.mutex expected, got nil; use a colon: shared:lock(...))\n"+
		"false\tmain.lua:12: bad argument #1 to receive (goroutine.channel expected, got nil; use a colon: t.jobs:receive(...))\n"+
		"false\tmain.lua:7: bad argument #1 to send (goroutine.channel expected, got number; use a colon: self.jobs:send(...))\n"+
		"false\tmain.lua:14: bad argument #1 to close (goroutine.channel expected, got nil)\n"+
		"false\tmain.lua:15: bad argument #1 to send (goroutine.channel expected, got number)\n"+
		"false\tmain.lua:16: bad argument #1 to channel_send (goroutine.channel expected, got number)\n"+
		"false\tmain.lua:18: bad argument #1 to try_receive (goroutine.channel expected, got nil; use a colon: app.pools.main.queue:try_receive(...))\n")
}
