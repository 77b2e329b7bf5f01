package luamod

import "strconv"

// The syntax checker (syntaxcheck.go) finds a chunk's first syntax error
// as Lua 5.1.5 reports it, with its words, line and "near" token.
// gopher-lua's parser says little more than "syntax error"; this one is
// run only when gopher-lua's has failed, and builds nothing. Its lexer is
// this file and syntaxtext.go. The page's wasm compiles luamod with
// inlining, and copies of the helpers called from many places (marked
// go:noinline) made it kilobytes larger.

// Tokens: a byte stands for itself (a symbol, or a byte Lua 5.1 takes
// for one); the others follow.
const (
	tkAnd = 257 + iota
	tkBreak
	tkDo
	tkElse
	tkElseif
	tkEnd
	tkFalse
	tkFor
	tkFunction
	tkIf
	tkIn
	tkLocal
	tkNil
	tkNot
	tkOr
	tkRepeat
	tkReturn
	tkThen
	tkTrue
	tkUntil
	tkWhile
	tkConcat
	tkDots
	tkEq
	tkGe
	tkLe
	tkNe
	tkNumber
	tkName
	tkString
	tkEOS
)

// tokenNames are the tokens from tkAnd on as Lua 5.1 writes them.
var tokenNames = [...]string{
	"and", "break", "do", "else", "elseif", "end", "false", "for", "function",
	"if", "in", "local", "nil", "not", "or", "repeat", "return", "then",
	"true", "until", "while", "..", "...", "==", ">=", "<=", "~=",
	"<number>", "<name>", "<string>", "<eof>",
}

// syntaxFail is the message of the first syntax error, raised as a panic
// inside the checker and recovered by checkSyntax.
type syntaxFail string

// syntaxLexer reads a chunk's tokens as Lua 5.1's lexer does. text holds
// what Lua's lexer keeps of the last token read (a name, numeral, or a
// string with its quotes and escapes decoded): Lua shows it as the
// "near" part of an error at such a token.
type syntaxLexer struct {
	src, chunk string
	pos        int
	line       int // the line the lexer has reached
	lastLine   int // the line of the end of the token before tok
	tok, ahead int // the current token, and the one after it once looked at
	text       []byte
}

// cur is the byte at the lexer's position, or -1 at the end.
//
//go:noinline
func (lx *syntaxLexer) cur() int {
	if lx.pos < len(lx.src) {
		return int(lx.src[lx.pos])
	}
	return -1
}

// save keeps c in text and moves past the current byte.
//
//go:noinline
func (lx *syntaxLexer) save(c int) {
	lx.add(c)
	lx.pos++
}

// add keeps c in text.
//
//go:noinline
func (lx *syntaxLexer) add(c int) {
	lx.text = append(lx.text, byte(c))
}

// next moves to the next token.
//
//go:noinline
func (lx *syntaxLexer) next() {
	lx.lastLine = lx.line
	if lx.ahead != tkEOS {
		lx.tok, lx.ahead = lx.ahead, tkEOS
		return
	}
	lx.tok = lx.scan()
}

// lookAhead reads the token after the current one into ahead.
func (lx *syntaxLexer) lookAhead() {
	lx.ahead = lx.scan()
}

// fail raises msg at the lexer's line, near tok unless tok is 0 (as in
// Lua 5.1, where a NUL byte's token is 0 too).
//
//go:noinline
func (lx *syntaxLexer) fail(msg string, tok int) {
	text := lx.chunk + ":" + strconv.Itoa(lx.line) + ": " + msg
	if tok != 0 {
		text += " near '" + lx.near(tok) + "'"
	}
	panic(syntaxFail(text))
}

// near is how Lua 5.1 shows tok in an error: the text read for a name,
// numeral or string, up to a NUL byte as C's strings end there.
func (lx *syntaxLexer) near(tok int) string {
	if tok == tkName || tok == tkString || tok == tkNumber {
		text := lx.text
		for i, c := range text {
			if c == 0 {
				text = text[:i]
				break
			}
		}
		return string(text)
	}
	return tokenText(tok)
}

// tokenText is tok as Lua 5.1 names it in "'X' expected".
func tokenText(tok int) string {
	switch {
	case tok >= tkAnd:
		return tokenNames[tok-tkAnd]
	case tok < 32 || tok == 127:
		return "char(" + strconv.Itoa(tok) + ")"
	}
	return string([]byte{byte(tok)})
}

// takes moves past the current byte, keeping it in text, if it is c or
// a NUL byte: Lua 5.1 looks for the byte with C's strchr, which finds a
// NUL in any set (a NUL after a dot makes "..", after a numeral's digits
// is part of it).
//
//go:noinline
func (lx *syntaxLexer) takes(c int) bool {
	if cur := lx.cur(); cur == c || cur == 0 {
		lx.save(cur)
		return true
	}
	return false
}

// newline moves past a line break: "\n", "\r", "\r\n" or "\n\r".
//
//go:noinline
func (lx *syntaxLexer) newline() {
	c := lx.cur()
	lx.pos++
	if n := lx.cur(); (n == '\n' || n == '\r') && n != c {
		lx.pos++
	}
	lx.line++
}

// scan reads a token from the lexer's position.
func (lx *syntaxLexer) scan() int {
	lx.text = lx.text[:0]
	for {
		c := lx.cur()
		switch {
		case c < 0:
			return tkEOS
		case c == '\n' || c == '\r':
			lx.newline()
		case c == ' ' || c == '\t' || c == '\v' || c == '\f':
			lx.pos++
		case c == '-':
			if lx.pos++; lx.cur() != '-' {
				return '-'
			}
			lx.pos++
			lx.comment()
		case c == '[':
			return lx.bracket()
		case c == '=' || c == '<' || c == '>' || c == '~':
			return lx.comparison(c)
		case c == '"' || c == '\'':
			lx.quoted(c)
			return tkString
		case c == '.':
			return lx.dot()
		case isDigit(c):
			lx.numeral()
			return tkNumber
		case isAlpha(byte(c)) || c == '_':
			return lx.name()
		default:
			lx.pos++
			return c
		}
	}
}

// comparison reads '=', '<', '>' or '~', alone or before '='.
func (lx *syntaxLexer) comparison(c int) int {
	if lx.pos++; lx.cur() != '=' {
		return c
	}
	lx.pos++
	switch c {
	case '=':
		return tkEq
	case '<':
		return tkLe
	case '>':
		return tkGe
	}
	return tkNe
}

// dot reads '.', '..', '...' or a numeral that starts with '.'.
func (lx *syntaxLexer) dot() int {
	lx.save('.')
	switch {
	case lx.takes('.'):
		if lx.takes('.') {
			return tkDots
		}
		return tkConcat
	case isDigit(lx.cur()):
		lx.numeral()
		return tkNumber
	}
	return '.'
}

// name reads a name or keyword.
//
//go:noinline
func (lx *syntaxLexer) name() int {
	start := lx.pos
	for lx.pos < len(lx.src) && isNameByte(lx.src[lx.pos]) {
		lx.pos++
	}
	word := lx.src[start:lx.pos]
	lx.text = append(lx.text, word...)
	for tk := tkAnd; tk <= tkWhile; tk++ {
		if tokenNames[tk-tkAnd] == word {
			return tk
		}
	}
	return tkName
}

func isDigit(c int) bool { return '0' <= c && c <= '9' }
