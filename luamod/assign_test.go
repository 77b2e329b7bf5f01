package luamod

import (
	"fmt"
	"strings"
	"testing"
)

// TestMultipleAssignmentEvaluatesFirst checks what Lua 5.1.5 prints for
// assignments that plain gopher-lua gets wrong (swap, rotate, a target
// read to the right, a target named twice) and for those it gets right,
// which the rewrite must keep.
func TestMultipleAssignmentEvaluatesFirst(t *testing.T) {
	expectOutput(t, `
local x, y = 1, 2
x, y = y, x
print("swap", x, y)
local a, b = 0, 0
a, b = a + 1, a + b
print("read", a, b)
local q, r, s = 1, 2, 3
q, r, s = s, q, r
print("rotate", q, r, s)
local w = 1
w, w = 5, 6
print("twice", w)
local function two() return 10, 20 end
local u, v = 1, 2
u, v = v
print("short", u, v)
u, v = two()
print("expand", u, v)
u, v = two(), 5
print("truncate", u, v)
local n = 0
u, v = 1, 2, (function() n = n + 1 end)()
print("extra", u, v, n)
local function args(...) local p, q2 p, q2 = ... return p, q2 end
print("vararg", args(7, 8, 9))
local up1, up2 = "u1", "u2"
local function flip() up1, up2 = up2, up1 end
flip()
print("upvalues", up1, up2)
local seen
local function peek() seen = up1 return "p" end
up1, up2 = "new", peek()
print("call sees old", seen, up1, up2)
g1, g2 = "g1", "g2"
g1, g2 = g2, g1
print("globals", g1, g2)
local i, arr = 1, {}
arr[i], i = 20, 2
print("index first", arr[1], arr[2], i)
local t = {5, 3, 9, 1}
for j = 1, #t do for k = j + 1, #t do if t[k] < t[j] then t[j], t[k] = t[k], t[j] end end end
print("sort", table.concat(t, " "))
local order = {}
local log = setmetatable({}, {__newindex = function(tt, key, val) order[#order + 1] = key rawset(tt, key, val) end})
log.a, log.b, log["c" .. 1] = 1, 2, 3
print("from the right", table.concat(order, ","), log.a, log.b, log.c1)
`, `swap	2	1
read	1	0
rotate	3	1	2
twice	5
short	2	nil
expand	10	20
truncate	10	5
extra	1	2	1
vararg	7	8
upvalues	u2	u1
call sees old	u2	new	p
globals	g2	g1
index first	20	nil	2
sort	1 3 5 9
from the right	c1,b,a	1	2	3
`)
}

// A long list of constants, as generated code writes, is compiled as it
// is: rewritten, its values would take a register each and pass
// gopher-lua's 200 beside as many locals. An error in a rewritten
// assignment still names its line.
func TestMultipleAssignmentKeepsLimitsAndLines(t *testing.T) {
	names, values := make([]string, 120), make([]string, 120)
	for i := range names {
		names[i], values[i] = fmt.Sprintf("v%d", i+1), fmt.Sprint(i+1)
	}
	list := strings.Join(names, ", ")
	expectOutput(t, "local "+list+"\n"+list+" = "+strings.Join(values, ", ")+"\nprint(v1 + v120)", "121\n")
	expectError(t, "local a, b = 1, 2\n\na, b = b, a.x\n", `^main\.lua:3: attempt to index`)
}

// gopher-lua compiled (5).x = 1 into a write to whatever table a register
// held; Lua raises an error, as the engine now does.
func TestAssignmentToAFieldOfAConstantRaises(t *testing.T) {
	expectOutput(t, `
local t = {}
print(pcall(function() (5).field = 1 end))
print(pcall(function() ("s").k, t.y = 1, 2 end))
print(pcall(function() (1 + 2).x = 1 end))
print(t.field, t.y)
`, "false\tmain.lua:3: attempt to index a number value\n"+
		"false\tmain.lua:4: attempt to index a string value\n"+
		"false\tmain.lua:5: attempt to index a number value\n"+
		"nil\t2\n")
}
