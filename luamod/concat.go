package luamod

import (
	"strings"

	lua "github.com/yuin/gopher-lua"
	"github.com/yuin/gopher-lua/ast"
)

// The .. operator is the one allocation a script can double at every VM
// instruction (s = s .. s reaches 64 GB in 36 instructions, long before
// any check between instructions sees the heap). gopher-lua offers no
// hook in its CONCAT instruction, so the engine rewrites each chain of ..
// in a chunk's syntax tree into a call of concatL, which reserves the
// result's size first. The function reaches the chunk as a local of an
// enclosing function whose name no script can write.

// concatName is the local that holds concatL in every chunk.
const concatName = "(concat)"

// maxConcatArgs bounds the operands of one call of concatL: a longer
// chain is split, its right part concatenated first, as Lua does.
const maxConcatArgs = 50

// astGuard walks a chunk's syntax tree: it bounds its depth, which
// gopher-lua's compiler recurses over, and rewrites concatenations.
type astGuard struct {
	depth int
	line  int // of the node being walked, for the error
}

// maxASTDepth bounds the syntax tree's depth. Nesting is bounded by
// checkNesting; this catches long left-associative chains (a+b+c+...,
// a.b.c..., f()()()), each of which nests the tree one level deeper.
const maxASTDepth = 4 * maxSyntaxLevels

// errTooDeep is raised (panicked) by the walk when maxASTDepth is passed.
type errTooDeep struct{ line int }

func (g *astGuard) enter(n ast.PositionHolder) {
	g.depth++
	if n.Line() > 0 {
		g.line = n.Line()
	}
	if g.depth > maxASTDepth {
		panic(errTooDeep{g.line})
	}
}

func (g *astGuard) stmts(list []ast.Stmt) {
	for i, st := range list {
		list[i] = g.stmt(st)
	}
}

func (g *astGuard) exprs(list []ast.Expr) {
	for i, e := range list {
		list[i] = g.expr(e)
	}
}

// stmt walks st and returns it, or the statements that replace it.
func (g *astGuard) stmt(st ast.Stmt) ast.Stmt {
	g.enter(st)
	defer func() { g.depth-- }()
	switch st := st.(type) {
	case *ast.AssignStmt:
		g.exprs(st.Lhs)
		g.exprs(st.Rhs)
		if needsRewrite(st) {
			return multiAssign(st)
		}
	case *ast.LocalAssignStmt:
		g.exprs(st.Exprs)
	case *ast.FuncCallStmt:
		st.Expr = g.expr(st.Expr)
	case *ast.DoBlockStmt:
		g.stmts(st.Stmts)
	case *ast.WhileStmt:
		st.Condition = g.expr(st.Condition)
		g.stmts(st.Stmts)
	case *ast.RepeatStmt:
		g.stmts(st.Stmts)
		st.Condition = g.expr(st.Condition)
	case *ast.IfStmt:
		st.Condition = g.expr(st.Condition)
		g.stmts(st.Then)
		g.stmts(st.Else)
	case *ast.NumberForStmt:
		st.Init, st.Limit, st.Step = g.expr(st.Init), g.expr(st.Limit), g.expr(st.Step)
		g.stmts(st.Stmts)
	case *ast.GenericForStmt:
		g.exprs(st.Exprs)
		st.Exprs = forInExprs(st.Exprs, st.Line())
		g.stmts(st.Stmts)
	case *ast.FuncDefStmt:
		// function a.b() has a Func and no Receiver; function a:b(), the
		// other way round.
		st.Name.Func, st.Name.Receiver = g.expr(st.Name.Func), g.expr(st.Name.Receiver)
		g.expr(st.Func)
	case *ast.ReturnStmt:
		g.exprs(st.Exprs)
	}
	return st
}

// expr walks e and returns it, or the call that replaces it. A nil e,
// an optional part the source left out, stays nil.
func (g *astGuard) expr(e ast.Expr) ast.Expr {
	if e == nil {
		return nil
	}
	g.enter(e)
	defer func() { g.depth-- }()
	switch e := e.(type) {
	case *ast.NumberExpr:
		e.Value = numberLiteral(e.Value)
	case *ast.AttrGetExpr:
		e.Object, e.Key = g.expr(e.Object), g.expr(e.Key)
	case *ast.TableExpr:
		for _, f := range e.Fields {
			f.Key, f.Value = g.expr(f.Key), g.expr(f.Value)
		}
	case *ast.FuncCallExpr:
		e.Func, e.Receiver = g.expr(e.Func), g.expr(e.Receiver)
		g.exprs(e.Args)
	case *ast.LogicalOpExpr:
		e.Lhs, e.Rhs = g.expr(e.Lhs), g.expr(e.Rhs)
	case *ast.RelationalOpExpr:
		e.Lhs, e.Rhs = g.expr(e.Lhs), g.expr(e.Rhs)
	case *ast.ArithmeticOpExpr:
		e.Lhs, e.Rhs = g.expr(e.Lhs), g.expr(e.Rhs)
	case *ast.UnaryMinusOpExpr:
		e.Expr = g.expr(e.Expr)
	case *ast.UnaryNotOpExpr:
		e.Expr = g.expr(e.Expr)
	case *ast.UnaryLenOpExpr:
		e.Expr = g.expr(e.Expr)
	case *ast.FunctionExpr:
		g.stmts(e.Stmts)
	case *ast.StringConcatOpExpr:
		return g.concat(e)
	}
	return e
}

// concat rewrites the chain a .. b .. c (right-nested in the tree) into
// (concat)(a, b, c), its operands walked too.
func (g *astGuard) concat(e *ast.StringConcatOpExpr) ast.Expr {
	var operands []ast.Expr
	var cur ast.Expr = e
	for {
		c, ok := cur.(*ast.StringConcatOpExpr)
		if !ok {
			break
		}
		operands = append(operands, g.expr(c.Lhs))
		cur = c.Rhs
	}
	operands = append(operands, g.expr(cur))
	for _, op := range operands {
		single(op)
	}
	return concatCall(operands, e.Line())
}

// single makes a call or ... give exactly one value, as an operand of an
// operator does; as the last argument of a call it would give them all.
func single(e ast.Expr) {
	switch e := e.(type) {
	case *ast.FuncCallExpr:
		e.AdjustRet = true
	case *ast.Comma3Expr:
		e.AdjustRet = true
	}
}

// concatCall is the call that concatenates operands, split so that no
// call has more than maxConcatArgs of them.
func concatCall(operands []ast.Expr, line int) ast.Expr {
	if len(operands) > maxConcatArgs {
		rest := concatCall(operands[maxConcatArgs-1:], line)
		operands = append(operands[:maxConcatArgs-1:maxConcatArgs-1], rest)
	}
	return atLine(&ast.FuncCallExpr{Func: identAt(concatName, line), Args: operands, AdjustRet: true}, line)
}

// concatL is the .. operator (see astGuard.concat): the operands are on
// the stack. Strings and numbers are joined after their size is reserved;
// other operands go through __concat from the right, as the VM does.
func (s *sched) concatL(L *lua.LState) int {
	n := L.GetTop()
	size := 0
	for i := 1; i <= n; i++ {
		switch v := L.Get(i).(type) {
		case lua.LString:
			size += len(v)
		case lua.LNumber:
			size += 24
		default:
			L.Push(s.concatMeta(L, n))
			return 1
		}
	}
	s.reserveString(L, int64(size))
	var b strings.Builder
	b.Grow(size)
	for i := 1; i <= n; i++ {
		s.writeChecked(L, &b, stringOf(L.Get(i)))
	}
	L.Push(lua.LString(b.String()))
	return 1
}

// concatMeta concatenates the n operands on the stack from the right:
// runs of strings and numbers are joined, any other pair goes through the
// __concat metamethod of its left operand, else of its right one.
func (s *sched) concatMeta(L *lua.LState, n int) lua.LValue {
	rhs := L.Get(n)
	for i := n - 1; i >= 1; i-- {
		lhs := L.Get(i)
		if isConcatOperand(lhs) && isConcatOperand(rhs) {
			left, right := stringOf(lhs), stringOf(rhs)
			s.reserveString(L, int64(len(left)+len(right)))
			var b strings.Builder
			b.Grow(len(left) + len(right))
			s.writeChecked(L, &b, left)
			s.writeChecked(L, &b, right)
			rhs = lua.LString(b.String())
			continue
		}
		mm := L.GetMetaField(lhs, "__concat")
		if mm == lua.LNil {
			mm = L.GetMetaField(rhs, "__concat")
		}
		if mm == lua.LNil {
			L.RaiseError("%s", concatError(L, i, n, lhs, rhs))
		}
		L.Push(mm)
		L.Push(lhs)
		L.Push(rhs)
		L.Call(2, 1)
		rhs = L.Get(-1)
		L.Pop(1)
	}
	return rhs
}

// concatError is Lua 5.1's message for operand i and what is joined to
// its right when they neither join nor have __concat: the left one is
// blamed unless it is a string or a number. The right one is named only
// while it is still operand i+1, not what was joined from it.
func concatError(L *lua.LState, i, n int, lhs, rhs lua.LValue) string {
	if !isConcatOperand(lhs) {
		return operandMessage(L, "concatenate", i, lhs.Type().String())
	}
	k := 0
	if i == n-1 {
		k = n
	}
	return operandMessage(L, "concatenate", k, rhs.Type().String())
}

func isConcatOperand(v lua.LValue) bool {
	return v.Type() == lua.LTString || v.Type() == lua.LTNumber
}

// hideConcat drops concatL's frame from a traceback: in Lua the .. that
// failed is an instruction of the function below it, not a call.
func hideConcat(traceback string) string {
	return strings.ReplaceAll(traceback, "\n\t[G]: in function "+concatName, "")
}
