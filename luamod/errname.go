package luamod

import (
	"strconv"
	"strings"
	"unsafe"

	lua "github.com/yuin/gopher-lua"
)

// gopher-lua's VM words its runtime errors without saying what failed:
// a newcomer's goroutine.spwn(f) gives "attempt to call a non-function
// object", where Lua 5.1 says "attempt to call field 'spwn' (a nil
// value)". vmMessage gives Lua 5.1's message instead. It runs where the
// error was raised, with the failed frame and its registers still on the
// thread (panicTrace, unwind and panicNamed), and reads the instruction
// that failed: the register it blames is named from the function's debug
// information (a local) or from the instruction that last set it (a
// global, a field, a method, an upvalue), as Lua 5.1 does. The ..
// operator is a call of the engine's concatL (concat.go), whose error
// names its operand the same way (operandMessage).

// vmMessage returns Lua 5.1's message for msg, an error that gopher-lua's
// VM raised in Lua frame fr of thread L, or msg itself for any other
// error. It never fails: a frame or message it cannot read is left as it
// is.
func vmMessage(L *lua.LState, fr unsafe.Pointer, msg lua.LValue) (out lua.LValue) {
	text, ok := msg.(lua.LString)
	if !ok || fr == nil {
		return msg
	}
	defer func() {
		if recover() != nil {
			out = msg
		}
	}()
	fn, pc := frameFn(fr), framePc(fr)
	if fn == nil || fn.IsG || pc < 1 || pc > len(fn.Proto.Code) || pc > len(fn.Proto.DbgSourcePositions) {
		return msg
	}
	p := fn.Proto
	prefix := p.SourceName + ":" + strconv.Itoa(p.DbgSourcePositions[pc-1]) + ": "
	rest, ok := strings.CutPrefix(string(text), prefix)
	if !ok {
		return msg
	}
	f := failed{p: p, pc: pc - 1, inst: p.Code[pc-1], regs: frameRegisters(L, fr)}
	if mended := f.message(rest); mended != "" {
		return lua.LString(prefix + mended)
	}
	return msg
}

// hookNames makes thread th raise its VM errors with Lua 5.1's messages
// from its next instruction on, which is about to start a Lua function
// whose errors gopher-lua's own Panic function would raise unnamed: a
// coroutine's (gopher-lua's resume gives it that function as it starts),
// or one that callOwn calls protected (PCall gives its thread that
// function until it returns).
func (s *sched) hookNames(th *lua.LState) {
	s.nameHook, s.checkAt = th, 0
}

// unhookNames drops what hookNames asked for th if no instruction ran
// since, so that it cannot reach another thread's Panic function later.
func (s *sched) unhookNames(th *lua.LState) {
	if s.nameHook == th {
		s.nameHook = nil
	}
}

// panicNamed is the Panic function hookNames installs: gopher-lua's own,
// but a VM error gets Lua 5.1's message.
func (s *sched) panicNamed(L *lua.LState) {
	panic(&lua.ApiError{Type: lua.ApiErrorRun, Object: vmMessage(L, currentFrame(L), L.Get(-1))})
}

// operandMessage is Lua 5.1's message blaming operand k (from 1; 0 for
// none it can name) of an operator that the engine runs as a call of a
// function of its own (concatL for ..): the Lua frame below called it
// with the operands in the registers after the function's.
func operandMessage(L *lua.LState, verb string, k int, typ string) (msg string) {
	msg = "attempt to " + verb + " a " + typ + " value"
	defer func() {
		if recover() != nil {
			msg = "attempt to " + verb + " a " + typ + " value"
		}
	}()
	fr := frameParent(currentFrame(L))
	if k < 1 || fr == nil {
		return msg
	}
	fn, pc := frameFn(fr), framePc(fr)
	if fn.IsG || pc < 1 || pc > len(fn.Proto.Code) {
		return msg
	}
	inst := fn.Proto.Code[pc-1]
	if int(inst>>26) != lua.OP_CALL {
		return msg
	}
	f := failed{p: fn.Proto, pc: pc - 1, inst: inst, regs: frameRegisters(L, fr)}
	return f.blame(verb, int(inst>>18)&0xff+k, typ)
}

// failed is the instruction an error was raised at.
type failed struct {
	p    *lua.FunctionProto
	pc   int
	inst uint32
	regs []lua.LValue // the frame's registers, nil when unknown
}

// message is Lua 5.1's wording of gopher-lua's message rest, or "".
func (f failed) message(rest string) string {
	op := int(f.inst >> 26)
	a, b, c := int(f.inst>>18)&0xff, int(f.inst&0x1ff), int(f.inst>>9)&0x1ff
	switch {
	case rest == "attempt to call a non-function object":
		switch op {
		case lua.OP_CALL, lua.OP_TAILCALL:
			return f.blame("call", a, f.typeOf(a))
		case lua.OP_TFORLOOP: // Lua 5.1 names no iterator
			if typ := f.typeOf(a); typ != "" {
				return "attempt to call a " + typ + " value"
			}
		}
	case strings.HasPrefix(rest, "attempt to index a non-table object("):
		typ, _, _ := strings.Cut(strings.TrimPrefix(rest, "attempt to index a non-table object("), ")")
		switch op {
		case lua.OP_GETTABLE, lua.OP_GETTABLEKS, lua.OP_SELF:
			return f.blame("index", b, typ)
		case lua.OP_SETTABLE, lua.OP_SETTABLEKS:
			return f.blame("index", a, typ)
		}
	case strings.HasPrefix(rest, "cannot perform "):
		if op >= lua.OP_ADD && op <= lua.OP_POW {
			return f.arith(b, c, rest)
		}
	case rest == "__unm undefined" && op == lua.OP_UNM:
		return f.blame("perform arithmetic on", b, f.typeOf(b))
	case rest == "__len undefined" && op == lua.OP_LEN:
		return f.blame("get length of", b, f.typeOf(b))
	case strings.HasPrefix(rest, "attempt to compare ") && (op == lua.OP_LT || op == lua.OP_LE):
		if t1, t2, ok := strings.Cut(strings.TrimPrefix(rest, "attempt to compare "), " with "); ok && t1 == t2 {
			return "attempt to compare two " + t1 + " values"
		}
	case strings.HasPrefix(rest, "for statement ") && (op == lua.OP_FORPREP || op == lua.OP_FORLOOP):
		return forMessages[rest]
	}
	return ""
}

// forMessages are Lua 5.1's words for a numeric for's bad values.
var forMessages = map[string]string{
	"for statement init must be a number":  "'for' initial value must be a number",
	"for statement limit must be a number": "'for' limit must be a number",
	"for statement step must be a number":  "'for' step must be a number",
}

// arith blames an arithmetic operand, RK(b) or RK(c), as Lua 5.1 does:
// the first unless it is a number (gopher-lua's message gives the types
// after converting strings), then the second.
func (f failed) arith(b, c int, rest string) string {
	_, types, _ := strings.Cut(rest, " between ")
	t1, t2, ok := strings.Cut(types, " and ")
	if !ok {
		return ""
	}
	if t1 != "number" {
		return f.blameRK("perform arithmetic on", b, t1)
	}
	return f.blameRK("perform arithmetic on", c, t2)
}

// blameRK is blame for an operand that may be a constant, which has no
// name.
func (f failed) blameRK(verb string, rk int, typ string) string {
	if rk&0x100 != 0 {
		return "attempt to " + verb + " a " + typ + " value"
	}
	return f.blame(verb, rk, typ)
}

// blame says the value of type typ in register r failed: named when the
// register still holds a value of that type and it has a name.
func (f failed) blame(verb string, r int, typ string) string {
	if typ == "" {
		return ""
	}
	if v := f.reg(r); v != nil && v.Type().String() == typ {
		if kind, name := f.nameOf(r, f.pc, 0); kind != "" {
			return "attempt to " + verb + " " + kind + " '" + name + "' (a " + typ + " value)"
		}
	}
	return "attempt to " + verb + " a " + typ + " value"
}

// reg is the value in register r, or nil when it cannot be read.
func (f failed) reg(r int) lua.LValue {
	if r < 0 || r >= len(f.regs) {
		return nil
	}
	return f.regs[r]
}

// typeOf is the type name of the value in register r, or "".
func (f failed) typeOf(r int) string {
	if v := f.reg(r); v != nil {
		return v.Type().String()
	}
	return ""
}

// frameRegisters are the registers of Lua frame fr of thread L, from its
// local base to the end of its registry, or nil.
func frameRegisters(L *lua.LState, fr unsafe.Pointer) []lua.LValue {
	slots := registrySlots(L)
	if slots == nil {
		return nil
	}
	all := *slots
	base := frameLocalBase(fr)
	if base < 0 || base > len(all) {
		return nil
	}
	return all[base:]
}
