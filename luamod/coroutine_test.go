package luamod

import (
	"strings"
	"testing"
)

// A coroutine parked inside goroutine A (asleep in it) is running, not
// suspended: goroutine B can neither see it as suspended nor resume it,
// and A's resume gets A's yield.
func TestCoroutineParkedInAnotherGoroutineCannotBeResumed(t *testing.T) {
	expectOutput(t, `
local co = coroutine.create(function()
  goroutine.sleep(10)
  coroutine.yield("from A")
  return "done"
end)
goroutine.spawn(function()
  goroutine.sleep(5)
  print("B sees", coroutine.status(co))
  print("B", coroutine.resume(co))
end)
print("A", coroutine.resume(co))
print(coroutine.status(co))
print("A", coroutine.resume(co))
print(coroutine.status(co), coroutine.resume(co))
`, "B sees\trunning\nB\tfalse\tcannot resume running coroutine\nA\ttrue\tfrom A\nsuspended\nA\ttrue\tdone\ndead\tfalse\tcannot resume dead coroutine\n")
}

// A suspended coroutine can move between goroutines, as a value can.
func TestSuspendedCoroutineResumesInAnotherGoroutine(t *testing.T) {
	expectOutput(t, `
local gen = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end end)
print(gen())
print(goroutine.async(function() return gen() end):await())
print(gen())
`, "1\ntrue\t2\n3\n")
}

// A goroutine's own thread is no coroutine: running() is nil there, as in
// Lua 5.1's main thread, and a coroutine cannot resume itself or the one
// that resumed it.
func TestCoroutineRunningAndSelfResume(t *testing.T) {
	expectOutput(t, `
print(coroutine.running())
print(goroutine.async(function() return coroutine.running() end):await())
local outer
outer = coroutine.create(function()
  local inner = coroutine.create(function()
    print(coroutine.status(outer), coroutine.resume(outer))
  end)
  print(coroutine.resume(coroutine.running()))
  coroutine.resume(inner)
end)
coroutine.resume(outer)
`, "nil\ntrue\tnil\nfalse\tcannot resume running coroutine\nnormal\tfalse\tcannot resume normal coroutine\n")
}

// Yield where gopher-lua cannot return through the Go frames gives Lua
// 5.1's error, naming the engine callback where there is one; the
// coroutine is then dead and the goroutine goes on.
func TestYieldAcrossGoCallsIsAnError(t *testing.T) {
	expectOutput(t, `
local ch = goroutine.channel(1)
local function try(name, fn)
  local co = coroutine.create(fn)
  print(name, coroutine.resume(co))
  print(name, coroutine.status(co))
end
try("select", function()
  ch:send(1)
  goroutine.select({{channel = ch, receive = true, handler = function() coroutine.yield(1) end}})
end)
try("range", function()
  local c = goroutine.channel(1) c:send(1) c:close()
  c:range(function(v) coroutine.yield(v) end)
end)
try("pcall", function() return pcall(coroutine.yield, 1) end)
try("iterator", function() for x in function() coroutine.yield(1) end do end end)
try("metamethod", function() return setmetatable({}, {__index = function() coroutine.yield(1) end}).x end)
try("plain", function() coroutine.yield(1) end)
print(pcall(coroutine.yield))
`, `select	false	cannot yield inside a select handler (attempt to yield across metamethod/C-call boundary)
select	dead
range	false	cannot yield inside a range callback (attempt to yield across metamethod/C-call boundary)
range	dead
pcall	true	false	attempt to yield across metamethod/C-call boundary
pcall	dead
iterator	false	attempt to yield across metamethod/C-call boundary
iterator	dead
metamethod	false	attempt to yield across metamethod/C-call boundary
metamethod	dead
plain	true	1
plain	suspended
false	attempt to yield across metamethod/C-call boundary
`)
}

// Issue 10: resumes that nest without end stop with Lua 5.1's "C stack
// overflow", as a Lua error, never a Go stack overflow: coroutines that
// resume new coroutines, pcalls inside coroutines inside pcalls, and two
// goroutines whose coroutines resume each other's.
func TestResumeNestingIsBounded(t *testing.T) {
	expectOutput(t, `
local depth = 0
local function nest() depth = depth + 1 return coroutine.resume(coroutine.create(nest)) end
print(nest(), depth)
local levels = 0
local function mixed()
  levels = levels + 1
  return pcall(coroutine.wrap(function() return select(2, pcall(mixed)) end))
end
print(mixed(), levels)
local wrapped = 0
local function deep() wrapped = wrapped + 1 coroutine.wrap(deep)() end
local ok, err = pcall(deep)
print(ok, wrapped, err:sub(-42))
`, "true\t200\ntrue\t67\nfalse\t199\tmain.lua:12: main.lua:12: C stack overflow\n")
}

// Two goroutines whose coroutines, asleep inside, try to resume each
// other: each resume is refused, so the Go stacks stay flat.
func TestGoroutinesResumingEachOthersCoroutines(t *testing.T) {
	expectOutput(t, `
local a, b
local refused = 0
local function body(other)
  return function()
    for i = 1, 20 do
      goroutine.sleep(1)
      if not coroutine.resume(other()) then refused = refused + 1 end
    end
  end
end
a = coroutine.create(body(function() return b end))
b = coroutine.create(body(function() return a end))
local wg = goroutine.wait_group()
for _, co in ipairs({a, b}) do
  wg:add(1)
  goroutine.spawn(function() print(coroutine.resume(co)) wg:done() end)
end
wg:wait()
print(refused, coroutine.status(a), coroutine.status(b))
`, "true\ntrue\n40\tdead\tdead\n")
}

// The deepest Go stack a script can build: at every level of pcall and
// coroutine nesting, metamethods recurse on the level's own Lua stack.
// It must end in a Lua result, not a Go stack overflow.
func TestNestingWithMetamethodRecursionEnds(t *testing.T) {
	expectOutput(t, `
local deepest = 0
local level
local mt = {}
mt.__index = function(t, k) if k > 0 then return t[k - 1] end return level(t.d + 1) end
function level(d)
  if d > deepest then deepest = d end
  local t = setmetatable({d = d}, mt)
  return coroutine.wrap(function() return pcall(function() return t[300] end) end)()
end
print(pcall(level, 1))
print(deepest)
`, "true\ttrue\ttrue\n100\n")
}

// A Go function as the function of a coroutine, async or goroutine raises
// its argument errors as when pcall calls it: no stray space where a Lua
// caller's position would go, and not named "corountine" or "main chunk".
func TestGoFunctionAsBodyNamesItsErrorsPlainly(t *testing.T) {
	res, rec := run(t, `
print(coroutine.resume(coroutine.create(string.rep)))
print(pcall(coroutine.wrap(string.rep)))
print(goroutine.async(string.rep):await())
print(pcall(string.rep))
print(coroutine.resume(coroutine.create(error), "x"))
goroutine.spawn(string.rep)
`)
	rep := "false\tbad argument #1 to (anonymous) (string expected, got nil)\n"
	if got, want := rec.Stdout.String(), strings.Repeat(rep, 4)+"false\tx\n"; got != want {
		t.Fatalf("stdout:\n%s\nwant:\n%s", got, want)
	}
	if want := "error in goroutine 3: bad argument #1 to (anonymous) (string expected, got nil)\n"; res.Status != StatusError || !strings.Contains(rec.Stderr.String(), want) {
		t.Fatalf("%s\n%s", res.Status, rec.Stderr.String())
	}
}
