package luamod

import "testing"

func TestSandboxHasNoFilesOrProcesses(t *testing.T) {
	expectOutput(t, `
print(io, dofile, loadfile, os.execute, os.exit, os.remove, os.getenv)
print(pcall(require, "os.something"))
print(type(os.time), type(os.date), type(os.clock), type(string.format), type(coroutine.wrap))
print(loadstring("return 1 + 1")())
`, "nil\tnil\tnil\tnil\tnil\tnil\tnil\nfalse\tmodule os.something not found:\n\tno field package.preload['os.something'], \nfunction\tfunction\tfunction\tfunction\tfunction\n2\n")
}

func TestOsTimeFollowsTheVirtualClock(t *testing.T) {
	expectOutput(t, `
print(os.time(), os.date("%Y-%m-%d %H:%M:%S"))
goroutine.sleep(2500)
print(os.time(), os.clock() >= 2.5, os.date("!%H:%M:%S", 0))
print(os.time({year = 2020, month = 1, day = 2, hour = 3}))
`, "1257894000\t2009-11-10 23:00:00\n1257894002\ttrue\t00:00:00\n1577934000\n")
}

func TestMathRandomIsSeededPerRun(t *testing.T) {
	src := `local t = {} for i = 1, 5 do t[i] = math.random(100) end print(table.concat(t, " "), math.random() < 1, math.random(3, 3))`
	a, _ := run(t, src, Options{Seed: 7})
	_, ra := run(t, src, Options{Seed: 7})
	_, rb := run(t, src, Options{Seed: 7})
	_, rc := run(t, src, Options{Seed: 8})
	if !a.OK() || ra.Stdout.String() != rb.Stdout.String() || ra.Stdout.String() == rc.Stdout.String() {
		t.Fatalf("seed 7: %q / %q, seed 8: %q", ra.Stdout.String(), rb.Stdout.String(), rc.Stdout.String())
	}
	expectError(t, `math.random(0)`, `interval is empty`)
}

func TestToStringIsReproducible(t *testing.T) {
	expectOutput(t, `
local t, f = {}, function() end
print(t, f, tostring(t), goroutine.wait_group())
print(setmetatable({}, {__tostring = function() return "custom" end}))
print(tostring(nil), tostring(1.5), tostring("s"))
`, "table: 0x000001\tfunction: 0x000002\ttable: 0x000001\tgoroutine.wait_group: 0x000003\ncustom\nnil\t1.5\ts\n")
}

// setmetatable takes tables only and string.format's numeric conversions
// numbers only, as in Lua 5.1: gopher-lua let setmetatable("", {}) take
// the string methods from the whole run, formatted %d of "x" as 0, passed
// "2.5" to %f as a Go string, and printed Go's "%!s(MISSING)" for a
// missing argument and "%!y(int64=1)" for an unknown conversion.
func TestSetmetatableAndFormatCheckTheirArguments(t *testing.T) {
	expectOutput(t, `
print(pcall(function() return setmetatable("", {}) end))
print(pcall(function() return setmetatable(1, {}) end))
print(pcall(function() return setmetatable({}, 1) end))
print(("a"):upper(), getmetatable(5))
local locked = setmetatable({}, {__metatable = "locked"})
print(pcall(setmetatable, locked, {}))
local t = {}
print(setmetatable(t, {__index = {x = 1}}) == t, t.x, setmetatable(t, nil) == t, t.x)
print(pcall(function() return string.format("%d", "x") end))
print(pcall(function() return string.format("%g", {}) end))
print(string.format("%d %5.1f %x %s %c", "12", "2.5", 255, 3, 65))
print(pcall(function() return setmetatable({}) end))
print(pcall(function() return string.format("%s") end))
print(pcall(function() return string.format("%y", 1) end))
print(pcall(function() return string.format("%5") end))
print(string.format("%5.2s|%%|%-3d|%+.1e", "abc", 7, 12345))
`, "false\tmain.lua:2: bad argument #1 to setmetatable (table expected, got string)\n"+
		"false\tmain.lua:3: bad argument #1 to setmetatable (table expected, got number)\n"+
		"false\tmain.lua:4: bad argument #2 to setmetatable (nil or table expected)\n"+
		"A\tnil\n"+
		"false\tcannot change a protected metatable\n"+
		"true\t1\ttrue\tnil\n"+
		"false\tmain.lua:10: bad argument #2 to format (number expected, got string)\n"+
		"false\tmain.lua:11: bad argument #2 to format (number expected, got table)\n"+
		"12   2.5 ff 3 A\n"+
		"false\tmain.lua:13: bad argument #2 to setmetatable (nil or table expected)\n"+
		"false\tmain.lua:14: bad argument #2 to format (no value)\n"+
		"false\tmain.lua:15: invalid option '%y' to 'format'\n"+
		"false\tmain.lua:16: invalid option '%5' to 'format'\n"+
		"   ab|%|7  |+1.2e+04\n")
}

// collectgarbage answers as Lua 5.1's does (gopher-lua returned nothing):
// 0 after a collection, true after a step, the heap in KiB for "count",
// and an error for an option it does not know.
func TestCollectGarbageAnswersAsLua51(t *testing.T) {
	expectOutput(t, `
print(collectgarbage(), collectgarbage("collect"), collectgarbage("step"), collectgarbage("stop"), collectgarbage("restart"))
local kept = {} for i = 1, 1e4 do kept[i] = {i} end
local kb = collectgarbage("count")
print(type(kb), kb >= 0, string.format("%.1f", kb) ~= nil)
print(pcall(function() return collectgarbage("x") end))
`, "0\t0\ttrue\t0\t0\nnumber\ttrue\ttrue\nfalse\tmain.lua:6: bad argument #1 to collectgarbage (invalid option 'x')\n")
}

// tonumber reads strings as Lua 5.1.5 does (gopher-lua's read "1e2" as
// nil), takes a base only from 2 to 36, and math.huge is infinity
// (gopher-lua's was the largest finite number). The want is Lua 5.1.5's.
func TestToNumberAndHugeAnswerAsLua51(t *testing.T) {
	expectOutput(t, `
local out = {}
for _, s in ipairs({"1e2", "-2E2", " 1e2 ", "1.5e1", ".5", "5.", "0x10", "-0X1f", "0x1p4", "\t12\n", "1e-2", "+3",
    "1e", "- 1", "0x", "0x-1", "1..2", "", "12a", "1_000", ".", "e1", "+-1"}) do
  out[#out + 1] = tostring(tonumber(s))
end
print(table.concat(out, " "))
print(tonumber("1e400") == math.huge, tonumber("inf") == math.huge, tonumber("nan") ~= tonumber("nan"), tonumber(7), tonumber({}), tonumber(nil))
print(1 / 0 == math.huge, -1 / 0 == -math.huge, math.huge > 1e308, math.floor(math.huge) == math.huge)
print(tonumber("10", 2), tonumber("ff", 16), tonumber("zz", 36), tonumber("8", 8), tonumber(" 11 ", 2))
print((pcall(tonumber, "1", 1)), (pcall(tonumber, "1", 37)), (pcall(tonumber)))
`, "100 -200 100 15 0.5 5 16 -31 16 12 0.01 3 nil nil nil nil nil nil nil nil nil nil nil\n"+
		"true\ttrue\ttrue\t7\tnil\tnil\n"+
		"true\ttrue\ttrue\ttrue\n"+
		"2\t255\t1295\tnil\t3\n"+
		"false\tfalse\tfalse\n")
}

// assert wants a value and takes a number for its message, as Lua 5.1's
// does: gopher-lua's took no value for false and refused the number.
func TestAssertAnswersAsLua51(t *testing.T) {
	expectOutput(t, `
print(pcall(function() assert() end))
print(pcall(function() assert(false) end))
print(pcall(function() assert(nil, "custom") end))
print(pcall(function() assert(false, 4.5) end))
print(pcall(function() assert(false, {}) end))
print(assert(1, 2, 3))
`, "false\tmain.lua:2: bad argument #1 to assert (value expected)\n"+
		"false\tmain.lua:3: assertion failed!\n"+
		"false\tmain.lua:4: custom\n"+
		"false\tmain.lua:5: 4.5\n"+
		"false\tmain.lua:6: bad argument #2 to assert (string expected, got table)\n"+
		"1\t2\t3\n")
}

// %q writes what Lua reads back (gopher-lua's wrote Go's \x escapes),
// byte for byte as Lua 5.1.5 does.
func TestFormatQReadsBack(t *testing.T) {
	expectOutput(t, `
local bytes = {}
for i = 0, 255 do bytes[#bytes + 1] = string.char(i) end
local all = table.concat(bytes)
print(loadstring("return " .. string.format("%q", all))() == all)
print(string.format("[%q] %s %q", 'say "hi"\\\n\r\0.', "x", 12))
`, "true\n[\"say \\\"hi\\\"\\\\\\\n\\r\\000.\"] x \"12\"\n")
}

// os.time's table needs day, month and year, as Lua 5.1's does (the
// engine took 1 January 1970 for a missing one), reads numeric strings,
// and os.difftime is there. The want is Lua 5.1.5's, with TZ=UTC.
func TestOsTimeTableAndDifftimeAnswerAsLua51(t *testing.T) {
	expectOutput(t, `
print(os.time({year = 2020, month = 2, day = 30, hour = 12}), os.time({year = 2021, month = 13, day = 1, hour = 0}))
print(os.time({year = "2000", month = 1, day = 1, hour = 12, min = -30}), os.time({year = 2000, month = 1, day = 1}))
print(pcall(os.time, {year = 2020}))
print(pcall(os.time, {day = 1, year = 2020}))
print(os.difftime(10, 4), os.difftime(10))
`, "1583064000\t1640995200\n946726200\t946728000\n"+
		"false\tfield 'day' missing in date table\n"+
		"false\tfield 'month' missing in date table\n"+
		"6\t10\n")
}

// string.format formats each conversion as C's sprintf does under Lua
// 5.1 (gopher-lua used Go's fmt: %g printed every digit, %c wrote UTF-8,
// %x of -1 was -1, %s counted runes, infinity was +Inf). The want is Lua
// 5.1.5's output.
func TestFormatAnswersAsLua51(t *testing.T) {
	expectOutput(t, `
print(string.format("%g|%g|%G|%.3g|%10g|%-10g|%#g|%g", 123456789, 0.1, 1e-10, 2/3, 1.5, 2.5, 1, 1e15))
local b = {}
for _, c in ipairs({65, 200, 255, -1}) do b[#b + 1] = #string.format("%c", c) .. ":" .. string.format("%c", c):byte() end
print(table.concat(b, " "), string.format("[%3c][%-3c]", 65, 66))
print(string.format("%x %X %o %u %d %5.2x %#x %#o %.3d %+d % d", -1, -255, -8, -1, -3.7, 10, 255, 8, 7, 5, 5))
print(string.format("[%5s][%.2s][%-4s][%.0s][%3s]", "é", "éa", "ü", "abc", "abcdef"))
print(string.format("%f %e %5.1f %E %+f %-6f| %06f", 1/0, -1/0, 1/0, 1/0, 1/0, 1/0, -1/0))
print(string.format("%5.1f|%-8.3e|%+.0f|%.20f|%e", -0.05, 1234.5, 2.5, 0.1, 0))
`, "1.23457e+08|0.1|1E-10|0.667|       1.5|2.5       |1.00000|1e+15\n"+
		"1:65 1:200 1:255 1:255\t[  A][B  ]\n"+
		"ffffffffffffffff FFFFFFFFFFFFFF01 1777777777777777777770 18446744073709551615 -3    0a 0xff 010 007 +5  5\n"+
		"[   é][é][ü  ][][abcdef]\n"+
		"inf -inf   inf INF +inf inf   |   -inf\n"+
		" -0.1|1.234e+03|+2|0.10000000000000000555|0.000000e+00\n")
}

// table.remove outside 1..#t removes nothing and returns nothing, as in
// Lua 5.1 (gopher-lua removed the last element for 0 and counted a
// negative position from the end); table.insert below 1 raises, as in
// Lua 5.2. The removes' want is Lua 5.1.5's.
func TestTableRemoveAndInsertPositions(t *testing.T) {
	expectOutput(t, `
local function show(t) return table.concat(t, ",") end
local t = {1, 2, 3}
print(table.remove(t, 0), show(t)) print(table.remove(t, -1), show(t)) print(table.remove(t, 4), table.remove(t, 3), show(t))
print(select("#", table.remove({})), select("#", table.remove({}, 1)), select("#", table.remove({1}, 2)))
local q = {} for i = 1, 5 do q[#q + 1] = i end local out = {} while #q > 0 do out[#out + 1] = table.remove(q, 1) end print(table.concat(out))
print(pcall(function() table.insert({1}, 0, "x") end))
t = {1, 2, 3} table.insert(t, 4, "e") table.insert(t, 1, "a") print(show(t))
`, "nil\t1,2,3\nnil\t1,2,3\nnil\t3\t1,2\n0\t0\t0\n12345\n"+
		"false\tmain.lua:7: bad argument #2 to insert (position out of bounds)\n"+
		"a,1,2,3,e\n")
}
