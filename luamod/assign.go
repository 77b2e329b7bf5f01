package luamod

import (
	"strconv"

	"github.com/yuin/gopher-lua/ast"
)

// gopher-lua compiles a multiple assignment one target at a time, so an
// expression to the right can read a local that a target to its left has
// already changed: x, y = y, x leaves both at y, and a, b = a + 1, a + b
// sees the new a (yuin/gopher-lua#440, open). Lua 5.1 evaluates every
// expression first, the targets' tables and keys included, then assigns
// from the right. The walk rewrites each assignment of two or more
// targets to do just that:
//
//	t[k], x = e1, e2
//
// becomes
//
//	do
//	  local (1), (2), (3), (4) = t, k, e1, e2
//	  x = (4)
//	  (1)[(2)] = (3)
//	end
//
// The hidden locals are named in parentheses, which no script can write,
// and a local statement adjusts e1, e2, ... to the targets as an
// assignment does: the last expression fills what is missing, extra ones
// are evaluated and dropped.
//
// The values then take a register each, as in Lua 5.1, where gopher-lua
// wrote straight into the targets; its limit is 200 registers a
// function. So an assignment it gets right as it is, the long lists of
// constants that generated code writes among them, is left alone.

// needsRewrite tells an assignment gopher-lua could get wrong: one to a
// field of a constant, or one of two or more targets that names a target
// twice, or whose values read a target or run code (a call or an
// operator's metamethod could read one).
func needsRewrite(st *ast.AssignStmt) bool {
	for _, lhs := range st.Lhs {
		if get, ok := lhs.(*ast.AttrGetExpr); ok && mayBeConstant(get.Object) {
			return true
		}
	}
	if len(st.Lhs) < 2 {
		return false
	}
	names := map[string]bool{}
	for _, lhs := range st.Lhs {
		if id, ok := lhs.(*ast.IdentExpr); ok {
			if names[id.Value] {
				return true
			}
			names[id.Value] = true
		}
	}
	for _, e := range st.Rhs {
		switch e := e.(type) {
		case *ast.NilExpr, *ast.TrueExpr, *ast.FalseExpr, *ast.NumberExpr, *ast.StringExpr, *ast.Comma3Expr:
		case *ast.IdentExpr:
			if names[e.Value] {
				return true
			}
		default:
			return true
		}
	}
	return false
}

// multiAssign returns st rewritten as above; st's own expressions have
// been walked already.
func multiAssign(st *ast.AssignStmt) ast.Stmt {
	line := st.Line()
	local := &ast.LocalAssignStmt{}
	hidden := func() ast.Expr {
		local.Names = append(local.Names, "("+strconv.Itoa(len(local.Names)+1)+")")
		return identAt(local.Names[len(local.Names)-1], line)
	}
	hide := func(e ast.Expr) ast.Expr {
		local.Exprs = append(local.Exprs, e)
		return hidden()
	}
	targets := make([]ast.Expr, len(st.Lhs))
	for i, lhs := range st.Lhs {
		targets[i] = lhs
		if get, ok := lhs.(*ast.AttrGetExpr); ok {
			index := &ast.AttrGetExpr{Object: hide(get.Object), Key: get.Key}
			if !isConstant(get.Key) {
				index.Key = hide(get.Key)
			}
			targets[i] = atLine(index, line)
		}
	}
	values := make([]ast.Expr, len(st.Lhs))
	for i := range values {
		values[i] = hidden()
	}
	local.Exprs = append(local.Exprs, st.Rhs...)
	block := &ast.DoBlockStmt{Stmts: []ast.Stmt{atLine(local, line)}}
	for i := len(targets) - 1; i >= 0; i-- {
		set := &ast.AssignStmt{Lhs: []ast.Expr{targets[i]}, Rhs: []ast.Expr{values[i]}}
		block.Stmts = append(block.Stmts, atLine(set, line))
	}
	return atLine(block, line)
}

// mayBeConstant tells the table of a target that gopher-lua may compile
// to a constant: a number or a string, or an operation on them that it
// folds. Its SETTABLE then reads the constant's index as a register, so
// (5).x = 1 set a field of whatever table that register held instead of
// raising an error (yuin/gopher-lua#538, open). A table held in a local
// first is indexed as it should be.
func mayBeConstant(e ast.Expr) bool {
	switch e.(type) {
	case *ast.IdentExpr, *ast.AttrGetExpr, *ast.FuncCallExpr:
		return false
	}
	return true
}

// isConstant tells a key no assignment can change: a string or a number.
func isConstant(e ast.Expr) bool {
	switch e.(type) {
	case *ast.StringExpr, *ast.NumberExpr:
		return true
	}
	return false
}

// identAt is the name as an expression on line.
func identAt(name string, line int) *ast.IdentExpr {
	return atLine(&ast.IdentExpr{Value: name}, line)
}

// atLine places a node made by the walk on line, so that errors and
// tracebacks point where the script wrote it.
func atLine[N interface {
	SetLine(int)
	SetLastLine(int)
}](n N, line int) N {
	n.SetLine(line)
	n.SetLastLine(line)
	return n
}
