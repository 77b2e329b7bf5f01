package luamod

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	lua "github.com/yuin/gopher-lua"
	"github.com/yuin/gopher-lua/parse"
)

var (
	errDeadlock  = errors.New("all goroutines are asleep - deadlock!")
	errCancelled = errors.New("run cancelled")
)

// errorLine finds the first "chunk:line:" in text; 0 when there is none.
func errorLine(chunk, text string) int {
	for i := 0; ; i++ {
		at := strings.Index(text[i:], chunk+":")
		if at < 0 {
			return 0
		}
		i += at
		digits, rest := leadingDigits(text[i+len(chunk)+1:])
		if digits != "" && strings.HasPrefix(rest, ":") {
			n, _ := strconv.Atoi(digits)
			return n
		}
	}
}

// resultLine is the line of msg's first "chunk:line:", at most the last
// line of src as the editor shows it (it starts a line after each "\r\n",
// "\r" and "\n"); 0 when msg has none.
func resultLine(chunk, src, msg string) int {
	lines := strings.Count(src, "\n") + strings.Count(src, "\r") - strings.Count(src, "\r\n") + 1
	return min(errorLine(chunk, msg), lines)
}

// syntaxError words the error of gopher-lua's parser or compiler as Lua
// 5.1 does when checkSyntax finds the error Lua 5.1 would; when it finds
// none (the parsers disagree), it rewrites gopher-lua's parse error in the
// usual file:line form, where an error at the end of the file gets the
// last line of src.
func syntaxError(chunk, src string, err error) string {
	switch err.(type) {
	case *parse.Error, *lua.CompileError:
		if msg := checkedSyntax(src, chunk); msg != "" {
			return msg
		}
	}
	msg := err.Error()
	if line, near, what, ok := parseErrorAt(msg); ok {
		return fmt.Sprintf("%s:%s: %s near '%s'", chunk, line, strings.TrimSpace(what), near)
	}
	if _, after, ok := strings.Cut(msg, "at EOF:"); ok {
		last := strings.Count(strings.TrimRight(src, "\n"), "\n") + 1
		return fmt.Sprintf("%s:%d: %s at end of file", chunk, last, strings.TrimSpace(restOfLine(skipSpace(after))))
	}
	return msg
}

// checkedSyntax is checkSyntax, or "" if the checker panics (a bug in it,
// which FuzzSyntaxCheck looks for): gopher-lua's message then stays, and
// the main chunk's compile, which runs outside any goroutine's guard,
// does not end the process.
func checkedSyntax(src, chunk string) (msg string) {
	defer func() {
		if recover() != nil {
			msg = ""
		}
	}()
	return checkSyntax(src, chunk)
}

// parseErrorAt reads the first "line:L(column:C) near 'TOKEN': WHAT" of
// gopher-lua's parse error; TOKEN runs to the last "':" of its line.
func parseErrorAt(msg string) (line, near, what string, ok bool) {
	for i := 0; ; i++ {
		at := strings.Index(msg[i:], "line:")
		if at < 0 {
			return "", "", "", false
		}
		i += at
		line, rest := leadingDigits(msg[i+len("line:"):])
		rest, okCol := strings.CutPrefix(rest, "(column:")
		column, rest := leadingDigits(rest)
		rest, okNear := strings.CutPrefix(rest, ") near '")
		if line == "" || !okCol || column == "" || !okNear {
			continue
		}
		text := restOfLine(rest)
		if end := strings.LastIndex(text, "':"); end >= 0 {
			return line, text[:end], restOfLine(skipSpace(rest[end+2:])), true
		}
	}
}

// leadingDigits splits s after its leading ASCII digits.
func leadingDigits(s string) (digits, rest string) {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return s[:n], s[n:]
}

// skipSpace drops leading white space, as a regexp's \s* would.
func skipSpace(s string) string {
	return strings.TrimLeft(s, " \t\n\f\r")
}

// restOfLine is s up to its first newline.
func restOfLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// reportError records the error that ended goroutine g and writes it, with
// its traceback, to stderr.
func (s *sched) reportError(g *G, err error) {
	msg := g.errMsg
	ge := GoroutineError{G: g.id, Name: g.name, Message: msg, Line: errorLine(s.opts.ChunkName, msg)}
	var apiErr *lua.ApiError
	if errors.As(err, &apiErr) {
		ge.Traceback = hideConcat(apiErr.StackTrace)
		if g.id != 1 {
			// gopher-lua calls a thread's first function "main chunk".
			ge.Traceback = strings.Replace(ge.Traceback, "in main chunk", "in the goroutine's function", 1)
		}
	}
	if ge.Line == 0 {
		ge.Line = errorLine(s.opts.ChunkName, ge.Traceback)
	}
	s.result.Errors = append(s.result.Errors, ge)
	text := fmt.Sprintf("error in %s: %s\n", goroutineLabel(g.id, g.name), msg)
	if ge.Traceback != "" {
		text += ge.Traceback + "\n"
	}
	s.output("stderr", text)
}

// stuckReport is the deadlock or leak report, one line per goroutine.
func stuckReport(chunk string, stuck []Stuck, deadlock bool) string {
	if deadlock {
		return goroutineList("fatal error: "+errDeadlock.Error()+"\n", chunk, stuck)
	}
	return goroutineList(fmt.Sprintf("warning: %d goroutine(s) leaked: blocked forever when the run ended\n", len(stuck)), chunk, stuck)
}

// goroutineList is head, then one line per goroutine: what it was doing
// and where.
func goroutineList(head, chunk string, list []Stuck) string {
	var b strings.Builder
	b.WriteString(head)
	for _, st := range list {
		writeStuck(&b, chunk, st)
	}
	return b.String()
}

// maxAliveReported bounds the goroutines a limit report lists one by one.
const maxAliveReported = 20

// aliveReport lists the goroutines alive when a limit or the caller
// stopped the run, in the leak report's form, then how many it left out.
func aliveReport(chunk string, alive []Stuck, total int) string {
	if total == 0 {
		return ""
	}
	text := goroutineList(fmt.Sprintf("%d goroutine(s) alive when the run was stopped:\n", total), chunk, alive)
	if more := total - len(alive); more > 0 {
		text += fmt.Sprintf("... and %d more\n", more)
	}
	return text
}

// writeStuck writes one goroutine's line: id, name, what it waits on and
// its line.
func writeStuck(b *strings.Builder, chunk string, st Stuck) {
	what := string(st.Reason)
	if st.Object != "" {
		what += " on " + st.Object
	}
	fmt.Fprintf(b, "%s [%s]", goroutineLabel(st.G, st.Name), what)
	if st.Line > 0 {
		fmt.Fprintf(b, " at %s:%d", chunk, st.Line)
	}
	b.WriteString("\n")
}

// goroutineLabel is "goroutine 7", or "goroutine 7 (name)" when it has one.
func goroutineLabel(id int, name string) string {
	if name == "" {
		return fmt.Sprintf("goroutine %d", id)
	}
	return fmt.Sprintf("goroutine %d (%s)", id, name)
}
