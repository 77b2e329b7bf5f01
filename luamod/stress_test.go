package luamod

import (
	"testing"
)

// TestManyGoroutinesShareTables runs hundreds of goroutines that read and
// write shared tables and upvalues through preemption, sleeps and yields;
// under -race it checks that one run token really serializes the VM.
func TestManyGoroutinesShareTables(t *testing.T) {
	expectOutput(t, `
shared = {count = 0, items = {}}
local total = 0
local wg = goroutine.wait_group()
for i = 1, 400 do
  wg:add(1)
  goroutine.spawn(function()
    for k = 1, 50 do
      shared.count = shared.count + 1
      shared.items[#shared.items + 1] = i
      total = total + k
      if k % 10 == 0 then goroutine.yield() end
      if k % 25 == 0 then goroutine.sleep(i % 7) end
    end
    local s = 0
    for k = 1, 2000 do s = s + k end
    wg:done()
  end)
end
wg:wait()
print(shared.count, #shared.items, total)
`, "20000\t20000\t510000\n")
}
