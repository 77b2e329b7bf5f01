package luamod

import (
	"os"
	"strings"
	"testing"
)

// TestLanguageMatchesLua51 runs testdata/lua51/language.lua, the language
// outside the concurrency module, and compares its output with what Lua
// 5.1.5 prints for it.
func TestLanguageMatchesLua51(t *testing.T) {
	expectLua51(t, "testdata/lua51/language")
}

// expectLua51 runs the script path.lua and compares its output, line by
// line, with path.want, what Lua 5.1.5 printed for it.
func expectLua51(t *testing.T, path string) {
	t.Helper()
	src, err := os.ReadFile(path + ".lua")
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(path + ".want")
	if err != nil {
		t.Fatal(err)
	}
	res, rec := run(t, string(src), Options{MaxOutputBytes: 1 << 22})
	if !res.OK() {
		t.Fatalf("%s: %s\n%s", res.Status, res.Error, rec.Stderr.String())
	}
	got, wantLines := strings.Split(rec.Stdout.String(), "\n"), strings.Split(string(want), "\n")
	for i := range min(len(got), len(wantLines)) {
		if got[i] != wantLines[i] {
			t.Errorf("line %d:\n got %s\nwant %s", i+1, got[i], wantLines[i])
		}
	}
	if len(got) != len(wantLines) {
		t.Errorf("%d lines, want %d", len(got), len(wantLines))
	}
}

// TestLibraryMatchesLua51 runs testdata/lua51/library.lua, the standard
// library given odd arguments, and compares its output with Lua 5.1.5's.
func TestLibraryMatchesLua51(t *testing.T) {
	expectLua51(t, "testdata/lua51/library")
}
