package luamod

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/yuin/gopher-lua/ast"
)

// TestNestingIsBoundedBeforeParsing feeds the parser and compiler what
// made gopher-lua's recurse until the Go stack ran out.
// Nesting is refused by a scan that stops at the first level too many, so
// a million levels cost nothing; chains are refused after parsing, so
// they are kept shorter to keep the test fast under GOOS=js.
func TestNestingIsBoundedBeforeParsing(t *testing.T) {
	for _, c := range []struct {
		name, prefix, open, mid, close string
		n                              int
	}{
		{"parens", "return ", "(", "1", ")", 1e6},
		{"braces", "return ", "{", "", "}", 1e6},
		{"brackets", "local t = {} return ", "t[", "1", " ]", 1e6},
		{"blocks", "", "do ", "", " end", 1e6},
		{"functions", "", "function f() ", "", " end", 1e6},
		{"ifs", "", "if x then ", "", " end", 1e6},
		{"concat chain", "local a = 'x' return a", " .. a", "", "", 1e6},
		{"power chain", "return 2", " ^ 1", "", "", 1e6},
		{"sum chain", "local a = 1 return a", " + a", "", "", 5000},
		{"field chain", "local a = {} return a", ".b", "", "", 5000},
		{"call chain", "local f return f", "()", "", "", 5000},
		{"unary chain", "return ", "- ", "1", "", 5000},
		{"not chain", "return ", "not ", "1", "", 5000},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := c.prefix + strings.Repeat(c.open, c.n) + c.mid + strings.Repeat(c.close, c.n)
			runBounded(t, bounded{c.name, src, Options{}, StatusError, `main\.lua:\d+: chunk has too many syntax levels`})
			n := min(c.n, 1e4)
			load := fmt.Sprintf("local f, err = loadstring(%q .. string.rep(%q, %d) .. %q .. string.rep(%q, %d))\nassert(not f)\nerror(err, 0)",
				c.prefix, c.open, n, c.mid, c.close, n)
			runBounded(t, bounded{c.name, load, Options{}, StatusError, `^\[string ".*\.\.\."\]:\d+: chunk has too many syntax levels$`})
		})
	}
}

// A method definition's name has a receiver and no function part; the
// tree's walk once followed the missing part and ended the process.
func TestMethodDefinitionsCompile(t *testing.T) {
	expectOutput(t, `
local a = {b = {n = 2}}
function a.b:twice(x) return self.n * x .. "!" end
function a.b.plain(x) return x .. "?" end
local t = {name = "t"}
function t:hello() return "hi " .. self.name end
print(a.b:twice(3), a.b.plain(1), t:hello())
local f = loadstring("local o = {} function o:m() return 'm' .. 1 end return o:m()")
print(f())
local s = ""
for i = 1, 2 do s = s .. i end
print(s)
`, "6!\t1?\thi t\nm1\n12\n")
}

// A tree the walk does not expect makes an error, not a crash.
func TestGuardTreePanicIsAnError(t *testing.T) {
	err := guardTree([]ast.Stmt{&ast.FuncDefStmt{}}, "main.lua")
	if err == nil || !matches(`^main\.lua: internal error while checking the chunk: .*nil pointer`, err.Error()) {
		t.Fatalf("got %v", err)
	}
}

func TestNestingWithinLua51sBoundCompiles(t *testing.T) {
	expectOutput(t, `
local s = "return " .. string.rep("(", 150) .. "1" .. string.rep(")", 150)
print(loadstring(s)())
local t = "return " .. string.rep("{", 150) .. string.rep("}", 150)
print(type(loadstring(t)()))
-- strings, long strings and comments do not nest
local q = "return '(((((' .. [[{{{{]] .. \"[[[\" -- (((( \n"
print(loadstring(q)())
local chain = "local a = 'x' return a" .. string.rep(" .. a", 150)
print(#loadstring(chain)())
print(load(function() local done done = true return nil end))
`, "1\ntable\n((((("+"{{{{[[[\n151\nfunction: 0x000001\n")
}

func TestConcatenationStaysWithinTheMemoryLimit(t *testing.T) {
	expectBounded(t, []bounded{
		{"doubling", `local s = "x" while true do s = s .. s end`, Options{MaxMemory: 16 << 20}, StatusLimit, `memory \(16 MiB\)`},
		{"in a chain", `local s = "x" while true do s = s .. "-" .. s .. "+" .. s end`, Options{MaxMemory: 16 << 20}, StatusLimit, `memory \(16 MiB\)`},
		{"load pieces", `local s = string.rep("x", 1e5) load(function() return s end)`, Options{MaxMemory: 16 << 20}, StatusLimit, `memory \(16 MiB\)`},
		{"loadstring of a huge chunk", `loadstring(string.rep("x = 1 ", 2e5))`, Options{WallTimeout: Millis(5 * time.Second)}, StatusLimit, `memory \(64 MiB\)`},
		{"loadstring in a loop", `local src = "local a = 'x' return a" .. string.rep("..a", 1e5) while true do loadstring(src) end`,
			Options{WallTimeout: Millis(300 * time.Millisecond)}, StatusLimit, `wall time`},
	})
}

func TestConcatenationKeepsLuaSemantics(t *testing.T) {
	expectOutput(t, `
local function two() return "a", "b" end
print("x" .. two(), two() .. "y", 1 .. 2, 1.5 .. "|" .. -0.25)
local mt = {__concat = function(a, b)
  return (type(a) == "table" and "T" or a) .. "+" .. (type(b) == "table" and "T" or b)
end}
local o = setmetatable({}, mt)
print(o .. "s", "s" .. o, "a" .. "b" .. o .. "c" .. "d")
print(pcall(function() return "a" .. nil end))
local t = {} for i = 1, 120 do t[i] = "v" .. i end
print(#(t[1] .. t[2] .. t[3] .. t[4] .. t[5] .. t[6] .. t[7] .. t[8] .. t[9] .. t[10] ..
  t[11] .. t[12] .. t[13] .. t[14] .. t[15] .. t[16] .. t[17] .. t[18] .. t[19] .. t[20] ..
  t[21] .. t[22] .. t[23] .. t[24] .. t[25] .. t[26] .. t[27] .. t[28] .. t[29] .. t[30] ..
  t[31] .. t[32] .. t[33] .. t[34] .. t[35] .. t[36] .. t[37] .. t[38] .. t[39] .. t[40] ..
  t[41] .. t[42] .. t[43] .. t[44] .. t[45] .. t[46] .. t[47] .. t[48] .. t[49] .. t[50] ..
  t[51] .. t[52] .. t[53] .. t[54] .. t[55] .. t[56] .. t[57] .. t[58] .. t[59] .. t[60]))
`, "xa\tay\t12\t1.5|-0.25\nT+s\ts+T\tabT+cd\nfalse\tmain.lua:9: attempt to concatenate a nil value\n171\n")
}

// A script run again is not parsed again: its prototype, kept from the
// last run under the same chunk name, serves every run of it, at once
// too, with the same output and the same trace. A script that did not
// compile, or a long one, is not kept.
func TestScriptPrototypeIsShared(t *testing.T) {
	const src = `
local parts = {}
local function add(s) parts[#parts + 1] = s .. "!" end
local wg = goroutine.wait_group()
for i = 1, 4 do
  wg:add(1)
  goroutine.spawn(function() add(tostring(i)) wg:done() end)
end
wg:wait()
print(table.concat(parts, " "), pcall(error, "e"))
`
	lastMain.drop()
	_, first := run(t, src)
	proto := lastMain.get(src, DefaultChunkName)
	if proto == nil {
		t.Fatal("the script's prototype was not kept")
	}
	if lastMain.get(src, "other.lua") != nil {
		t.Fatal("the prototype was kept for another chunk name")
	}
	want := first.Stdout.String() + formatEvents(first.Trace)
	var wg sync.WaitGroup
	got := make([]string, 4)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, rec := run(t, src)
			got[i] = rec.Stdout.String() + formatEvents(rec.Trace)
		}()
	}
	wg.Wait()
	for i, g := range got {
		if g != want {
			t.Fatalf("run %d on the kept prototype:\n%s\nwant:\n%s", i, g, want)
		}
	}
	if lastMain.get(src, DefaultChunkName) != proto {
		t.Fatal("a run of the same script compiled it again")
	}
	if res, _ := run(t, "print("); res.Status != StatusError || lastMain.get("print(", DefaultChunkName) != nil {
		t.Fatalf("a syntax error: %s, or its script was kept", res.Status)
	}
	long := strings.Repeat("x = 1\n", maxSharedSource/6+1)
	if res, _ := run(t, long); !res.OK() || lastMain.get(long, DefaultChunkName) != nil {
		t.Fatalf("a long script: %s, or it was kept", res.Status)
	}
}

// A loaded chunk is named in its errors as Lua 5.1 names it: a string's
// first line in [string "..."], "=name" as name, "@file" as file. The
// want is Lua 5.1.5's.
func TestLoadedChunksAreNamedAsInLua51(t *testing.T) {
	expectOutput(t, `
print(pcall(loadstring("error('x')")))
print(pcall(loadstring("local a = 1\nerror('w')")))
print(pcall(loadstring("error('e')", "=custom")))
print(pcall(loadstring("error('e')", "named")))
print(pcall(loadstring("error('" .. string.rep("a", 80) .. "')")))
print(pcall(loadstring("error('e')", "=" .. string.rep("n", 80))))
print(pcall(loadstring("error('e')", "@" .. string.rep("d", 40) .. "/" .. string.rep("f", 30) .. ".lua")))
print(pcall(load(function() return nil end)), loadstring("x = = 1", "=bad"))
`, "false\t[string \"error('x')\"]:1: x\n"+
		"false\t[string \"local a = 1...\"]:2: w\n"+
		"false\tcustom:1: e\n"+
		"false\t[string \"named\"]:1: e\n"+
		"false\t[string \"error('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...\"]:1: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n"+
		"false\tnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn:1: e\n"+
		"false\t...ddddddddddddddddd/ffffffffffffffffffffffffffffff.lua:1: e\n"+
		"true\tnil\tbad:1: unexpected symbol near '='\n")
}
