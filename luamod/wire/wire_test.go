package wire_test

import (
	"bytes"
	"encoding/json"
	"math"
	"reflect"
	"testing"

	"luaplay/luamod"
	"luaplay/luamod/wire"
)

// sample is a struct of every kind the package covers.
type sample struct {
	S     string         `json:"s"`
	E     string         `json:"e,omitempty"`
	B     bool           `json:"b,omitempty"`
	I     int            `json:"i"`
	I64   int64          `json:"i64,omitempty"`
	U     uint8          `json:"u,omitempty"`
	F     float64        `json:"f"`
	F32   float32        `json:"f32,omitempty"`
	Kind  luamod.Kind    `json:"kind,omitempty"`
	List  []int          `json:"list"`
	Args  map[string]any `json:"args,omitempty"`
	Ptr   *int           `json:"ptr"`
	Inner struct {
		N int `json:"n"`
	} `json:"inner"`
	NoTag  int
	hidden int
	Skip   int `json:"-"`
}

var strs = []string{"", "plain", `q"b\s/`, "<a&b>", "\x00\x01\b\f\n\r\t\x1f\x7f", "é 世界 😀", "\u2028\u2029", "\xff\xfe bad \xc3", "tab\tend"}

var floats = []float64{0, -0.0, 1, -1.5, 0.1, 1e-6, 9.99e-7, 1e-7, 123456789, 1e20, 1e21, 1.5e300, -2e-300, math.MaxFloat64, math.SmallestNonzeroFloat64, 1.0 / 3}

func TestMarshalAsEncodingJSON(t *testing.T) {
	var values []any
	for i, s := range strs {
		f := floats[i%len(floats)]
		n := i
		v := sample{S: s, E: s, B: i%2 == 0, I: -i, I64: int64(i) << 40, U: uint8(i), F: f, F32: float32(f),
			Kind: luamod.Kind(s), List: make([]int, i%3),
			Args: map[string]any{"line": i, s: s, "f": f, "z": nil}, NoTag: i}
		if i%2 == 1 {
			v.Ptr, v.Args, v.List = &n, nil, nil
		}
		values = append(values, v, s, f, []string{s, s})
	}
	for _, f := range floats {
		values = append(values, f, -f, float32(f))
	}
	values = append(values, luamod.Result{Status: luamod.StatusError, Errors: []luamod.GoroutineError{{G: 2, Message: "x"}},
		Stuck: []luamod.Stuck{{G: 3, Reason: "recv"}}, Stats: luamod.Stats{Speedup: 2.5}}, luamod.Result{},
		luamod.Trace{Version: 1, Clock: "virtual", Events: []luamod.Event{{T: 5, Kind: "spawn", G: 1, Other: 2, Name: "w"}}})
	for _, v := range values {
		want, wantErr := json.Marshal(v)
		got, err := wire.Marshal(v)
		if (err != nil) != (wantErr != nil) || !bytes.Equal(got, want) {
			t.Errorf("%#v:\n got %s (%v)\nwant %s (%v)", v, got, err, want, wantErr)
		}
	}
}

func TestMarshalRefusesWhatJSONCannotCarry(t *testing.T) {
	for _, v := range []any{math.NaN(), math.Inf(1), map[int]int{1: 1}, make(chan int)} {
		if _, err := wire.Marshal(v); err == nil {
			t.Errorf("%v: no error", v)
		}
	}
}

// decodeBoth decodes data into a fresh *T with encoding/json and with
// wire, strictly or not, and reports any disagreement.
func decodeBoth[T any](t *testing.T, data []byte, strict bool) {
	t.Helper()
	var want, got T
	var wantErr, err error
	if strict {
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		wantErr = dec.Decode(&want)
		if rest := data[min(len(data), int(dec.InputOffset())):]; wantErr == nil && len(bytes.TrimLeft(rest, " \t\r\n")) > 0 {
			wantErr = json.Unmarshal(data, new(any)) // trailing data
		}
		err = wire.UnmarshalStrict(data, &got)
	} else {
		wantErr = json.Unmarshal(data, &want)
		err = wire.Unmarshal(data, &got)
	}
	if (err != nil) != (wantErr != nil) || err == nil && !reflect.DeepEqual(got, want) {
		t.Errorf("%q (strict %v):\n got %+v, %v\nwant %+v, %v", data, strict, got, err, want, wantErr)
	}
}

var decodeSeeds = []string{
	`{"realTime":true,"seed":7,"wallTimeoutMs":1500,"gracePeriodMs":250,"maxGoroutines":3,"chunkName":"a\u00e9\ud83d\ude00\"\\\/\b\f\n\r\t"}`,
	`{"REALTIME":true}`, `{"seed":-0}`, `{"seed":1.0}`, `{"seed":1e2}`, `{"seed":01}`, `{"seed":-}`, `{"seed":9223372036854775808}`,
	`{"wallTimeout":5}`, `{"seed":"x"}`, `{"wallTimeoutMs":-1}`, `{"gracePeriodMs":1e300}`, `[1]`, `{`, `{"a":1,}`, `{"seed":1} x`,
	`{"seed":null,"chunkName":null,"wallTimeoutMs":null}`, `null`, ` {} `, `{"chunkName":"\ud800x\udc00\ud83d"}`, "{\"chunkName\":\"\xff\"}",
	`{"version":2,"clock":"virtual","events":[{"t":1,"k":"spawn","g":1,"o":2,"extra":[1,{"x":[true,false,null]}]},{"t":2.5}]}`,
	`{"events":null}`, `{"events":[]}`, `{"events":{}}`, `{"clock":tru}`, `{"clock":nul}`, `{"version":1.5e1}`, `{"t":"\u12"}`,
	`{"clock":"\q"}`, "{\"clock\":\"a\x01\"}", `{"version":-1,"clock":"x","events":[{"err":"e","from":-3,"status":"ok"}]}`,
}

func TestUnmarshalAsEncodingJSON(t *testing.T) {
	for _, s := range decodeSeeds {
		decodeBoth[luamod.Options](t, []byte(s), true)
		decodeBoth[luamod.Trace](t, []byte(s), false)
		decodeBoth[luamod.Trace](t, []byte(s), true)
	}
}

func FuzzUnmarshal(f *testing.F) {
	for _, s := range decodeSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		decodeBoth[luamod.Options](t, data, true)
		decodeBoth[luamod.Trace](t, data, false)
	})
}
