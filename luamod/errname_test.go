package luamod

import (
	"strings"
	"testing"
)

// TestErrorsMatchLua51 runs testdata/lua51/errors.lua, a runtime mistake
// of each kind under pcall, xpcall and coroutines, and compares its
// messages with Lua 5.1.5's: each names what failed ("attempt to call
// field 'go' (a nil value)") where gopher-lua said "attempt to call a
// non-function object".
func TestErrorsMatchLua51(t *testing.T) {
	expectLua51(t, "testdata/lua51/errors")
}

// A value that one of two branches put in a register is not named: Lua
// 5.1 names the last instruction that may have set it, here the branch
// not taken, and calls the number from t.a "field 'b'".
func TestErrorsDoNotNameAcrossBranches(t *testing.T) {
	expectOutput(t, `local t = {a = 5}
local c = true
print(pcall(function() return (c and t.a or t.b).z end))
`, "false\tmain.lua:3: attempt to index a number value\n")
}

// A newcomer's typo in the module's name fails the run with a message
// that names it, in main and in a spawned goroutine, and the report keeps
// its traceback.
func TestGoroutineErrorsNameTheValue(t *testing.T) {
	res, rec := run(t, `
goroutine.spawn(function()
  local results
  results[1] = 1
end)
goroutine.sleep(1)
goroutine.spwn(print)
`)
	if res.OK() {
		t.Fatal("the run succeeded")
	}
	for _, want := range []string{
		"error in goroutine 2: main.lua:4: attempt to index local 'results' (a nil value)\nstack traceback:\n\tmain.lua:4:",
		"error in goroutine 1 (main): main.lua:7: attempt to call field 'spwn' (a nil value)\nstack traceback:\n\tmain.lua:7:",
	} {
		if !strings.Contains(rec.Stderr.String(), want) {
			t.Errorf("stderr:\n%s\nwant it to contain:\n%s", rec.Stderr.String(), want)
		}
	}
}

// Pool tasks, async functions, pipeline stages and timeouts run their
// function called, not resumed: their errors are named as well.
func TestCalledFunctionErrorsNameTheValue(t *testing.T) {
	res, rec := run(t, `
goroutine.pool_create("p", {workers = 1})
goroutine.pool_submit("p", function() local job job.run() end)
goroutine.pool_wait("p")
print(goroutine.await(goroutine.async(function() return missing.x end)))
print(goroutine.timeout(100, function() local n return n + 1 end))
goroutine.pool_submit("p", function() print(pcall(function() local s = {} return #s.list end)) end)
goroutine.pool_wait("p")
local input = goroutine.channel(1)
local out = goroutine.pipeline(input, {{fn = function(v) return v.x end}})
input:send(5)
input:close()
print(out:receive())
`)
	if res.OK() {
		t.Fatalf("the pipeline stage's error did not fail the run")
	}
	for _, want := range []string{
		"pool p: task p-1 failed: main.lua:3: attempt to index local 'job' (a nil value)",
		"(pipeline stage 1 worker 1): main.lua:10: attempt to index local 'v' (a number value)",
	} {
		if !strings.Contains(rec.Stderr.String(), want) {
			t.Errorf("stderr:\n%s\nwant it to contain %q", rec.Stderr.String(), want)
		}
	}
	wantOut := "false\tmain.lua:5: attempt to index global 'missing' (a nil value)\n" +
		"false\tmain.lua:6: attempt to perform arithmetic on local 'n' (a nil value)\n" +
		"false\tmain.lua:7: attempt to get length of field 'list' (a nil value)\n" +
		"nil\tfalse\n"
	if got := rec.Stdout.String(); got != wantOut {
		t.Errorf("stdout:\n%s\nwant:\n%s", got, wantOut)
	}
}
