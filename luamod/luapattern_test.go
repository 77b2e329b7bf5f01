package luamod

import (
	"os"
	"strings"
	"testing"
	"time"
)

// TestStringLibraryMatchesLua51 runs a script of string.find, match,
// gmatch, gsub, rep, byte, format, table.concat, unpack, sort and friends
// over many subjects and patterns, error messages included, and compares
// its output with what Lua 5.1.5 prints for it.
func TestStringLibraryMatchesLua51(t *testing.T) {
	src, err := os.ReadFile("testdata/lua51/strings.lua")
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("testdata/lua51/strings.want")
	if err != nil {
		t.Fatal(err)
	}
	res, rec := run(t, string(src), Options{MaxOutputBytes: 1 << 22})
	if !res.OK() {
		t.Fatalf("%s: %s", res.Status, res.Error)
	}
	got, wantLines := strings.Split(rec.Stdout.String(), "\n"), strings.Split(string(want), "\n")
	for i := range min(len(got), len(wantLines)) {
		if got[i] != wantLines[i] {
			t.Fatalf("line %d:\n got %s\nwant %s", i+1, got[i], wantLines[i])
		}
	}
	if len(got) != len(wantLines) {
		t.Fatalf("%d lines, want %d", len(got), len(wantLines))
	}
}

// TestPatternsAreBounded gives the matcher what made gopher-lua's crash or
// hang: captures nested a million deep, a pattern that recurses a million
// times, and backtracking that would take years.
func TestPatternsAreBounded(t *testing.T) {
	expectBounded(t, []bounded{
		{"nested captures", `string.find("a", string.rep("(", 1e6) .. "a" .. string.rep(")", 1e6))`, Options{}, StatusError, `too many captures`},
		{"deep pattern", `string.find(string.rep("a", 1e6), string.rep("a?", 1e6))`, Options{}, StatusError, `pattern too complex`},
		{"backtracking", `local s = string.rep("a", 1e5) while true do s:find(".-.-.-b") end`, Options{WallTimeout: Millis(300 * time.Millisecond)}, StatusLimit, `wall time`},
		{"scanning", `local s = string.rep("x", 1e7) while true do s:find("y") end`, Options{WallTimeout: Millis(300 * time.Millisecond)}, StatusLimit, `wall time`},
		{"gsub result", `local s = string.rep("a", 1e5) s = s:gsub("a", string.rep("b", 1e5))`, Options{MaxMemory: 16 << 20, WallTimeout: Millis(5 * time.Second)}, StatusLimit, `memory \(16 MiB\)`},
		{"gsub loop", `local s = string.rep("ab", 1e6) while true do s:gsub("%w", "%0") end`, Options{WallTimeout: Millis(300 * time.Millisecond)}, StatusLimit, `wall time`},
	})
}
