package luamod

import (
	"os"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestDecodeOptions(t *testing.T) {
	got, err := DecodeOptions([]byte(`{"realTime":true,"seed":7,"wallTimeoutMs":1500,"gracePeriodMs":250,"maxGoroutines":3,
		"maxOutputBytes":100,"maxEvents":50,"maxMemory":1024,"quantum":20,"chunkName":"x.lua"}`))
	if err != nil {
		t.Fatal(err)
	}
	want := Options{ChunkName: "x.lua", RealTime: true, Seed: 7, WallTimeout: Millis(1500 * time.Millisecond),
		GracePeriod: Millis(250 * time.Millisecond), MaxGoroutines: 3, MaxOutputBytes: 100, MaxEvents: 50, MaxMemory: 1024, Quantum: 20}
	if got != want {
		t.Fatalf("got %+v, want %+v", got, want)
	}
}

func TestDecodeOptionsEmptyMeansDefaults(t *testing.T) {
	for _, in := range []string{"", " ", "null", "{}"} {
		got, err := DecodeOptions([]byte(in))
		if err != nil || got != (Options{}) {
			t.Errorf("%q: got %+v, %v; want zero options", in, got, err)
		}
	}
}

func TestDecodeOptionsRejects(t *testing.T) {
	for in, want := range map[string]string{
		`{"wallTimeout":5}`:             `unknown field "wallTimeout"`,
		`{"seed":"x"}`:                  "cannot unmarshal string",
		`{"wallTimeoutMs":-1}`:          "not between 0 and one day",
		`{"gracePeriodMs":1e300}`:       "cannot unmarshal number",
		`{"gracePeriodMs":99999999999}`: "not between 0 and one day",
		`[1]`:                           "cannot unmarshal array",
		`{`:                             "unexpected end of JSON input",
	} {
		_, err := DecodeOptions([]byte(in))
		if err == nil || !strings.Contains(err.Error(), want) || !strings.HasPrefix(err.Error(), "run options: ") {
			t.Errorf("%s: got error %v, want one containing %q", in, err, want)
		}
	}
}

// web/src/protocol.ts mirrors the JSON form of Options field for field,
// with TypeScript's types for Go's.
func TestProtocolMirrorsOptions(t *testing.T) {
	data, err := os.ReadFile("../web/src/protocol.ts")
	if err != nil {
		t.Fatal(err)
	}
	body := regexp.MustCompile(`(?s)export interface RunOptions \{(.*?)\n\}`).FindSubmatch(data)
	if body == nil {
		t.Fatal("protocol.ts has no RunOptions interface")
	}
	ts := map[string]string{}
	for _, m := range regexp.MustCompile(`(?m)^\s*(\w+)\?: (\w+);`).FindAllSubmatch(body[1], -1) {
		ts[string(m[1])] = string(m[2])
	}
	goFields := map[string]string{}
	typ := reflect.TypeOf(Options{})
	for i := range typ.NumField() {
		f := typ.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch f.Type.Kind() {
		case reflect.Bool:
			goFields[name] = "boolean"
		case reflect.String:
			goFields[name] = "string"
		default:
			goFields[name] = "number"
		}
	}
	if !reflect.DeepEqual(ts, goFields) {
		t.Fatalf("protocol.ts RunOptions %v\nluamod.Options JSON %v", ts, goFields)
	}
}

// The page's guard against a run stuck in one instruction counts from the
// same default wall limit the engine applies.
func TestProtocolDefaultWallLimit(t *testing.T) {
	data, err := os.ReadFile("../web/src/protocol.ts")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`export const DEFAULT_WALL_MS = ([\d_]+);`).FindSubmatch(data)
	if m == nil || strings.ReplaceAll(string(m[1]), "_", "") != strconv.FormatInt(time.Duration(DefaultWallTimeout).Milliseconds(), 10) {
		t.Fatalf("protocol.ts DEFAULT_WALL_MS %q, want luamod.DefaultWallTimeout %v", m, DefaultWallTimeout)
	}
}
