package luamod

// Lua 5.1's grammar (the reference manual's §8) as a program for the
// syntax checker's machine (syntaxcheck.go), in the order Lua 5.1's
// parser reads it, so that the first error and the token it is found at
// are Lua 5.1's. A program instead of a function per rule: each Go call
// costs the page's wasm tens of bytes, and the checker is code that a
// script without syntax errors never runs.

// The machine's operations. a and b are the operands, L a label; the
// data stack holds lines of opening tokens, priority limits and the
// enclosing function's state.
const (
	opLabel     = iota // L: marks the place of label L; does nothing
	opNext             // move to the next token
	opWant             // a: require token a and move past it
	opJump             // L
	opCall             // L: call the rule at L
	opRet              // return from the rule
	opCase             // a L: jump to L if the token is a
	opTest             // a L: if the token is a, move past it and jump to L
	opSet              // a L: jump to L if the token is in set a
	opIfLast           // L: jump to L if the last statement ended its block
	opIfKind           // a L: jump to L if the suffixed expression was of kind a
	opBinary           // L: move past a binary operator that binds tighter than the limit on top, pushing its right priority; else jump to L
	opField            // L: if a name is followed by '=', move past the name and jump to L
	opHalt             // the chunk is read
	opErr              // a: raise syntaxMessages[a]
	opLine             // push the current line
	opPop              // drop the top of the data stack
	opClose            // a b: require a, closing b opened on the line on top (popped)
	opPush             // a: push a
	opEnter            // count a syntax level
	opLeave            // uncount one
	opLoopIn           // enter a loop's body
	opLoopOut          // leave it
	opFunc             // enter a function's body: push the enclosing one's state
	opFuncEnd          // leave it: pop that state
	opVararg           // the function takes "..."
	opLast             // this statement must be its block's last
	opKind             // a: the suffixed expression is of kind a
	opDots             // "..." must be in a function that takes it
	opBreak            // break must be in a loop
	opNeedVar          // the suffixed expression must be a variable
	opAmbiguous        // a call's '(' must be on the line its callee ends on
	opCount
)

// opOperands is how many operands each operation takes; for the
// operations from opJump to opField but opRet the last is a label.
var opOperands = [opCount]int8{opLabel: 1, opWant: 1, opJump: 1, opCall: 1, opCase: 2, opTest: 2, opSet: 2,
	opIfLast: 1, opIfKind: 2, opBinary: 1, opField: 1, opErr: 1, opClose: 2, opPush: 1, opKind: 1}

// Token sets for opSet.
const (
	setBlockEnd = iota // what ends a block
	setConstant        // the constants of simpleexp
	setUnary           // the unary operators
)

// syntaxMessages are the errors opErr raises, then those of the checks
// from opDots on, in their order.
var syntaxMessages = []string{"'=' or 'in' expected", "<name> or '...' expected", "unexpected symbol", "function arguments expected",
	"cannot use '...' outside a vararg function", "no loop to break", "syntax error", "ambiguous syntax (function call x new statement)"}

// The grammar's labels.
const (
	lChunk = iota
	lChunkLoop
	lChunkNext
	lChunkEnd
	lStatement
	lIf
	lIfCond
	lIfElse
	lIfEnd
	lWhile
	lDo
	lFor
	lForNum
	lForStep
	lForList
	lForName
	lForBody
	lRepeat
	lLoopBody
	lFunction
	lFuncName
	lFuncField
	lFuncMethod
	lFuncBody
	lBody
	lParam
	lParamName
	lParamDots
	lParamsEnd
	lLocal
	lLocalName
	lLocalValues
	lLocalFunction
	lReturn
	lReturnEnd
	lBreak
	lExprStat
	lAssign
	lAssignMore
	lExprList
	lExpr
	lSubExpr
	lUnary
	lBinary
	lBinaryEnd
	lSimple
	lSimpleNext
	lSimpleDots
	lSimpleFunction
	lSuffixed
	lSuffixedName
	lSuffixedParen
	lSuffixes
	lSuffixField
	lSuffixIndex
	lSuffixMethod
	lSuffixCall
	lArgs
	lArgsString
	lArgsTable
	lArgsParen
	lArgsClose
	lTable
	lTableLoop
	lTableClose
	lField
	lFieldKey
	lFieldValue
	labelCount
)

// syntaxListing is the grammar. It starts with the chunk: a block, then
// the end of the source.
var syntaxListing = []int16{
	opCall, lChunk, opWant, tkEOS, opHalt,

	// block: {stat [';']} [laststat [';']]
	opLabel, lChunk, opEnter,
	opLabel, lChunkLoop, opSet, setBlockEnd, lChunkEnd, opCall, lStatement, opTest, ';', lChunkNext,
	opLabel, lChunkNext, opIfLast, lChunkEnd, opJump, lChunkLoop,
	opLabel, lChunkEnd, opLeave, opRet,

	opLabel, lStatement, opLine,
	opCase, tkIf, lIf, opCase, tkWhile, lWhile, opCase, tkDo, lDo, opCase, tkFor, lFor,
	opCase, tkRepeat, lRepeat, opCase, tkFunction, lFunction, opCase, tkLocal, lLocal,
	opCase, tkReturn, lReturn, opCase, tkBreak, lBreak, opPop, opJump, lExprStat,

	opLabel, lIf, opNext,
	opLabel, lIfCond, opCall, lExpr, opWant, tkThen, opCall, lChunk, opTest, tkElseif, lIfCond, opTest, tkElse, lIfElse, opJump, lIfEnd,
	opLabel, lIfElse, opCall, lChunk,
	opLabel, lIfEnd, opClose, tkEnd, tkIf, opRet,

	opLabel, lWhile, opNext, opCall, lExpr, opWant, tkDo, opCall, lLoopBody, opClose, tkEnd, tkWhile, opRet,
	opLabel, lDo, opNext, opCall, lChunk, opClose, tkEnd, tkDo, opRet,
	opLabel, lRepeat, opNext, opCall, lLoopBody, opClose, tkUntil, tkRepeat, opJump, lExpr,
	opLabel, lLoopBody, opLoopIn, opCall, lChunk, opLoopOut, opRet,

	opLabel, lFor, opNext, opWant, tkName, opTest, '=', lForNum, opCase, ',', lForList, opCase, tkIn, lForList, opErr, 0,
	opLabel, lForNum, opCall, lExpr, opWant, ',', opCall, lExpr, opTest, ',', lForStep, opJump, lForBody,
	opLabel, lForStep, opCall, lExpr, opJump, lForBody,
	opLabel, lForList, opTest, ',', lForName, opWant, tkIn, opCall, lExprList, opJump, lForBody,
	opLabel, lForName, opWant, tkName, opJump, lForList,
	opLabel, lForBody, opWant, tkDo, opCall, lLoopBody, opClose, tkEnd, tkFor, opRet,

	// function funcname body, the statement's line on the data stack
	opLabel, lFunction, opNext, opWant, tkName,
	opLabel, lFuncName, opTest, '.', lFuncField, opTest, ':', lFuncMethod, opJump, lFuncBody,
	opLabel, lFuncField, opWant, tkName, opJump, lFuncName,
	opLabel, lFuncMethod, opWant, tkName,
	opLabel, lFuncBody, opJump, lBody,

	// body: '(' [parlist] ')' block end, its opening line on the data stack
	opLabel, lBody, opWant, '(', opFunc, opCase, ')', lParamsEnd,
	opLabel, lParam, opCase, tkName, lParamName, opCase, tkDots, lParamDots, opErr, 1,
	opLabel, lParamName, opNext, opTest, ',', lParam, opJump, lParamsEnd,
	opLabel, lParamDots, opNext, opVararg,
	opLabel, lParamsEnd, opWant, ')', opCall, lChunk, opFuncEnd, opClose, tkEnd, tkFunction, opRet,

	opLabel, lLocal, opPop, opNext, opTest, tkFunction, lLocalFunction,
	opLabel, lLocalName, opWant, tkName, opTest, ',', lLocalName, opTest, '=', lLocalValues, opRet,
	opLabel, lLocalValues, opJump, lExprList,
	opLabel, lLocalFunction, opWant, tkName, opLine, opJump, lBody,

	opLabel, lReturn, opPop, opNext, opLast, opSet, setBlockEnd, lReturnEnd, opCase, ';', lReturnEnd, opJump, lExprList,
	opLabel, lReturnEnd, opRet,
	opLabel, lBreak, opPop, opNext, opLast, opBreak, opRet,

	// a call, or varlist '=' explist
	opLabel, lExprStat, opCall, lSuffixed, opIfKind, exprCall, lReturnEnd,
	opLabel, lAssign, opNeedVar, opTest, ',', lAssignMore, opWant, '=', opJump, lExprList,
	opLabel, lAssignMore, opCall, lSuffixed, opJump, lAssign,

	opLabel, lExprList, opCall, lExpr, opTest, ',', lExprList, opRet,

	// subexpr with its priority limit on the data stack, which it pops
	opLabel, lExpr, opPush, 0,
	opLabel, lSubExpr, opEnter, opSet, setUnary, lUnary, opCall, lSimple, opJump, lBinary,
	opLabel, lUnary, opNext, opPush, unaryPriority, opCall, lSubExpr,
	opLabel, lBinary, opBinary, lBinaryEnd, opCall, lSubExpr, opJump, lBinary,
	opLabel, lBinaryEnd, opLeave, opPop, opRet,

	opLabel, lSimple, opSet, setConstant, lSimpleNext, opCase, tkDots, lSimpleDots, opCase, '{', lTable,
	opTest, tkFunction, lSimpleFunction, opJump, lSuffixed,
	opLabel, lSimpleDots, opDots,
	opLabel, lSimpleNext, opNext, opRet,
	opLabel, lSimpleFunction, opLine, opJump, lBody,

	// prefixexp and its fields, indexes and calls; the kind it ends with
	opLabel, lSuffixed, opCase, tkName, lSuffixedName, opCase, '(', lSuffixedParen, opErr, 2,
	opLabel, lSuffixedName, opNext, opKind, exprVariable, opJump, lSuffixes,
	opLabel, lSuffixedParen, opLine, opNext, opCall, lExpr, opClose, ')', '(', opKind, exprOther,
	opLabel, lSuffixes, opTest, '.', lSuffixField, opTest, '[', lSuffixIndex, opTest, ':', lSuffixMethod,
	opCase, '(', lSuffixCall, opCase, tkString, lSuffixCall, opCase, '{', lSuffixCall, opRet,
	opLabel, lSuffixField, opWant, tkName, opKind, exprVariable, opJump, lSuffixes,
	opLabel, lSuffixIndex, opCall, lExpr, opWant, ']', opKind, exprVariable, opJump, lSuffixes,
	opLabel, lSuffixMethod, opWant, tkName,
	opLabel, lSuffixCall, opCall, lArgs, opKind, exprCall, opJump, lSuffixes,

	// funcargs, the line of their first token on the data stack
	opLabel, lArgs, opLine, opCase, tkString, lArgsString, opCase, '{', lArgsTable, opCase, '(', lArgsParen, opErr, 3,
	opLabel, lArgsString, opPop, opNext, opRet,
	opLabel, lArgsTable, opPop, opJump, lTable,
	opLabel, lArgsParen, opAmbiguous, opNext, opCase, ')', lArgsClose, opCall, lExprList,
	opLabel, lArgsClose, opClose, ')', '(', opRet,

	opLabel, lTable, opLine, opWant, '{',
	opLabel, lTableLoop, opCase, '}', lTableClose, opCall, lField, opTest, ',', lTableLoop, opTest, ';', lTableLoop,
	opLabel, lTableClose, opClose, '}', '{', opRet,
	opLabel, lField, opField, lFieldValue, opTest, '[', lFieldKey, opJump, lExpr,
	opLabel, lFieldKey, opCall, lExpr, opWant, ']',
	opLabel, lFieldValue, opWant, '=', opJump, lExpr,
}

// syntaxLabels are the places in syntaxListing of its labels' marks.
var syntaxLabels = labelPlaces(syntaxListing)

func labelPlaces(listing []int16) (at [labelCount]int16) {
	for i := 0; i < len(listing); i += 1 + int(opOperands[listing[i]]) {
		if listing[i] == opLabel {
			at[listing[i+1]] = int16(i)
		}
	}
	return at
}
