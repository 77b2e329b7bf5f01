package luamod

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// The error-text parsers in report.go do without package regexp (it is
// not linked into the page's wasm). These are the regular expressions they
// replace; the parsers must find exactly what these find.
var (
	refSyntaxRe    = regexp.MustCompile(`line:(\d+)\(column:(\d+)\) near '(.*)':\s*(.*)`)
	refSyntaxEOFRe = regexp.MustCompile(`at EOF:\s*(.*)`)
)

func refErrorLine(chunk, text string) int {
	if m := regexp.MustCompile(regexp.QuoteMeta(chunk) + `:(\d+):`).FindStringSubmatch(text); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n
	}
	return 0
}

func refSyntaxError(chunk, src, msg string) string {
	if m := refSyntaxRe.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("%s:%s: %s near '%s'", chunk, m[1], strings.TrimSpace(m[4]), m[3])
	}
	if m := refSyntaxEOFRe.FindStringSubmatch(msg); m != nil {
		last := strings.Count(strings.TrimRight(src, "\n"), "\n") + 1
		return fmt.Sprintf("%s:%d: %s at end of file", chunk, last, strings.TrimSpace(m[1]))
	}
	return msg
}

var errorTexts = []string{
	"main.lua line:3(column:5) near 'end':   syntax error\n",
	"main.lua line:1(column:12) near ''':   unterminated string\nmore",
	"x line:(column:1) near 'a': b line:7(column:2) near 'it's':\n\n  parse error \t\nrest",
	"line:2(column:3) near 'a\nb': x",
	"line:2(column:3) near 'a': x line:4(column:5) near 'b': y",
	"main.lua at EOF:   syntax error\nx", "at EOF:\n\n unexpected end", "at EOF", "",
	"main.lua:12: boom", "main.lua:: main.lua:x: main.lua:7:", "main.lua:99999999999999999999:", "other.lua:3: no",
	"[string \"main.lua\"]:4: in main chunk\n\tmain.lua:5: in function", "main.lua:12",
}

func checkErrorParsers(t *testing.T, chunk, src, text string) {
	if got, want := errorLine(chunk, text), refErrorLine(chunk, text); got != want {
		t.Errorf("errorLine(%q, %q) = %d, want %d", chunk, text, got, want)
	}
	if got, want := syntaxError(chunk, src, errors.New(text)), refSyntaxError(chunk, src, text); got != want {
		t.Errorf("syntaxError(%q) = %q, want %q", text, got, want)
	}
}

func TestErrorParsersMatchRegexps(t *testing.T) {
	for _, text := range errorTexts {
		checkErrorParsers(t, "main.lua", "a\nb\n\n", text)
		checkErrorParsers(t, "m.l", "", text)
	}
}

func FuzzErrorParsers(f *testing.F) {
	for _, text := range errorTexts {
		f.Add("main.lua", text)
	}
	f.Fuzz(func(t *testing.T, chunk, text string) {
		if !utf8.ValidString(chunk) {
			t.Skip("the reference's regexp cannot be compiled") // errorLine copes
		}
		checkErrorParsers(t, chunk, "x\ny", text)
	})
}
