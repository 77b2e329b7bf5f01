package luamod

import (
	lua "github.com/yuin/gopher-lua"
)

// The engine matches Lua 5.1 patterns itself instead of with gopher-lua's
// pm package, whose compiler recurses once per nested capture (a pattern
// of a million "(" exhausts the Go stack) and whose matcher cannot be
// stopped: a backtracking pattern such as ".-.-.-b" on a long subject
// would hold the run far past its wall limit. This matcher interprets the
// pattern directly, bounds its recursion and captures as Lua does, and
// charges its steps to the run, which can stop it between any two.

const (
	maxCaptures   = 32  // LUA_MAXCAPTURES
	maxMatchDepth = 200 // recursion bound (Lua 5.2's MAXCCALLS for patterns)
	capUnfinished = -1
	capPosition   = -2
	patEsc        = '%'
	// stepsPerUnit is how many matcher steps make one unit of charged work.
	stepsPerUnit = 8
)

// capture is one capture of a match: where it starts in the subject and
// its length, or capUnfinished or capPosition.
type capture struct{ init, len int }

// matcher matches one pattern against one subject, from any start.
type matcher struct {
	s       *sched
	L       *lua.LState
	src     string
	pat     string
	level   int
	depth   int
	steps   int64
	capture [maxCaptures]capture
}

func newMatcher(s *sched, L *lua.LState, src, pat string) *matcher {
	return &matcher{s: s, L: L, src: src, pat: pat}
}

// reset prepares a match from a new start position. Each attempt costs
// a unit of work: a call of match and what its caller does with a match.
func (m *matcher) reset() {
	m.level, m.depth = 0, 0
	m.steps += stepsPerUnit
}

// step counts one step of work, charging the run every 4096 steps.
func (m *matcher) step() {
	m.steps++
	if m.steps >= 4096 {
		m.flush()
	}
}

// flush charges the steps not charged yet, keeping the remainder of a
// unit for the next time.
func (m *matcher) flush() {
	m.s.charge(m.L, m.steps/stepsPerUnit)
	m.steps %= stepsPerUnit
}

func (m *matcher) fail(msg string) { m.L.RaiseError("%s", msg) }

// classEnd is the index just past the single-character class at p.
func (m *matcher) classEnd(p int) int {
	c := m.pat[p]
	p++
	switch c {
	case patEsc:
		if p >= len(m.pat) {
			m.fail("malformed pattern (ends with '%')")
		}
		return p + 1
	case '[':
		if p < len(m.pat) && m.pat[p] == '^' {
			p++
		}
		for { // the first character is never the closing ']'
			if p >= len(m.pat) {
				m.fail("malformed pattern (missing ']')")
			}
			c := m.pat[p]
			p++
			if c == patEsc && p < len(m.pat) {
				p++
			}
			if p < len(m.pat) && m.pat[p] == ']' {
				return p + 1
			}
		}
	}
	return p
}

// singleMatch reports whether subject byte c matches the class from p to
// ep (exclusive).
func (m *matcher) singleMatch(c byte, p, ep int) bool {
	switch m.pat[p] {
	case '.':
		return true
	case patEsc:
		return matchClass(c, m.pat[p+1])
	case '[':
		return m.matchBracket(c, p, ep-1)
	}
	return m.pat[p] == c
}

// matchBracket matches c against the set [...] from p (the '[') to ec
// (the ']').
func (m *matcher) matchBracket(c byte, p, ec int) bool {
	want := true
	if m.pat[p+1] == '^' {
		want = false
		p++
	}
	for p++; p < ec; p++ {
		switch {
		case m.pat[p] == patEsc:
			p++
			if matchClass(c, m.pat[p]) {
				return want
			}
		case m.pat[p+1] == '-' && p+2 < ec:
			if m.pat[p] <= c && c <= m.pat[p+2] {
				return want
			}
			p += 2
		case m.pat[p] == c:
			return want
		}
	}
	return !want
}

// matchClass matches c against %cl; an upper-case class is the
// complement, and a non-letter stands for itself.
func matchClass(c, cl byte) bool {
	var ok bool
	switch cl | 0x20 {
	case 'a':
		ok = isAlpha(c)
	case 'c':
		ok = c < 32 || c == 127
	case 'd':
		ok = '0' <= c && c <= '9'
	case 'l':
		ok = 'a' <= c && c <= 'z'
	case 'p':
		ok = isPunct(c)
	case 's':
		ok = c == ' ' || ('\t' <= c && c <= '\r')
	case 'u':
		ok = 'A' <= c && c <= 'Z'
	case 'w':
		ok = isAlpha(c) || ('0' <= c && c <= '9')
	case 'x':
		ok = ('0' <= c && c <= '9') || ('a' <= c|0x20 && c|0x20 <= 'f')
	case 'z':
		ok = c == 0
	default:
		return cl == c
	}
	if 'A' <= cl && cl <= 'Z' {
		return !ok
	}
	return ok
}

func isAlpha(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

func isPunct(c byte) bool {
	return c > 32 && c < 127 && !isAlpha(c) && !('0' <= c && c <= '9')
}
