package luamod

import (
	"math"
	"strings"
	"testing"

	lua "github.com/yuin/gopher-lua"
)

// FuzzDecodeOptions builds option tables from the fuzzer's bytes (fields
// known and unknown, numbers, strings, booleans, NaN, nested, shared and
// cyclic tables) and decodes them as pool_create does: the decoder must
// raise a Lua argument error or fill the options with exactly the
// table's values, and never panic, recurse without end or misreport.
func FuzzDecodeOptions(f *testing.F) {
	f.Add([]byte{0x00, 0, 2})             // workers = 2
	f.Add([]byte{0x03, 0, 0, 0x44, 0, 0}) // a nested table, then a cycle
	f.Add([]byte{0x15, 0, 1, 0x22, 0, 9}) // queue NaN, rate a string
	f.Fuzz(func(t *testing.T, data []byte) {
		L := lua.NewState(lua.Options{SkipOpenLibs: true})
		defer L.Close()
		tbl := optionTable(L, data)
		var opts poolOptions
		L.Push(L.NewFunction(func(L *lua.LState) int {
			decodeOptions(L, 1, &opts)
			return 0
		}))
		L.Push(tbl)
		err := L.PCall(1, 0, nil)
		if err != nil {
			if apiErr, ok := err.(*lua.ApiError); !ok || apiErr.Type != lua.ApiErrorRun || !strings.Contains(err.Error(), "bad argument #1") {
				t.Fatalf("decoding %v: %v", data, err)
			}
			return
		}
		for name, got := range map[string]float64{"workers": opts.Workers, "queue": opts.Queue, "rate": opts.Rate} {
			want, _ := tbl.RawGetString(name).(lua.LNumber)
			if got != float64(want) && !(math.IsNaN(got) && math.IsNaN(float64(want))) {
				t.Fatalf("decoding %v: %s = %v, want %v", data, name, got, want)
			}
		}
	})
}

// optionTable interprets data three bytes at a time: an operation and
// key, a table to set it in, and an operand.
func optionTable(L *lua.LState, data []byte) *lua.LTable {
	keys := []lua.LValue{lua.LString("workers"), lua.LString("queue"), lua.LString("rate"),
		lua.LString("other"), lua.LNumber(1), lua.LTrue, lua.LString(""), lua.LNumber(0.5)}
	tables := []*lua.LTable{L.NewTable()}
	for ; len(data) >= 3; data = data[3:] {
		op, in, arg := data[0], tables[int(data[1])%len(tables)], data[2]
		key := keys[int(op>>4)%len(keys)]
		switch op % 6 {
		case 0:
			in.RawSet(key, lua.LNumber(int8(arg)))
		case 1:
			in.RawSet(key, lua.LNumber(float64(arg)/7))
		case 2:
			in.RawSet(key, lua.LString(strings.Repeat("x", int(arg%4))))
		case 3:
			nested := L.NewTable()
			tables = append(tables, nested)
			in.RawSet(key, nested)
		case 4:
			in.RawSet(key, tables[int(arg)%len(tables)])
		case 5:
			in.RawSet(key, []lua.LValue{lua.LBool(arg&1 == 1), lua.LNumber(math.NaN()), lua.LNumber(math.Inf(1))}[arg%3])
		}
	}
	return tables[0]
}
