package luamod

import (
	"strings"

	lua "github.com/yuin/gopher-lua"
)

// patternFuncs are string.find, match, gmatch and gsub on the engine's
// matcher (luapattern.go), with Lua 5.1's behaviour.
func (s *sched) patternFuncs() map[string]lua.LGFunction {
	return map[string]lua.LGFunction{
		"find":   func(L *lua.LState) int { return s.strFind(L, true) },
		"match":  func(L *lua.LState) int { return s.strFind(L, false) },
		"gmatch": s.strGmatch,
		"gsub":   s.strGsub,
	}
}

// patSpecials are the characters that make a pattern more than plain text.
const patSpecials = "^$*+?.([%-"

// startIndex is Lua 5.1's start position argument: 1-based, negative from
// the end, clamped to the subject.
func startIndex(L *lua.LState, n, length int) int {
	init := L.OptInt(n, 1)
	if init < 0 {
		init += length + 1
	}
	return min(max(init-1, 0), length)
}

// strFind is string.find (find true) and string.match.
func (s *sched) strFind(L *lua.LState, find bool) int {
	src := L.CheckString(1)
	pat := L.CheckString(2)
	init := startIndex(L, 3, len(src))
	if find && (lua.LVAsBool(L.Get(4)) || !strings.ContainsAny(pat, patSpecials)) {
		s.chargeBytes(L, len(src)-init)
		if i := strings.Index(src[init:], pat); i >= 0 {
			L.Push(lua.LNumber(init + i + 1))
			L.Push(lua.LNumber(init + i + len(pat)))
			return 2
		}
		L.Push(lua.LNil)
		return 1
	}
	m := newMatcher(s, L, src, pat)
	p, anchor := 0, strings.HasPrefix(pat, "^")
	if anchor {
		p = 1
	}
	for si := init; ; si++ {
		m.reset()
		if e := m.match(si, p); e >= 0 {
			m.flush()
			if !find {
				return m.pushCaptures(si, e, true)
			}
			L.Push(lua.LNumber(si + 1))
			L.Push(lua.LNumber(e))
			return 2 + m.pushCaptures(si, e, false)
		}
		if anchor || si >= len(src) {
			break
		}
	}
	m.flush()
	L.Push(lua.LNil)
	return 1
}

// strGmatch is string.gmatch: an iterator over the matches, each giving
// its captures (or the whole match). As in Lua 5.1 a leading '^' is an
// ordinary character.
func (s *sched) strGmatch(L *lua.LState) int {
	src := L.CheckString(1)
	pat := L.CheckString(2)
	pos := 0
	L.Push(L.NewFunction(func(L *lua.LState) int {
		m := newMatcher(s, L, src, pat)
		defer m.flush()
		for si := pos; si <= len(src); si++ {
			m.reset()
			if e := m.match(si, 0); e >= 0 {
				pos = e
				if e == si {
					pos++ // an empty match: go on from the next character
				}
				return m.pushCaptures(si, e, true)
			}
		}
		pos = len(src) + 1
		return 0
	}))
	return 1
}

// strGsub is string.gsub(s, pattern, repl [, n]).
func (s *sched) strGsub(L *lua.LState) int {
	src := L.CheckString(1)
	pat := L.CheckString(2)
	repl := L.Get(3)
	switch repl.Type() {
	case lua.LTNumber, lua.LTString, lua.LTTable, lua.LTFunction:
	default:
		L.ArgError(3, "string/function/table expected")
	}
	maxN := L.OptInt(4, len(src)+1)
	m := newMatcher(s, L, src, pat)
	p, anchor := 0, strings.HasPrefix(pat, "^")
	if anchor {
		p = 1
	}
	out := &guardedBuilder{s: s, L: L}
	si, n, copied := 0, 0, 0 // copied: the subject before it is in out
	for n < maxN {
		m.reset()
		e := m.match(si, p)
		if e >= 0 {
			n++
			m.flush()
			out.add(src[copied:si])
			s.addReplacement(out, m, si, e, repl)
			copied = e
		}
		if e > si {
			si = e
		} else if si < len(src) {
			si++
		} else {
			break
		}
		if anchor {
			break
		}
	}
	m.flush()
	out.add(src[copied:])
	L.Push(lua.LString(out.String()))
	L.Push(lua.LNumber(n))
	return 2
}

// addReplacement adds to out what replaces the match si..e: repl with %0
// to %9 expanded, or repl's value (a table indexed by the first capture,
// a function called with every capture), where false or nil keep the
// match as it was.
func (s *sched) addReplacement(out *guardedBuilder, m *matcher, si, e int, repl lua.LValue) {
	L := m.L
	var v lua.LValue
	switch r := repl.(type) {
	case lua.LString, lua.LNumber:
		addExpanded(out, m, si, e, stringOf(r))
		return
	case *lua.LTable:
		m.pushCapture(0, si, e)
		key := L.Get(-1)
		L.Pop(1)
		v = L.GetTable(r, key)
	case *lua.LFunction:
		top := L.GetTop()
		L.Push(r)
		n := m.pushCaptures(si, e, true)
		s.inCallback("gsub function", func() int { L.Call(n, 1); return 0 })
		v = L.Get(-1)
		L.SetTop(top)
	}
	switch v.(type) {
	case lua.LString, lua.LNumber:
		out.add(stringOf(v))
	default:
		if lua.LVAsBool(v) {
			L.RaiseError("invalid replacement value (a %s)", v.Type().String())
		}
		out.add(m.src[si:e])
	}
}

// addExpanded adds the replacement string repl: %0 is the whole match,
// %1 to %9 a capture, and '%' before any other character stands for that
// character.
func addExpanded(out *guardedBuilder, m *matcher, si, e int, repl string) {
	for len(repl) > 0 {
		i := strings.IndexByte(repl, patEsc)
		if i < 0 {
			out.add(repl)
			return
		}
		out.add(repl[:i])
		repl = repl[i+1:]
		switch {
		case repl == "":
			out.add("\x00") // Lua 5.1 reads the string's terminating zero
			return
		case repl[0] == '0':
			out.add(m.src[si:e])
		case '1' <= repl[0] && repl[0] <= '9':
			m.pushCapture(int(repl[0]-'1'), si, e)
			out.add(stringOf(m.L.Get(-1)))
			m.L.Pop(1)
		default:
			out.add(repl[:1])
		}
		repl = repl[1:]
	}
}
