package main

import (
	"strings"
	"testing"
	"time"

	"luaplay/luamod"
)

func TestDecodeOptions(t *testing.T) {
	got, err := decodeOptions([]byte(`{"realTime":true,"seed":7,"wallTimeoutMs":1500,"maxGoroutines":3,
		"maxOutputBytes":100,"maxEvents":50,"maxMemory":1024,"quantum":20,"chunkName":"x.lua"}`))
	if err != nil {
		t.Fatal(err)
	}
	want := luamod.Options{ChunkName: "x.lua", RealTime: true, Seed: 7, WallTimeout: 1500 * time.Millisecond,
		MaxGoroutines: 3, MaxOutputBytes: 100, MaxEvents: 50, MaxMemory: 1024, Quantum: 20}
	if got != want {
		t.Fatalf("got %+v, want %+v", got, want)
	}
}

func TestDecodeOptionsEmptyMeansDefaults(t *testing.T) {
	for _, in := range []string{"", " ", "null", "{}"} {
		got, err := decodeOptions([]byte(in))
		if err != nil || got != (luamod.Options{}) {
			t.Errorf("%q: got %+v, %v; want zero options", in, got, err)
		}
	}
}

func TestDecodeOptionsRejects(t *testing.T) {
	for in, want := range map[string]string{
		`{"wallTimeout":5}`:       `unknown field "wallTimeout"`,
		`{"seed":"x"}`:            "cannot unmarshal string",
		`{"wallTimeoutMs":-1}`:    "wallTimeoutMs",
		`{"wallTimeoutMs":1e300}`: "cannot unmarshal number",
		`[1]`:                     "cannot unmarshal array",
		`{`:                       "unexpected EOF",
	} {
		_, err := decodeOptions([]byte(in))
		if err == nil || !strings.Contains(err.Error(), want) || !strings.HasPrefix(err.Error(), "run options: ") {
			t.Errorf("%s: got error %v, want one containing %q", in, err, want)
		}
	}
}
