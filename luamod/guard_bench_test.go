package luamod

import (
	"context"
	"testing"

	lua "github.com/yuin/gopher-lua"
)

// stringsSrc is string work of the kind scripts do: matching, capturing,
// replacing, splitting and building strings.
const stringsSrc = `
local line = "alpha=1, beta=22, gamma=333, delta=4444"
local n = 0
for i = 1, 2000 do
  for k, v in line:gmatch("(%w+)=(%d+)") do n = n + #k + tonumber(v) end
  local s = line:gsub("%d+", function(d) return d * 2 end)
  local a, b = line:find("gamma=(%d+)")
  local parts = {}
  for w in s:gmatch("[^,]+") do parts[#parts + 1] = w:match("^%s*(.-)%s*$") end
  local joined = table.concat(parts, ";") .. "/" .. i
  n = n + #joined + a + b
end
`

// BenchmarkStringsPlain is the baseline: plain gopher-lua's string library.
func BenchmarkStringsPlain(b *testing.B) {
	for b.Loop() {
		L := lua.NewState()
		if err := L.DoString(stringsSrc); err != nil {
			b.Fatal(err)
		}
		L.Close()
	}
}

// BenchmarkStringsEngine runs the same script with the engine's guarded
// string functions and matcher.
func BenchmarkStringsEngine(b *testing.B) {
	for b.Loop() {
		if res := Run(context.Background(), stringsSrc, Options{}, discard{}); !res.OK() {
			b.Fatal(res.Error)
		}
	}
}
