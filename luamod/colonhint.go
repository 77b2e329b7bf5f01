package luamod

import (
	lua "github.com/yuin/gopher-lua"
)

// A newcomer to Lua writes ch.send(v) for ch:send(v): the method then
// gets v as its object and says "bad argument #1 to send
// (goroutine.channel expected, got number)", which does not say what to
// change. checkObject adds the fix when it can see the mistake: the Lua
// caller read the method it called as a field of a value that is an
// object of the kind the method wants.

// colonHint is what checkObject adds to its message when argument 1 is
// not the object the method wants because the caller left out the
// colon, e.g. "; use a colon: ch:send(...)"; or "". isSelf reports
// whether a value is an object of the method's kind.
func colonHint(L *lua.LState, isSelf func(lua.LValue) bool) (hint string) {
	defer func() {
		if recover() != nil {
			hint = ""
		}
	}()
	fr := frameParent(currentFrame(L))
	if fr == nil {
		return ""
	}
	fn, pc := frameFn(fr), framePc(fr)
	if fn.IsG || pc < 1 || pc > len(fn.Proto.Code) {
		return ""
	}
	p, call := fn.Proto, fn.Proto.Code[pc-1]
	if op := int(call >> 26); op != lua.OP_CALL && op != lua.OP_TAILCALL {
		return ""
	}
	at := setterOf(p, int(call>>18)&0xff, pc-1)
	if at < 0 || int(p.Code[at]>>26) != lua.OP_GETTABLEKS {
		return ""
	}
	get := p.Code[at]
	obj, key := int(get&0x1ff), int(get>>9)&0x1ff
	f := failed{p: p, pc: pc - 1, inst: call, regs: frameRegisters(L, fr)}
	if v := objectAt(fn, f, obj, at, 0); v == nil || !isSelf(v) {
		return ""
	}
	name := pathOf(f, obj, at, 4)
	if name == "" {
		name = "obj"
	}
	return "; use a colon: " + name + ":" + constantKey(p, key) + "(...)"
}

// pathOf writes the value register r held at instruction pc as the
// script named it: a variable ("ch"), or a field of one up to fields
// deep ("t.ch"); or "".
func pathOf(f failed, r, pc, fields int) string {
	kind, name := f.nameOf(r, pc, 0)
	switch kind {
	case "local", "global", "upvalue":
		return name
	case "field":
		if at := setterOf(f.p, r, pc); at >= 0 && fields > 0 && int(f.p.Code[at]>>26) == lua.OP_GETTABLEKS {
			if parent := pathOf(f, int(f.p.Code[at]&0x1ff), at, fields-1); parent != "" {
				return parent + "." + name
			}
		}
	}
	return ""
}

// objectAt is the value that register r held at instruction pc of fn,
// read now: from the register if it holds a local, else from where the
// value came, since the call may have reused the register (ch.send(v)
// on an upvalue ch reads ch and its method into the same register).
func objectAt(fn *lua.LFunction, f failed, r, pc, moves int) lua.LValue {
	if localName(f.p, r, pc) != "" {
		return f.reg(r)
	}
	at := setterOf(f.p, r, pc)
	if at < 0 {
		return nil
	}
	inst := f.p.Code[at]
	a, b := int(inst>>18)&0xff, int(inst&0x1ff)
	switch int(inst >> 26) {
	case lua.OP_GETUPVAL:
		if b < len(fn.Upvalues) {
			return fn.Upvalues[b].Value()
		}
	case lua.OP_GETGLOBAL:
		if k := int(inst & 0x3ffff); k < len(f.p.Constants) && fn.Env != nil {
			if name, ok := f.p.Constants[k].(lua.LString); ok {
				return fn.Env.RawGetString(string(name))
			}
		}
	case lua.OP_MOVE:
		if b < a && moves < maxNameMoves {
			return objectAt(fn, f, b, at, moves+1)
		}
	case lua.OP_GETTABLEKS:
		if t, ok := objectAt(fn, f, b, at, moves+1).(*lua.LTable); ok && moves < maxNameMoves {
			return t.RawGetString(constantKey(f.p, int(inst>>9)&0x1ff))
		}
	}
	return nil
}
