package luamod

import "github.com/yuin/gopher-lua/ast"

// gopher-lua loads a generic for's hidden generator, state and control
// from its expressions as if there were as many as the loop's variables.
// With fewer than three expressions, the last of them not a call, and
// fewer than three variables (for k in iter do, for k, v in next, t do),
// it left the state or the control in whatever a register held before,
// so next started after a stale key (yuin/gopher-lua#514, open). The walk
// writes the nils Lua 5.1 gives them.

// forInExprs returns exprs completed to three values.
func forInExprs(exprs []ast.Expr, line int) []ast.Expr {
	if len(exprs) == 0 || isMultiValue(exprs[len(exprs)-1]) {
		return exprs
	}
	for len(exprs) < 3 {
		exprs = append(exprs, atLine(&ast.NilExpr{}, line))
	}
	return exprs
}

// isMultiValue tells an expression that gives all its values when it
// ends a list: a call or ... not in parentheses.
func isMultiValue(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.FuncCallExpr:
		return !e.AdjustRet
	case *ast.Comma3Expr:
		return !e.AdjustRet
	}
	return false
}
