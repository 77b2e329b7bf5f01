package luamod

import (
	"strings"
	"testing"
)

// The example of issue 9: a caught error must not stop closures from
// sharing the locals of the function that declared them.
func TestPcallKeepsClosuresSharingLocals(t *testing.T) {
	expectOutput(t, `
local done = 0
local function finish() done = done + 1 end
local wg = goroutine.wait_group()
for i = 1, 4 do wg:add(1) goroutine.spawn(function() goroutine.sleep(i) finish() wg:done() end) end
print(pcall(error, "handled"))
wg:wait()
print(done)
`, "false\thandled\n4\n")
}

// A closure that captured a local of the function xpcall unwound keeps the
// value it had, though later calls reuse the stack slots.
func TestXpcallClosesUpvaluesOfUnwoundFrames(t *testing.T) {
	expectOutput(t, `
local saved
print(xpcall(function()
  local secret = "kept"
  saved = function() return secret end
  error("fail")
end, function(e) return "handled: " .. e end))
local a, b, c = "x", "y", "z"
local function clobber(p, q, r) return p .. q .. r end
clobber(a, b, c)
local _, got = goroutine.async(function() goroutine.sleep(5) return saved() end):await()
print(saved(), got)
`, "false\thandled: main.lua:6: fail\nkept\tkept\n")
}

func TestPcallAnswersAsLua51(t *testing.T) {
	expectOutput(t, `
local function check(x) if not x then error("bad x", 2) end end
local function user() check(nil) end
print(pcall(user))
print(pcall(error, "x", 2))
print(pcall(error))
print(pcall(nil))
print(pcall(setmetatable({}, {__call = function(self, x) return x * 2 end}), 21))
print(select("#", pcall(function(...) return ... end, nil, nil)))
print(xpcall(function() error("a") end, function(e) error("b") end))
print(xpcall(function() return 1, 2 end, print))
print(pcall(goroutine.sleep))
`, "false\tmain.lua:3: bad x\nfalse\tmain.lua:5: x\nfalse\tnil\nfalse\tattempt to call a nil value\n"+
		"true\t42\n3\nfalse\terror in error handling\ntrue\t1\t2\n"+
		"false\tbad argument #1 to (anonymous) (number expected, got nil)\n")
}

// Nested pcalls stop with Lua 5.1's "C stack overflow" instead of growing
// the Go stack without bound; so do xpcall and the engine's callbacks.
func TestNestedPcallsStopAtCStackOverflow(t *testing.T) {
	expectOutput(t, `
local n = 0
local function f() n = n + 1 return pcall(f) end
print(select(2, f()), n)
local m = 0
local function g() m = m + 1 return xpcall(g, function(e) return e end) end
print(g(), m)
local function h() local ok, err = pcall(h) error(err, 0) end
print(pcall(h))
`, "true\t200\ntrue\t200\nfalse\tC stack overflow\n")
}

// The goroutine's cancellation is not an error a pcall can catch.
func TestPcallDoesNotCatchCancellation(t *testing.T) {
	expectOutput(t, `
print(goroutine.timeout(10, function()
  print(pcall(goroutine.sleep, 100))
  print("not reached")
end))
`, "false\ttimeout exceeded\n")
}

// Threads of goroutines that ended with an error are reused: the error
// closed their upvalues, so a closure made there keeps its value.
func TestThreadOfFailedGoroutineIsReusedSafely(t *testing.T) {
	res, rec := run(t, `
local getters = {}
for i = 1, 3 do
  goroutine.spawn(function()
    local mine = "value " .. i
    getters[i] = function() return mine end
    error("fail " .. i)
  end)
end
goroutine.sleep(1)
for i = 1, 3 do
  goroutine.spawn(function() local a, b, c, d = 1, 2, 3, 4 goroutine.sleep(1) end)
end
goroutine.sleep(5)
print(getters[1](), getters[2](), getters[3]())
`)
	if got := rec.Stdout.String(); got != "value 1\tvalue 2\tvalue 3\n" || res.Status != StatusError {
		t.Fatalf("%s: %q", res.Status, got)
	}
	if n := strings.Count(rec.Stderr.String(), "error in goroutine"); n != 3 {
		t.Fatalf("%d errors reported:\n%s", n, rec.Stderr.String())
	}
}

// A callback the engine protects (select_timeout's handler, once) runs on
// a lent thread too, so its error leaves the caller's closures alone.
func TestEngineCallbacksKeepClosuresSharingLocals(t *testing.T) {
	expectOutput(t, `
local count = 0
local function bump() count = count + 1 end
local ch = goroutine.channel(1)
ch:send(1)
print(goroutine.select_timeout(10, {{channel = ch, receive = true, handler = function() error("h", 0) end}}))
print(pcall(function() goroutine.once():call(function() error("o", 0) end) end))
goroutine.async(function() bump() end):await()
bump()
print(count)
`, "false\th\nfalse\to\n2\n")
}

// Recursion within one Lua thread is bounded by the thread's call stack
// (threadOptions.CallStackSize frames): a deep non-tail recursion, and one
// through Go (metamethods, gsub and sort callbacks, __tostring), ends in
// a Lua error that pcall catches, in a coroutine, an async and a
// goroutine too, never in a Go stack overflow.
func TestDeepRecursionIsALuaError(t *testing.T) {
	res, rec := run(t, `
local function deep(n) return 1 + deep(n + 1) end
local function count(n) if n == 0 then return 0 end return 1 + count(n - 1) end
print(pcall(deep, 1))
print(pcall(count, 1e6), count(150))
local mt = {}
mt.__index = function(t, k) return t[k + 1] end
print(pcall(function() return setmetatable({}, mt)[1] end))
local function viaGsub() return (string.gsub("a", "a", viaGsub)) end
print(pcall(viaGsub))
local function viaSort() table.sort({2, 1}, function(a, b) viaSort() return a < b end) end
print(pcall(viaSort))
local loop = setmetatable({}, {__tostring = function(t) return tostring(t) end})
print(pcall(tostring, loop))
print(coroutine.resume(coroutine.create(deep), 1))
print(goroutine.async(deep, 1):await())
goroutine.spawn(count, 1e6)
goroutine.sleep(1)
print("main goes on")
`)
	overflow := "false\tlua callstack overflow\n"
	want := overflow + "false\t150\n" + strings.Repeat(overflow, 6) + "main goes on\n"
	if got := rec.Stdout.String(); got != want {
		t.Fatalf("stdout:\n%s\nwant:\n%s", got, want)
	}
	if res.Status != StatusError || !strings.Contains(rec.Stderr.String(), "error in goroutine 3: lua callstack overflow") {
		t.Fatalf("%s %q\n%s", res.Status, res.Error, rec.Stderr.String())
	}
}
