package luamod

import (
	"strings"

	lua "github.com/yuin/gopher-lua"
)

// maxNameMoves bounds the register moves nameOf follows back.
const maxNameMoves = 16

// nameOf names the value register r holds at instruction pc, as Lua 5.1
// names it in an error message: a kind ("local", "global", "field",
// "method" or "upvalue") and a name, or "" and "" when nothing names it,
// as for a value a call returned.
func (f failed) nameOf(r, pc, moves int) (kind, name string) {
	p := f.p
	if name := localName(p, r, pc); name != "" {
		return "local", name
	}
	at := setterOf(p, r, pc)
	if at < 0 {
		return "", ""
	}
	inst := p.Code[at]
	a, b, c := int(inst>>18)&0xff, int(inst&0x1ff), int(inst>>9)&0x1ff
	switch int(inst >> 26) {
	case lua.OP_MOVE:
		if b < a && moves < maxNameMoves {
			return f.nameOf(b, at, moves+1)
		}
	case lua.OP_GETGLOBAL:
		if k := int(inst & 0x3ffff); k < len(p.Constants) {
			if s, ok := p.Constants[k].(lua.LString); ok {
				return "global", string(s)
			}
		}
	case lua.OP_GETTABLE, lua.OP_GETTABLEKS:
		return "field", constantKey(p, c)
	case lua.OP_SELF:
		if r == a {
			return "method", constantKey(p, c)
		}
		if moves < maxNameMoves {
			return f.nameOf(b, at, moves+1)
		}
	case lua.OP_GETUPVAL:
		if b < len(p.DbgUpvalues) {
			return "upvalue", p.DbgUpvalues[b]
		}
	}
	return "", ""
}

// constantKey is the key RK(rk) of a table access when it is a constant
// string, or "?" as Lua 5.1 writes any other key.
func constantKey(p *lua.FunctionProto, rk int) string {
	if k := rk &^ 0x100; rk&0x100 != 0 && k < len(p.Constants) {
		if s, ok := p.Constants[k].(lua.LString); ok {
			return string(s)
		}
	}
	return "?"
}

// localName is the name of the local variable that register r holds at
// instruction pc, or "". The locals active at pc take the registers from
// 0 up in the order they were declared. The hidden locals of the
// engine's rewrites (named in parentheses, see assign.go) name nothing:
// the value is named by where it came from, as before the rewrite.
func localName(p *lua.FunctionProto, r, pc int) string {
	n := 0
	for _, l := range p.DbgLocals {
		if l.StartPc > pc {
			break
		}
		if pc < l.EndPc {
			if n == r {
				if strings.HasPrefix(l.Name, "(") {
					return ""
				}
				return l.Name
			}
			n++
		}
	}
	return ""
}

// setterOf is the instruction before last that last set register r, or
// -1 when none did or when which one did depends on a branch: an
// instruction that a forward jump before last may skip sets r only on
// some paths.
func setterOf(p *lua.FunctionProto, r, last int) int {
	at, branchEnd := -1, 0
	for pc := 0; pc < last && pc < len(p.Code); pc++ {
		inst := p.Code[pc]
		op, a, b := int(inst>>26), int(inst>>18)&0xff, int(inst&0x1ff)
		sets, skip := r == a, 0
		switch op {
		case lua.OP_LOADNIL:
			sets = a <= r && r <= b
		case lua.OP_CALL, lua.OP_TAILCALL, lua.OP_VARARG:
			sets = r >= a
		case lua.OP_TFORLOOP:
			sets = r >= a+2
		case lua.OP_SELF:
			sets = r == a || r == a+1
		case lua.OP_FORLOOP:
			sets = r == a || r == a+3
		case lua.OP_CLOSURE:
			// The closure's upvalues follow as pseudo-instructions.
			if k := int(inst & 0x3ffff); k < len(p.FunctionPrototypes) {
				skip = int(p.FunctionPrototypes[k].NumUpvalues)
			}
		case lua.OP_JMP:
			sets = false
			if to := pc + 1 + int(inst&0x3ffff) - 0x1ffff; pc < to && to <= last && to > branchEnd {
				branchEnd = to
			}
		case lua.OP_SETGLOBAL, lua.OP_SETUPVAL, lua.OP_SETTABLE, lua.OP_SETTABLEKS,
			lua.OP_SETLIST, lua.OP_CLOSE, lua.OP_RETURN, lua.OP_EQ, lua.OP_LT, lua.OP_LE,
			lua.OP_TEST, lua.OP_NOP:
			sets = false
		}
		if sets {
			at = pc
			if pc < branchEnd {
				at = -1
			}
		}
		pc += skip
	}
	return at
}
