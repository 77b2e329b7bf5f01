package luamod

import (
	"testing"

	lua "github.com/yuin/gopher-lua"
)

// TestCallerLineFastPath checks that callerLine, which reads gopher-lua's
// frames directly, agrees with the debug API from Lua, Go and tail calls.
func TestCallerLineFastPath(t *testing.T) {
	L := lua.NewState()
	defer L.Close()
	var got [][2]int
	L.SetGlobal("probe", L.NewFunction(func(L *lua.LState) int {
		got = append(got, [2]int{callerLine(L), callerLineSlow(L)})
		return 0
	}))
	src := `probe()
local function f() probe() end
f()
local function g() return probe() end
g()
pcall(probe)
local co = coroutine.wrap(function()
  probe()
end)
co()`
	if err := L.DoString(src); err != nil {
		t.Fatal(err)
	}
	want := []int{1, 2, 4, 6, 8}
	if len(got) != len(want) {
		t.Fatalf("probe ran %d times, want %d", len(got), len(want))
	}
	for i, g := range got {
		if g[0] != g[1] || g[0] != want[i] {
			t.Errorf("call %d: fast %d, slow %d, want %d", i, g[0], g[1], want[i])
		}
	}
}

// TestCallerLineThroughPcall checks the line of a call made inside the
// engine's pcall, which runs on a lent thread below the caller's frames.
func TestCallerLineThroughPcall(t *testing.T) {
	_, rec := run(t, `
pcall(function()
  goroutine.mark("inside")
end)
pcall(goroutine.mark, "direct")`)
	var lines []int
	for _, e := range rec.Trace {
		if e.Kind == KindMark {
			lines = append(lines, e.Line)
		}
	}
	if len(lines) != 2 || lines[0] != 3 || lines[1] != 5 {
		t.Fatalf("mark lines %v, want [3 5]", lines)
	}
}
