package luamod

import (
	"testing"
	"time"
)

// The classes of issue 10's adversarial scripts, one test each: whatever
// the script, the run ends with a status and a message that names the
// cause, within its wall limit plus a second, and the process stays
// within a few times the memory limit (see runBounded). Nesting, patterns,
// concatenation, limits and engine paths have tests of their own
// (chunk_test.go, luapattern_test.go, limits_test.go, linear_test.go).

func TestNoScriptCrashesTheProcess(t *testing.T) {
	opts := Options{WallTimeout: Millis(5 * time.Second)}
	expectBounded(t, []bounded{
		{"option table with a cycle", `local o = {workers = 2}; o.self = o; goroutine.pool_create("p", o)`,
			opts, StatusError, `bad argument #2 to pool_create \(options: unknown field 'self'\)`},
		{"option nested in itself", `local o = {} o.workers = o goroutine.pool_create("p", o)`,
			opts, StatusError, `options: 'workers' must be a number, got table`},
		{"option table of 1000 fields", `local o = {} for i = 1, 1000 do o["k" .. i] = i end goroutine.pool_create("p", o)`,
			opts, StatusError, `options: unknown field 'k1'`},
		{"pattern nested a million deep", `("a"):match(string.rep("(", 1e6) .. "a" .. string.rep(")", 1e6))`,
			opts, StatusError, `too many captures`},
		{"chunk nested a million deep", `loadstring(string.rep("{", 1e6) .. string.rep("}", 1e6))`, opts, StatusOK, `^$`},
	})
}

func TestBuiltinAllocationsStayWithinTheMemoryLimit(t *testing.T) {
	// Reaching the limit takes about as many bytes of work as the limit:
	// the wall limit leaves room for -race and GOOS=js on a busy machine.
	mem, opts := `memory \(16 MiB\)`, Options{MaxMemory: 16 << 20, WallTimeout: Millis(5 * time.Second)}
	expectBounded(t, []bounded{
		{"string.rep 2^36", `string.rep("x", 2^36)`, opts, StatusLimit, mem},
		{"string.rep past the limit", `local s = string.rep("x", 1e9) print(#s)`, opts, StatusLimit, mem},
		{"string.rep in a loop", `local t = {} for i = 1, 1e6 do t[i] = string.rep("x", 1e6) end`, opts, StatusLimit, mem},
		{"upper of a big string", `local s = string.rep("x", 1e6) local t = {} for i = 1, 100 do t[i] = s:upper() end`, Options{MaxMemory: 4 << 20, WallTimeout: Millis(5 * time.Second)}, StatusLimit, `memory \(4 MiB\)`},
		{"table.concat", `local t = {} for i = 1, 1000 do t[i] = "x" end print(#table.concat(t, string.rep(",", 1e6)))`, opts, StatusLimit, mem},
		{"format widths", `print(string.format("%099999999d", 1))`, Options{}, StatusError, `invalid format \(width or precision too long\)`},
		{"format of big strings", `local s = string.rep("x", 1e6) local t = {} for i = 1, 100 do t[i] = ("%s%s"):format(s, s) end`, Options{MaxMemory: 4 << 20, WallTimeout: Millis(5 * time.Second)}, StatusLimit, `memory \(4 MiB\)`},
		{"unpack", `local t = {} for i = 1, 1e4 do t[i] = i end print(select("#", unpack(t)))`, Options{}, StatusError, `too many results to unpack`},
		{"string.byte", `print(select("#", string.rep("x", 1e6):byte(1, -1)))`, Options{}, StatusError, `string slice too long`},
		{"log of a huge value", `log.info(string.rep("x", 1e7) .. string.rep("y", 1e7))`, Options{}, StatusLimit, `output bytes`},
	})
}

func TestOneInstructionCannotOutrunTheWallLimit(t *testing.T) {
	wall := `wall time \(300ms\)`
	opts := Options{WallTimeout: Millis(300 * time.Millisecond)}
	expectBounded(t, []bounded{
		{"collectgarbage", `local keep = {} for i = 1, 1e5 do keep[i] = {i} end while true do collectgarbage() end`, opts, StatusLimit, wall},
		{"table.concat", `local t = {} for i = 1, 1e5 do t[i] = "ab" end while true do table.concat(t) end`, opts, StatusLimit, wall},
		{"table.sort", `local t = {} for i = 1, 2e5 do t[i] = (i * 7919) % 1000003 end while true do table.sort(t) end`, opts, StatusLimit, wall},
		{"table.insert at the front", `local t = {} for i = 1, 1e5 do t[i] = i end while true do table.insert(t, 1, 0) table.remove(t, 1) end`, opts, StatusLimit, wall},
		{"table.maxn", `local t = {} for i = 1, 1e5 do t[i * 2] = i end while true do table.maxn(t) end`, opts, StatusLimit, wall},
		{"comparing long strings", `local a = string.rep("x", 1e7) local b = a .. "" while true do local _ = a == b end`, opts, StatusLimit, wall},
		{"long string keys", `local a = string.rep("x", 1e7) local t = {} while true do t[a] = true end`, opts, StatusLimit, wall},
		{"loadstring", `local src = string.rep("x = 1 ", 1e5) while true do loadstring(src) end`, opts, StatusLimit, wall},
		{"unpack", `local t = {} for i = 1, 8000 do t[i] = i end while true do unpack(t) end`, opts, StatusLimit, wall},
		{"pcall of a failing builtin", `while true do pcall(string.rep) end`, opts, StatusLimit, wall},
		{"goroutines in a spin", `for i = 1, 100 do goroutine.spawn(function() while true do end end) end while true do end`, opts, StatusLimit, wall},
	})
}
