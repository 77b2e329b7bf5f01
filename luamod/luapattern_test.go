package luamod

import (
	"testing"
	"time"
)

// TestStringLibraryMatchesLua51 runs a script of string.find, match,
// gmatch, gsub, rep, byte, format, table.concat, unpack, sort and friends
// over many subjects and patterns, error messages included, and compares
// its output with what Lua 5.1.5 prints for it.
func TestStringLibraryMatchesLua51(t *testing.T) {
	expectLua51(t, "testdata/lua51/strings")
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
