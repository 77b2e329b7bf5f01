package luamod

import (
	"strings"
	"testing"
)

// pairs over the global table, the libraries and the method tables of
// the module's objects gives the same order on every run (they were
// filled from Go maps, whose order changes from run to run).
func TestPairsOrderIsStable(t *testing.T) {
	src := `
local function keys(t)
  local ks = {}
  for k in pairs(t) do ks[#ks + 1] = tostring(k) end
  return table.concat(ks, " ")
end
for _, name in ipairs({"_G", "goroutine", "string", "table", "math", "os", "coroutine", "package", "log", "workflow"}) do
  print(name, keys(_G[name]))
end
local objects = {goroutine.channel(), goroutine.mutex(), goroutine.wait_group(), goroutine.context(), task("t")}
for _, o in ipairs(objects) do print(keys(getmetatable(o).__index)) end
print(keys(getmetatable("").__index) == keys(string))
print(require("string") == string, _G._G == _G, getfenv(loadstring("return 1")) == _G)
`
	first := ""
	for i := range 5 {
		res, rec := run(t, src)
		if !res.OK() {
			t.Fatalf("%s: %s", res.Status, res.Error)
		}
		out := rec.Stdout.String()
		if i == 0 {
			first = out
			if !strings.Contains(out, "goroutine\tafter async atomic_int await await_all") || !strings.HasSuffix(out, "true\ntrue\ttrue\ttrue\n") {
				t.Fatalf("keys not sorted or tables not rewired:\n%s", out)
			}
		} else if out != first {
			t.Fatalf("run %d lists keys in another order:\n%s\nfirst:\n%s", i+1, out, first)
		}
	}
}

// No Go heap address reaches a script's output: reference values are
// named by first-seen order wherever the engine shows them, an error
// object's __tostring is honoured, and a __tostring that returns a table
// raises in print and format (tostring returns that table, as in Lua 5.1).
func TestNoGoAddressesInOutput(t *testing.T) {
	src := `
print(pcall(goroutine.pool_create, "p", {workers = print}))
print(pcall(goroutine.pool_create, "p", {workers = 2, [{}] = 1}))
print(string.format("%s|%5s|%d|%s", {}, print, 3, setmetatable({}, {__tostring = function() return "T" end})))
log.info({}, print)
print(goroutine.async(function() error({}) end):await())
print(goroutine.async(function() error(setmetatable({}, {__tostring = function() return "custom" end})) end):await())
print(goroutine.select_timeout(1, {{default = true, handler = function() error(print) end}}))
local odd = setmetatable({}, {__tostring = function() return {} end})
print(pcall(print, odd))
print(pcall(string.format, "%s", odd))
print(type(tostring(odd)), tostring(tostring(odd)))
goroutine.spawn(function() error(setmetatable({}, {__tostring = function() error("bad tostring") end})) end)
`
	want := "false\tbad argument #2 to (anonymous) (options: 'workers' must be a number, got function)\n" +
		"false\tbad argument #2 to (anonymous) (options: unknown field of type table)\n" +
		"table: 0x000001|function: 0x000002|3|T\n" +
		"[INFO] table: 0x000003 function: 0x000002\n" +
		"false\ttable: 0x000004\nfalse\tcustom\nfalse\tfunction: 0x000002\n" +
		"false\t'__tostring' must return a string\nfalse\t'__tostring' must return a string\n" +
		"table\ttable: 0x000005\n"
	for range 2 {
		res, rec := run(t, src)
		if got := rec.Stdout.String(); got != want {
			t.Fatalf("stdout:\n%s\nwant:\n%s", got, want)
		}
		if !strings.HasPrefix(res.Error, "table: 0x000006") || !strings.Contains(rec.Stderr.String(), "error in goroutine 4: table: 0x000006\n") {
			t.Fatalf("error %q\n%s", res.Error, rec.Stderr.String())
		}
	}
}
