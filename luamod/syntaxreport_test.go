package luamod

import "testing"

// gopherAccepts are the cases of syntaxCases that gopher-lua's parser
// takes, so that the engine runs them: empty statements, a call's
// arguments on the next line, numerals and escapes strtod or Lua 5.1
// refuses, and nested [[ in a long string. The engine asks checkSyntax
// only when gopher-lua has failed.
var gopherAccepts = map[string]bool{
	";\n": true, "x = 1;;\n": true, "a\n(1)\n": true, "local x = f\n(g)()\n": true,
	"x = 1e\n": true, "x = 1ee5\n": true, "x = .5.\n": true,
	"x = \"\\400\"\n": true, "x = \"abc\\9999\"\n": true,
	"x = [[ a [[ b ]]\n": true, "--[[ a [[ b ]]\n": true,
}

// A script's syntax error is Lua 5.1's, and the result's line is the
// line of its message.
func TestScriptSyntaxErrorsReadAsLua51(t *testing.T) {
	for _, c := range syntaxCases {
		res, _ := run(t, c.src)
		if gopherAccepts[c.src] {
			if res.Error == c.want {
				t.Errorf("%q now fails as in Lua 5.1: drop it from gopherAccepts", c.src)
			}
			continue
		}
		if res.Status != StatusError || res.Error != c.want || res.Line != errorLine("main.lua", c.want) {
			t.Errorf("run of %q: %s %q line %d\nwant %q", c.src, res.Status, res.Error, res.Line, c.want)
		}
	}
}

// An error at the end of a script without a final newline is on its
// last line (with one, on the empty line after it: see report_test.go).
func TestSyntaxErrorAtTheEndWithoutANewlineIsOnTheLastLine(t *testing.T) {
	res := expectError(t, "x = {\n  1", `^main\.lua:2: '}' expected \(to close '\{' at line 1\) near '<eof>'$`)
	if res.Line != 2 {
		t.Fatalf("line = %d, want 2", res.Line)
	}
}

// The result's line is one the editor has: it splits lines at "\r\n",
// "\r" and "\n".
func TestResultLineIsOneOfTheScript(t *testing.T) {
	for _, c := range []struct {
		src, msg string
		want     int
	}{
		{"x\n", "main.lua:2: '=' expected near '<eof>'", 2},
		{"x", "main.lua:9: boom", 1},
		{"a\r\nb\rc\n", "main.lua:7: boom", 4},
		{"a\n", "other.lua:1: boom", 0},
	} {
		if got := resultLine("main.lua", c.src, c.msg); got != c.want {
			t.Errorf("resultLine(%q, %q) = %d, want %d", c.src, c.msg, got, c.want)
		}
	}
}

// Chunks compiled by loadstring and load get Lua 5.1's syntax errors
// too, under their own names. The wants are lua5.1's.
func TestLoadedChunksSyntaxErrorsReadAsLua51(t *testing.T) {
	expectOutput(t, `
print(loadstring("x = = 1"))
print(loadstring("if x then"))
print(loadstring("local t = {\n1\n", "=t"))
print(loadstring("x = [[", "=chunk"))
print(loadstring("break", "=b"))
print(loadstring("local function f() return ... end", "=v"))
local parts = {"for i = 1, 3 do\n", "  print(i)\n"}
print(load(function() return table.remove(parts, 1) end, "=loaded"))
`, "nil\t[string \"x = = 1\"]:1: unexpected symbol near '='\n"+
		"nil\t[string \"if x then\"]:1: 'end' expected near '<eof>'\n"+
		"nil\tt:3: '}' expected (to close '{' at line 1) near '<eof>'\n"+
		"nil\tchunk:1: unfinished long string near '<eof>'\n"+
		"nil\tb:1: no loop to break near '<eof>'\n"+
		"nil\tv:1: cannot use '...' outside a vararg function near '...'\n"+
		"nil\tloaded:3: 'end' expected (to close 'for' at line 1) near '<eof>'\n")
}

// TestLoadstringSyntaxErrorsMatchLua51 runs testdata/lua51/syntax.lua,
// chunks with syntax errors given to loadstring, and compares the errors
// with Lua 5.1.5's.
func TestLoadstringSyntaxErrorsMatchLua51(t *testing.T) {
	expectLua51(t, "testdata/lua51/syntax")
}
