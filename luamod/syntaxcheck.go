package luamod

import (
	"strconv"
	"strings"
)

// syntaxChecker recognizes Lua 5.1's grammar, building nothing, by
// running syntaxListing (syntaxgrammar.go) over the lexer's tokens: a
// recursive descent whose calls and returns are the program's, on a
// stack of its own. It stops at the first error, with Lua 5.1.5's
// message for it.
type syntaxChecker struct {
	lx     syntaxLexer
	calls  []int // return places of the rules being read
	data   []int // lines of opening tokens, priority limits, enclosing functions' state
	depth  int   // syntax levels entered, as Lua 5.1 counts them
	vararg bool  // whether the function being read takes "..."
	loops  int   // loops around the statement being read, in its function
	last   bool  // whether the statement read must be its block's last
	kind   int   // what the last suffixed expression read was
}

// What a suffixed expression turned out to be: a call stands alone as a
// statement, a variable can be assigned to, anything else neither.
const (
	exprOther = iota
	exprVariable
	exprCall
)

// syntaxBaseLevel is the level Lua 5.1 starts a script file's parse at:
// the call of the main program counts as one.
const syntaxBaseLevel = 1

// unaryPriority binds not, - and # tighter than all but ^.
const unaryPriority = 8

// checkSyntax returns the first syntax error of src, a chunk shown as
// chunk, as Lua 5.1.5 words it ("chunk:line: message near 'token'"), or
// "" when it finds none. It takes time linear in len(src), and its stacks
// hold at most a few entries per syntax level, of which there are at most
// maxSyntaxLevels.
func checkSyntax(src, chunk string) (msg string) {
	c := &syntaxChecker{lx: syntaxLexer{src: src, chunk: chunk, line: 1, ahead: tkEOS}, depth: syntaxBaseLevel, vararg: true}
	defer func() {
		if r := recover(); r != nil {
			fail, ok := r.(syntaxFail)
			if !ok {
				panic(r)
			}
			msg = string(fail)
		}
	}()
	c.lx.next()
	c.run()
	return ""
}

// run runs syntaxListing: the operations that move in the program here,
// the others in effect.
func (c *syntaxChecker) run() {
	for pc := 0; ; {
		op, a, b := decode(pc)
		pc += 1 + int(opOperands[op])
		tok := c.lx.tok
		switch op {
		case opNext:
			c.lx.next()
		case opWant:
			c.closing(a, 0, c.lx.line)
		case opJump:
			pc = a
		case opCall:
			c.calls = pushInt(c.calls, pc)
			pc = a
		case opRet:
			c.calls, pc = popInt(c.calls)
		case opCase, opTest, opSet, opIfKind:
			hit := a == tok
			if op == opSet {
				hit = inSyntaxSet(a, tok)
			} else if op == opIfKind {
				hit = a == c.kind
			}
			if hit {
				if op == opTest {
					c.lx.next()
				}
				pc = b
			}
		case opIfLast:
			if c.last {
				c.last, pc = false, a
			}
		case opBinary:
			pc = c.binary(pc, a)
		case opField:
			if tok == tkName {
				if c.lx.lookAhead(); c.lx.ahead == '=' {
					c.lx.next()
					pc = a
				}
			}
		case opHalt:
			return
		default:
			c.effect(op, a, b)
		}
	}
}

// decode reads the operation at pc in syntaxListing and its operands,
// a label as the place it marks.
func decode(pc int) (op, a, b int) {
	prog := syntaxListing
	op = int(prog[pc])
	n := int(opOperands[op])
	if n > 0 {
		a = int(prog[pc+1])
	}
	if n > 1 {
		b = int(prog[pc+2])
	}
	if opJump <= op && op <= opField && op != opRet { // the last operand is a label
		if n == 1 {
			a = int(syntaxLabels[a])
		} else {
			b = int(syntaxLabels[b])
		}
	}
	return op, a, b
}

// binary moves past a binary operator that binds tighter than the limit
// on top of the data stack, pushing its right priority for the operand
// that follows, and returns pc; otherwise it returns end.
func (c *syntaxChecker) binary(pc, end int) int {
	left, right := binaryPriority(c.lx.tok)
	if left <= c.data[len(c.data)-1] {
		return end
	}
	c.lx.next()
	c.data = pushInt(c.data, right)
	return pc
}

// effect runs an operation that does not move in the program.
func (c *syntaxChecker) effect(op, a, b int) {
	switch op {
	case opErr:
		c.syntaxError(syntaxMessages[a])
	case opLine, opPush, opFunc:
		if op == opLine {
			a = c.lx.line
		}
		if op == opFunc {
			a = c.loops
			c.data = pushInt(c.data, boolInt(c.vararg))
			c.vararg, c.loops = false, 0
		}
		c.data = pushInt(c.data, a)
	case opPop, opClose, opFuncEnd:
		var top, vararg int
		c.data, top = popInt(c.data)
		if op == opClose {
			c.closing(a, b, top)
		}
		if op == opFuncEnd {
			c.data, vararg = popInt(c.data)
			c.loops, c.vararg = top, vararg == 1
		}
	default:
		c.check(op, a)
	}
}

// check runs an operation that counts or checks.
func (c *syntaxChecker) check(op, a int) {
	fails := false
	switch op {
	case opEnter:
		if c.depth++; c.depth > maxSyntaxLevels {
			c.lx.fail(errSyntaxLevels, 0)
		}
	case opLeave:
		c.depth--
	case opLoopIn:
		c.loops++
	case opLoopOut:
		c.loops--
	case opVararg:
		c.vararg = true
	case opLast:
		c.last = true
	case opKind:
		c.kind = a
	case opDots:
		fails = !c.vararg
	case opBreak:
		fails = c.loops == 0
	case opNeedVar:
		fails = c.kind != exprVariable
	case opAmbiguous:
		fails = c.data[len(c.data)-1] != c.lx.lastLine
	}
	if fails {
		c.syntaxError(syntaxMessages[4+op-opDots])
	}
}

// pushInt is append, not inlined (see syntaxlex.go).
//
//go:noinline
func pushInt(stack []int, v int) []int {
	return append(stack, v)
}

// popInt drops the top of stack and returns it.
func popInt(stack []int) ([]int, int) {
	return stack[:len(stack)-1], stack[len(stack)-1]
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// syntaxError raises msg at the current token.
func (c *syntaxChecker) syntaxError(msg string) {
	c.lx.fail(msg, c.lx.tok)
}

// closing requires tok and moves past it. tok closes opener of the
// given line, which Lua 5.1 names when it is on another line than the
// current token (opWant gives the current line).
func (c *syntaxChecker) closing(tok, opener, line int) {
	if c.lx.tok == tok {
		c.lx.next()
		return
	}
	msg := "'" + tokenText(tok) + "' expected"
	if line != c.lx.line {
		msg += " (to close '" + tokenText(opener) + "' at line " + strconv.Itoa(line) + ")"
	}
	c.syntaxError(msg)
}

// inSyntaxSet reports whether tok is in the token set set.
func inSyntaxSet(set, tok int) bool {
	switch set {
	case setBlockEnd:
		return tok == tkElse || tok == tkElseif || tok == tkEnd || tok == tkUntil || tok == tkEOS
	case setConstant:
		return tok == tkNumber || tok == tkString || tok == tkNil || tok == tkTrue || tok == tkFalse
	}
	return tok == tkNot || tok == '-' || tok == '#'
}

// binaryPriority is each binary operator's left and right priority in
// Lua 5.1: or 1, and 2, comparisons 3, .. 5, + and - 6, *, / and % 7,
// ^ 10; the right one is lower for the right-associative .. and ^.
func binaryPriority(tok int) (left, right int) {
	switch {
	case tok < tkAnd:
		if i := strings.IndexByte("<>+-*/%^", byte(tok)); i >= 0 {
			left = int("\x03\x03\x06\x06\x07\x07\x07\x0a"[i])
		}
	case tok <= tkNe:
		left = int("\x02\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x05\x00\x03\x03\x03\x03"[tok-tkAnd])
	}
	if tok == '^' || tok == tkConcat {
		return left, left - 1
	}
	return left, left
}
