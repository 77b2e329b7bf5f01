package luamod

import "strings"

// The syntax checker's lexer, continued: comments, strings and numerals,
// with Lua 5.1's errors for each.

// comment skips a comment, the "--" read: a long bracket's, or to the end
// of the line.
func (lx *syntaxLexer) comment() {
	if lx.cur() == '[' {
		level := lx.separator()
		lx.text = lx.text[:0]
		if level >= 0 {
			lx.long(level, false)
			lx.text = lx.text[:0]
			return
		}
	}
	if end := strings.IndexAny(lx.src[lx.pos:], "\n\r"); end >= 0 {
		lx.pos += end
	} else {
		lx.pos = len(lx.src)
	}
}

// bracket reads '[' or a long string.
func (lx *syntaxLexer) bracket() int {
	level := lx.separator()
	switch {
	case level >= 0:
		lx.long(level, true)
		return tkString
	case level == -1:
		return '['
	}
	lx.fail("invalid long string delimiter", tkString)
	return 0
}

// separator reads a long bracket's '[' or ']' and its '=' signs, and
// returns their count when the same bracket follows; when it does not,
// -1 less the count.
//
//go:noinline
func (lx *syntaxLexer) separator() int {
	c := lx.cur()
	lx.save(c)
	n := 0
	for lx.cur() == '=' {
		lx.save('=')
		n++
	}
	if lx.cur() == c {
		return n
	}
	return -n - 1
}

// long reads a long string or comment of the given level, its opening
// bracket but the last '[' read. A newline right after that bracket is
// not part of it, and every line break is kept as "\n".
func (lx *syntaxLexer) long(level int, isString bool) {
	lx.save('[')
	if c := lx.cur(); c == '\n' || c == '\r' {
		lx.newline()
	}
	for {
		switch c := lx.cur(); c {
		case -1:
			if isString {
				lx.fail("unfinished long string", tkEOS)
			}
			lx.fail("unfinished long comment", tkEOS)
		case '[':
			if lx.separator() == level {
				lx.save('[')
				if level == 0 {
					lx.fail("nesting of [[...]] is deprecated", '[')
				}
			}
		case ']':
			if lx.separator() == level {
				lx.save(']')
				return
			}
		case '\n', '\r':
			lx.add('\n')
			lx.newline()
		default:
			lx.save(c)
		}
	}
}

// quoted reads a string in quote q, decoding its escapes into text.
func (lx *syntaxLexer) quoted(q int) {
	lx.save(q)
	for lx.cur() != q {
		switch c := lx.cur(); c {
		case -1:
			lx.fail("unfinished string", tkEOS)
		case '\n', '\r':
			lx.fail("unfinished string", tkString)
		case '\\':
			lx.pos++
			lx.escape()
		default:
			lx.save(c)
		}
	}
	lx.save(q)
}

// escape reads what follows a backslash in a string.
func (lx *syntaxLexer) escape() {
	switch c := lx.cur(); {
	case c == '\n' || c == '\r':
		lx.add('\n')
		lx.newline()
	case isDigit(c):
		n := 0
		for i := 0; i < 3 && isDigit(lx.cur()); i++ {
			n = n*10 + lx.cur() - '0'
			lx.pos++
		}
		if n > 255 {
			lx.fail("escape sequence too large", tkString)
		}
		lx.add(n)
	case c >= 0: // at the end, the string's loop reports it unfinished
		if i := strings.IndexByte("abfnrtv", byte(c)); i >= 0 {
			c = int("\a\b\f\n\r\t\v"[i])
		}
		lx.save(c)
	}
}

// numeral reads a numeral as Lua 5.1 does: digits and dots, an exponent's
// sign, then any letters, digits and underscores; what C's strtod cannot
// convert whole (as parseNumber reads it) is a malformed number.
func (lx *syntaxLexer) numeral() {
	for isDigit(lx.cur()) || lx.cur() == '.' {
		lx.save(lx.cur())
	}
	if lx.takes('e') || lx.takes('E') {
		_ = lx.takes('+') || lx.takes('-')
	}
	for lx.pos < len(lx.src) && isNameByte(lx.src[lx.pos]) {
		lx.save(lx.cur())
	}
	text := string(lx.text)
	if end := strings.IndexByte(text, 0); end >= 0 {
		text = text[:end] // as C reads it
	}
	if _, ok := parseNumber(text); !ok {
		lx.fail("malformed number", tkNumber)
	}
}
