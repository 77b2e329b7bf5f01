package luamod

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// syntaxCases are malformed chunks and Lua 5.1.5's error for each. Every
// want was made by saving the chunk as main.lua and running
//
//	lua5.1 -e 'local f, e = loadfile("main.lua") io.write(e or "")'
//
// which names the chunk and counts its syntax levels as "lua5.1 main.lua"
// does. Each chunk ends with a newline, so an error at its end is on the
// line after the last one.
var syntaxCases = []struct{ src, want string }{
	{"if x then print(1)\n", "main.lua:2: 'end' expected (to close 'if' at line 1) near '<eof>'"},
	{"if x print(1) end\n", "main.lua:1: 'then' expected near 'print'"},
	{"print(\"hello)\n", "main.lua:1: unfinished string near '\"hello)'"},
	{"local x = = 1\n", "main.lua:1: unexpected symbol near '='"},
	{"for i = 1, 10 print(i) end\n", "main.lua:1: 'do' expected near 'print'"},
	{"x = {1, 2\n", "main.lua:2: '}' expected (to close '{' at line 1) near '<eof>'"},
	{"local function() end\n", "main.lua:1: '<name>' expected near '('"},
	{"goroutine.spawn(function() print(1) end\n", "main.lua:2: ')' expected (to close '(' at line 1) near '<eof>'"},
	{"local t = {a = 1 b = 2}\n", "main.lua:1: '}' expected near 'b'"},
	{"--[[ unclosed\n", "main.lua:2: unfinished long comment near '<eof>'"},
	{"x = [[ unclosed\nlong\n", "main.lua:3: unfinished long string near '<eof>'"},
	{"x = [==[ a ]=]\n", "main.lua:2: unfinished long string near '<eof>'"},
	{"function f()\n  print(1)\n\n", "main.lua:4: 'end' expected (to close 'function' at line 1) near '<eof>'"},
	{"function f() print(1)\n", "main.lua:2: 'end' expected (to close 'function' at line 1) near '<eof>'"},
	{"do\n  x = 1\n\n", "main.lua:4: 'end' expected (to close 'do' at line 1) near '<eof>'"},
	{"while true do\n  x = 1\n\n", "main.lua:4: 'end' expected (to close 'while' at line 1) near '<eof>'"},
	{"while true x = 1 end\n", "main.lua:1: 'do' expected near 'x'"},
	{"repeat\n  x = 1\n\n", "main.lua:4: 'until' expected (to close 'repeat' at line 1) near '<eof>'"},
	{"repeat x = 1 end\n", "main.lua:1: 'until' expected near 'end'"},
	{"for k, v in pairs(t) do\n  print(k)\n\n", "main.lua:4: 'end' expected (to close 'for' at line 1) near '<eof>'"},
	{"for k v in pairs(t) do end\n", "main.lua:1: '=' or 'in' expected near 'v'"},
	{"for i do end\n", "main.lua:1: '=' or 'in' expected near 'do'"},
	{"for 1 = 1, 2 do end\n", "main.lua:1: '<name>' expected near '1'"},
	{"for i = 1 do end\n", "main.lua:1: ',' expected near 'do'"},
	{"if a then\nelseif b\n  x = 1\nend\n", "main.lua:3: 'then' expected near 'x'"},
	{"if a then x = 1 else y = 2\n", "main.lua:2: 'end' expected (to close 'if' at line 1) near '<eof>'"},
	{"if a then\n  while b do\n    x = 1\n  end\n\n", "main.lua:6: 'end' expected (to close 'if' at line 1) near '<eof>'"},
	{"x = (1 + 2\n", "main.lua:2: ')' expected (to close '(' at line 1) near '<eof>'"},
	{"x = (1 +\n2\n", "main.lua:3: ')' expected (to close '(' at line 1) near '<eof>'"},
	{"print(1, 2\n", "main.lua:2: ')' expected (to close '(' at line 1) near '<eof>'"},
	{"print(1,\n2\n", "main.lua:3: ')' expected (to close '(' at line 1) near '<eof>'"},
	{"x = t[1\n", "main.lua:2: ']' expected near '<eof>'"},
	{"x = {[1] 2}\n", "main.lua:1: '=' expected near '2'"},
	{"x = {a.b = 1}\n", "main.lua:1: '}' expected near '='"},
	{"local a.b = 1\n", "main.lua:1: unexpected symbol near '.'"},
	{"local 1 = 2\n", "main.lua:1: '<name>' expected near '1'"},
	{"x\n", "main.lua:2: '=' expected near '<eof>'"},
	{"f() = 1\n", "main.lua:1: unexpected symbol near '='"},
	{"x, f() = 1\n", "main.lua:1: syntax error near '='"},
	{"(a) = 1\n", "main.lua:1: syntax error near '='"},
	{"a.b:c = 1\n", "main.lua:1: function arguments expected near '='"},
	{"x = 1 +\n", "main.lua:2: unexpected symbol near '<eof>'"},
	{"x = 1 ..\n\n", "main.lua:3: unexpected symbol near '<eof>'"},
	{"x = #\n", "main.lua:2: unexpected symbol near '<eof>'"},
	{"x = @\n", "main.lua:1: unexpected symbol near '@'"},
	{"x = $\n", "main.lua:1: unexpected symbol near '$'"},
	{"x = ~ 1\n", "main.lua:1: unexpected symbol near '~'"},
	{"x = a !\n", "main.lua:1: unexpected symbol near '!'"},
	{"f(a,)\n", "main.lua:1: unexpected symbol near ')'"},
	{";\n", "main.lua:1: unexpected symbol near ';'"},
	{"x = 1;;\n", "main.lua:1: unexpected symbol near ';'"},
	{"return 1 print(2)\n", "main.lua:1: '<eof>' expected near 'print'"},
	{"return\nreturn\n", "main.lua:2: unexpected symbol near 'return'"},
	{"function f() return 1 x = 2 end\n", "main.lua:1: 'end' expected near 'x'"},
	{"break\n", "main.lua:2: no loop to break near '<eof>'"},
	{"function f() break end\n", "main.lua:1: no loop to break near 'end'"},
	{"while true do local f = function() break end end\n", "main.lua:1: no loop to break near 'end'"},
	{"while true do break x = 1 end\n", "main.lua:1: 'end' expected near 'x'"},
	{"function f() return ... end\n", "main.lua:1: cannot use '...' outside a vararg function near '...'"},
	{"function f(a) local g = function(...) return ... end return ... end\n", "main.lua:1: cannot use '...' outside a vararg function near '...'"},
	{"function f(a,1) end\n", "main.lua:1: <name> or '...' expected near '1'"},
	{"function f(... , a) end\n", "main.lua:1: ')' expected near ','"},
	{"function a.b:c.d() end\n", "main.lua:1: '(' expected near '.'"},
	{"function 1() end\n", "main.lua:1: '<name>' expected near '1'"},
	{"local x = function(a\nend\n", "main.lua:2: ')' expected near 'end'"},
	{"a\n(1)\n", "main.lua:2: ambiguous syntax (function call x new statement) near '('"},
	{"local x = f\n(g)()\n", "main.lua:2: ambiguous syntax (function call x new statement) near '('"},
	{"x = 3..2\n", "main.lua:1: malformed number near '3..2'"},
	{"x = 1e\n", "main.lua:1: malformed number near '1e'"},
	{"x = 1ee5\n", "main.lua:1: malformed number near '1ee5'"},
	{"x = 0x\n", "main.lua:1: malformed number near '0x'"},
	{"x = .5.\n", "main.lua:1: malformed number near '.5.'"},
	{"x = 12abc\n", "main.lua:1: malformed number near '12abc'"},
	{"x = \"\\400\"\n", "main.lua:1: escape sequence too large near '\"'"},
	{"x = \"abc\\9999\"\n", "main.lua:1: escape sequence too large near '\"abc'"},
	{"x = \"a\\\nb\n", "main.lua:2: unfinished string near '\"a\nb'"},
	{"x = 'abc\n", "main.lua:1: unfinished string near ''abc'"},
	{"x = \"tab\\there\n", "main.lua:1: unfinished string near '\"tab\there'"},
	{"x = [==x\n", "main.lua:1: invalid long string delimiter near '[=='"},
	{"x = [= [\n", "main.lua:1: invalid long string delimiter near '[='"},
	{"x = [[ a [[ b ]]\n", "main.lua:1: nesting of [[...]] is deprecated near '['"},
	{"--[[ a [[ b ]]\n", "main.lua:1: nesting of [[...]] is deprecated near '['"},
	{"--[==[\nnever closed\n\n", "main.lua:4: unfinished long comment near '<eof>'"},
	{"x = [[\nabc\n", "main.lua:3: unfinished long string near '<eof>'"},
	{"x = [[\r\nabc\r\n\n", "main.lua:4: unfinished long string near '<eof>'"},
	{"goto done\n", "main.lua:1: '=' expected near 'done'"},
	{"x = 1 y = 2 z\n", "main.lua:2: '=' expected near '<eof>'"},
	{"local t = {\n  a = 1,\n  b = 2\n\n", "main.lua:5: '}' expected (to close '{' at line 1) near '<eof>'"},
	{"local t = {\n  f(1\n}\n", "main.lua:3: ')' expected (to close '(' at line 2) near '}'"},
	{"print(\"a\" \"b\")\n", "main.lua:1: ')' expected near '\"b\"'"},
	{"x = a.1\n", "main.lua:1: unexpected symbol near '.1'"},
	{"x = a:b\n", "main.lua:2: function arguments expected near '<eof>'"},
	{"x = a:b.c()\n", "main.lua:1: function arguments expected near '.'"},
	{"x = function end\n", "main.lua:1: '(' expected near 'end'"},
	{"x = not\n", "main.lua:2: unexpected symbol near '<eof>'"},
	{"x = {,}\n", "main.lua:1: unexpected symbol near ','"},
	{"local x <const> = 1\n", "main.lua:1: unexpected symbol near '<'"},
	{"x += 1\n", "main.lua:1: '=' expected near '+'"},
	{"if x ~= 1 then elseif then end\n", "main.lua:1: unexpected symbol near 'then'"},
	{"x = 'a\\0b\n", "main.lua:1: unfinished string near ''a'"},
	{"x = \u0001\n", "main.lua:1: unexpected symbol near 'char(1)'"},
	{"x = 1\n\n\nend\n", "main.lua:4: '<eof>' expected near 'end'"},
	{"until x\n", "main.lua:1: '<eof>' expected near 'until'"},
	{"else\n", "main.lua:1: '<eof>' expected near 'else'"},
	{"local function f()\n  if x then\n    return\n  end\n\n", "main.lua:6: 'end' expected (to close 'function' at line 1) near '<eof>'"},
	{"x = \u0000\n", "main.lua:1: unexpected symbol"},
	{"x = 1 \u0000\n", "main.lua:1: unexpected symbol"},
	{"x = 'a\u0000b'\n print(\n", "main.lua:3: unexpected symbol near '<eof>'"},
	{"x = 'a\u0000b\n", "main.lua:1: unfinished string near ''a'"},
	{"x = {1,\n2} y\n", "main.lua:3: '=' expected near '<eof>'"},
	{"local x = [=[\nab\n]=] .. \n", "main.lua:4: unexpected symbol near '<eof>'"},
	{"f(\n  1,\n  2\n", "main.lua:4: ')' expected (to close '(' at line 1) near '<eof>'"},
	{"if x then\n  y()\nelse\n  z()\n", "main.lua:5: 'end' expected (to close 'if' at line 1) near '<eof>'"},
	{"x = function(a, b)\n  return a\n", "main.lua:3: 'end' expected (to close 'function' at line 1) near '<eof>'"},
	{"print(1)\nlocal x = = 2\n", "main.lua:2: unexpected symbol near '='"},
	{"print(1)\nif true then\n", "main.lua:3: 'end' expected (to close 'if' at line 2) near '<eof>'"},
	// Lua 5.1 takes a NUL byte after a dot or a numeral's digits as one
	// of the bytes it looks for there.
	{"x..\u0000\n", "main.lua:1: '=' expected near '...'"},
	{"x = 1\u0000 + \n", "main.lua:2: unexpected symbol near '<eof>'"},
	{"x = .\u0000b\n", "main.lua:1: unexpected symbol near '..'"},
}

func TestSyntaxCheckMatchesLua51(t *testing.T) {
	for _, c := range syntaxCases {
		if got := checkSyntax(c.src, "main.lua"); got != c.want {
			t.Errorf("checkSyntax(%q)\n got %q\nwant %q", c.src, got, c.want)
		}
	}
}

// Lua 5.1 refuses a chunk nested deeper than its 200 levels, counted
// from the main program's call; the checker stops there, however deep
// the chunk goes.
func TestSyntaxCheckStopsAtLua51sLevels(t *testing.T) {
	nested := func(n int) string {
		return "x = " + strings.Repeat("(", n) + "1" + strings.Repeat(")", n) + "\n"
	}
	if got := checkSyntax(nested(197), "main.lua"); got != "" {
		t.Fatalf("197 levels: %q", got)
	}
	for _, n := range []int{198, 1 << 20} {
		if got, want := checkSyntax(nested(n), "main.lua"), "main.lua:1: chunk has too many syntax levels"; got != want {
			t.Fatalf("%d levels: %q, want %q", n, got, want)
		}
	}
	deep := strings.Repeat("do ", 1<<20) + strings.Repeat("- ", 1<<20)
	if got := checkSyntax(deep, "main.lua"); !strings.HasSuffix(got, errSyntaxLevels) {
		t.Fatalf("deep blocks: %q", got)
	}
}

// Valid chunks have no error, the shipped examples included, and so has
// what Lua 5.1 takes by a quirk: a table field's name read ahead moves
// the line a call's "(" is checked against.
func TestSyntaxCheckAcceptsValidChunks(t *testing.T) {
	srcs := []string{"", "t = {f\n(1)}\n", "do return end x = 1\n", "x = 0x1e+5 .. 1e-3 .. .5 .. 3. .. 0XfF\n",
		"local s = [==[\n]] ]=] ]==] .. 'a\\\nb\\065\\n' .. \"\\q\"\n", "a.b.c:d 's' {1; 2, x = 3, [4] = 5,} ()\n",
		"for i = 1, 2, 3 do while x do repeat break until y end end\n",
		"function a.b:c(x, ...) return function(...) return ... end end\n",
		"local x, y = -#t ^ 2 .. 'a' .. 'b', not a == b and c or d\n"}
	files, _ := filepath.Glob("../web/examples/*.lua")
	if len(files) == 0 {
		t.Fatal("no examples found")
	}
	for _, path := range files {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, string(b))
	}
	for _, src := range srcs {
		if got := checkSyntax(src, "main.lua"); got != "" {
			t.Errorf("checkSyntax(%.60q) = %q", src, got)
		}
	}
}
