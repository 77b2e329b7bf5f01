package luamod

import (
	"fmt"
	"strings"
)

// maxSyntaxLevels is Lua 5.1's LUAI_MAXCCALLS as its parser applies it:
// a chunk nested deeper is refused with "chunk has too many syntax
// levels". gopher-lua's parser and compiler recurse once per level
// without bound: a million nested "{" exhausted the Go stack.
const maxSyntaxLevels = 200

// errSyntaxLevels is Lua 5.1's message for a chunk nested too deeply.
const errSyntaxLevels = "chunk has too many syntax levels"

// checkNesting scans Lua source without parsing it and returns an error
// naming the line where its nesting passes maxSyntaxLevels. Levels are
// what Lua 5.1's recursive descent counts: blocks (function, do, if,
// repeat), brackets, and chains of the right-associative operators ..
// and ^. Strings, long strings and comments are skipped; what the scanner
// cannot make sense of is left for the parser to report. check is called
// with the bytes scanned, for every 64 KiB and at the end.
func checkNesting(src, chunk string, check func(n int)) error {
	sc := nestScanner{src: src, line: 1}
	checked := 0
	defer func() { check(sc.pos - checked) }()
	for sc.pos < len(src) {
		if sc.pos-checked >= 64<<10 {
			check(sc.pos - checked)
			checked = sc.pos
		}
		if !sc.next() {
			return nil
		}
		if len(sc.stack)+sc.chain > maxSyntaxLevels {
			return fmt.Errorf("%s:%d: %s", chunk, sc.line, errSyntaxLevels)
		}
	}
	return nil
}

// nestScanner walks the tokens of a chunk, keeping the nesting stack:
// each entry is an open block or bracket with the operator chain counted
// inside it so far.
type nestScanner struct {
	src   string
	pos   int
	line  int
	stack []int // chain lengths of the enclosing levels
	chain int   // operator chain at the current level
}

func (sc *nestScanner) open() {
	sc.stack = append(sc.stack, sc.chain)
	sc.chain = 0
}

func (sc *nestScanner) close() {
	if n := len(sc.stack); n > 0 {
		sc.chain = sc.stack[n-1]
		sc.stack = sc.stack[:n-1]
	}
}

// next takes one token. It returns false when the rest of the source
// cannot be scanned (an unfinished string or comment).
func (sc *nestScanner) next() bool {
	c := sc.src[sc.pos]
	switch {
	case c == '\n':
		sc.line++
		sc.pos++
	case c == ' ' || c == '\t' || c == '\r':
		sc.pos++
	case isAlpha(c) || c == '_':
		sc.word()
	case '0' <= c && c <= '9':
		sc.number()
	case c == '"' || c == '\'':
		return sc.quoted(c)
	case c == '-' && sc.pos+1 < len(sc.src) && sc.src[sc.pos+1] == '-':
		return sc.comment()
	case c == '[':
		if n := longBracket(sc.src[sc.pos:]); n >= 0 {
			return sc.long(n)
		}
		sc.open()
		sc.pos++
	case c == '(' || c == '{':
		sc.open()
		sc.pos++
	case c == ')' || c == '}' || c == ']':
		sc.close()
		sc.pos++
	default:
		sc.operator(c)
	}
	return true
}

// word takes a name or keyword.
func (sc *nestScanner) word() {
	start := sc.pos
	for sc.pos++; sc.pos < len(sc.src) && isNameByte(sc.src[sc.pos]); sc.pos++ {
	}
	if sc.pos-start < 2 || sc.pos-start > 8 {
		return
	}
	switch sc.src[start:sc.pos] {
	case "function", "do", "if", "repeat":
		sc.open()
	case "end", "until":
		sc.close()
		sc.chain = 0
	case "and", "or", "not", "local", "return", "then", "else", "elseif", "while", "for", "in", "break", "goto":
		sc.chain = 0
	}
}

func isNameByte(c byte) bool {
	return isAlpha(c) || c == '_' || ('0' <= c && c <= '9')
}

// number takes a numeral, its exponent sign included.
func (sc *nestScanner) number() {
	for sc.pos < len(sc.src) {
		c := sc.src[sc.pos]
		if !isNameByte(c) && c != '.' {
			return
		}
		sc.pos++
		if (c|0x20 == 'e' || c|0x20 == 'p') && sc.pos < len(sc.src) && (sc.src[sc.pos] == '+' || sc.src[sc.pos] == '-') {
			sc.pos++
		}
	}
}

// operator takes punctuation c: .. and ^ lengthen the chain, the
// operators that bind more loosely than they do end it.
func (sc *nestScanner) operator(c byte) {
	sc.pos++
	var next byte
	if sc.pos < len(sc.src) {
		next = sc.src[sc.pos]
	}
	switch {
	case c == '.' && next == '.':
		sc.pos++
		if sc.pos < len(sc.src) && sc.src[sc.pos] == '.' {
			sc.pos++ // ...
		} else {
			sc.chain++
		}
	case c == '^':
		sc.chain++
	case c == '=' || c == ',' || c == ';' || c == '<' || c == '>' || (c == '~' && next == '='):
		sc.chain = 0
	}
}

// comment skips a comment: to the end of the line, or a long bracket.
func (sc *nestScanner) comment() bool {
	sc.pos += 2
	if n := longBracket(sc.src[sc.pos:]); n >= 0 {
		return sc.long(n)
	}
	if end := strings.IndexByte(sc.src[sc.pos:], '\n'); end >= 0 {
		sc.pos += end
	} else {
		sc.pos = len(sc.src)
	}
	return true
}

// quoted skips a string in quote q, escapes included.
func (sc *nestScanner) quoted(q byte) bool {
	for sc.pos++; sc.pos < len(sc.src); sc.pos++ {
		switch sc.src[sc.pos] {
		case q:
			sc.pos++
			return true
		case '\\':
			sc.pos++
			if sc.pos < len(sc.src) && sc.src[sc.pos] == '\n' {
				sc.line++
			}
		case '\n':
			return false
		}
	}
	return false
}

// long skips a long string or comment whose bracket has n equals signs.
func (sc *nestScanner) long(n int) bool {
	closing := "]" + strings.Repeat("=", n) + "]"
	body := sc.pos + n + 2
	end := strings.Index(sc.src[body:], closing)
	if end < 0 {
		return false
	}
	sc.line += strings.Count(sc.src[sc.pos:body+end], "\n")
	sc.pos = body + end + len(closing)
	return true
}

// longBracket is the level (number of '=') of the long bracket opening
// text, or -1 when text does not start with one.
func longBracket(text string) int {
	if text == "" || text[0] != '[' {
		return -1
	}
	n := 1
	for n < len(text) && text[n] == '=' {
		n++
	}
	if n < len(text) && text[n] == '[' {
		return n - 1
	}
	return -1
}
