package luamod

import (
	"testing"
)

func TestContext(t *testing.T) {
	expectSyncCases(t, []syncCase{
		{"cancel and err", `
local ctx = goroutine.context()
local child, cancel = ctx:with_cancel()
print(child:is_cancelled(), child:err(), child:deadline())
cancel()
print(child:is_cancelled(), child:err(), ctx:is_cancelled())
child:cancel()
print(child:err())`, "false\tnil\tnil\ntrue\tcontext canceled\tfalse\ncontext canceled\n"},
		{"cancel cascades to children", `
local root = goroutine.context()
local a = root:with_cancel()
local b = a:with_timeout(100)
local c = b:with_cancel()
a:cancel()
print(b:err(), c:err(), root:err())
local late = a:with_cancel()
print(late:err(), late:done():is_closed())`, "context canceled\tcontext canceled\tnil\ncontext canceled\ttrue\n"},
		{"timeout on the run clock", `
local ctx = goroutine.context():with_timeout(50)
print(string.format("%.3f", ctx:deadline() - os.time() * 1000))
print(ctx:done():receive())
print(goroutine.now(), ctx:err())`, "50.006\nnil\tfalse\n50.011\tcontext deadline exceeded\n"},
		{"deadline is an instant on os.time's clock; a child keeps the earlier one", `
local start = os.time() * 1000
local ctx = goroutine.context():with_deadline(start + 30)
local child = ctx:with_deadline(start + 80)
print(ctx:deadline() - start, child:deadline() == ctx:deadline())
child:done():receive()
print(goroutine.now(), child:err())
print(goroutine.context():with_deadline(30):err())
print(goroutine.context():with_deadline(0 / 0):err())`, "30\ttrue\n30.004\tcontext deadline exceeded\ncontext deadline exceeded\ncontext deadline exceeded\n"},
		{"cancel before the deadline stops the timer", `
local ctx, cancel = goroutine.context():with_timeout(1000)
goroutine.sleep(10)
cancel()
print(ctx:err())
goroutine.sleep(2000)
print(ctx:err())`, "context canceled\ncontext canceled\n"},
		{"done is one channel, usable in select", `
local ctx = goroutine.context():with_timeout(20)
print(ctx:done() == ctx:done())
local work = goroutine.channel()
print(goroutine.select({
  {channel = work, receive = true, handler = function() return "work" end},
  {channel = ctx:done(), receive = true, handler = function() return ctx:err() end},
}))`, "true\n2\tcontext deadline exceeded\n"},
		{"cancel wakes every goroutine waiting on done in select", `
local ctx, cancel = goroutine.context():with_cancel()
local jobs = goroutine.channel()
local wg = goroutine.wait_group()
for i = 1, 5 do
  wg:add()
  goroutine.spawn(function()
    local done = 0
    while true do
      local i = goroutine.select({
        {channel = jobs, receive = true, handler = function() done = done + 1 end},
        {channel = ctx:done(), receive = true},
      })
      if i == 2 then break end
    end
    print("worker", i, "stopped after", done, ctx:err())
    wg:done()
  end)
end
for j = 1, 5 do jobs:send(j) end
cancel()
wg:wait()
print(jobs:try_send(1))`,
			"worker\t1\tstopped after\t2\tcontext canceled\nworker\t2\tstopped after\t1\tcontext canceled\n" +
				"worker\t3\tstopped after\t1\tcontext canceled\nworker\t4\tstopped after\t1\tcontext canceled\n" +
				"worker\t5\tstopped after\t0\tcontext canceled\nfalse\n"},
	})
}

func TestContextMisuse(t *testing.T) {
	for src, pattern := range map[string]string{
		`goroutine.context():with_timeout()`:        `bad argument #2 to with_timeout \(number expected, got nil\)`,
		`goroutine.context().cancel(1)`:             `bad argument #1 to cancel \(goroutine.context expected, got number\)`,
		`goroutine.context():with_deadline("soon")`: `bad argument #2 to with_deadline \(number expected, got string\)`,
	} {
		expectError(t, src, pattern)
	}
}

func TestContextDoneLeakReport(t *testing.T) {
	res, rec := run(t, `local ctx = goroutine.context()
goroutine.spawn(function()
  ctx:done():receive()
end)`)
	if !res.OK() || len(res.Stuck) != 1 || res.Stuck[0] != (Stuck{G: 2, Reason: "context", Object: "context 1", Line: 3}) {
		t.Fatalf("%s %+v\n%s", res.Status, res.Stuck, rec.Stderr.String())
	}
}
