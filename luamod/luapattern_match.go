package luamod

import (
	"strings"

	lua "github.com/yuin/gopher-lua"
)

// match matches the pattern from p against the subject from si and
// returns where the match ends in the subject, or -1.
func (m *matcher) match(si, p int) int {
	if m.depth++; m.depth > maxMatchDepth {
		m.fail("pattern too complex")
	}
	defer func() { m.depth-- }()
	for {
		m.step()
		if p == len(m.pat) {
			return si
		}
		switch m.pat[p] {
		case '(':
			if p+1 < len(m.pat) && m.pat[p+1] == ')' {
				return m.startCapture(si, p+2, capPosition)
			}
			return m.startCapture(si, p+1, capUnfinished)
		case ')':
			return m.endCapture(si, p+1)
		case '$':
			if p+1 == len(m.pat) {
				if si == len(m.src) {
					return si
				}
				return -1
			}
		case patEsc:
			if p+1 < len(m.pat) {
				if nsi, np, handled := m.escape(si, p); handled {
					if nsi < 0 {
						return -1
					}
					si, p = nsi, np
					continue
				}
			}
		}
		ep := m.classEnd(p)
		ok := si < len(m.src) && m.singleMatch(m.src[si], p, ep)
		if ep < len(m.pat) {
			switch m.pat[ep] {
			case '?':
				if ok {
					if e := m.match(si+1, ep+1); e >= 0 {
						return e
					}
				}
				p = ep + 1
				continue
			case '*':
				return m.maxExpand(si, p, ep)
			case '+':
				if !ok {
					return -1
				}
				return m.maxExpand(si+1, p, ep)
			case '-':
				return m.minExpand(si, p, ep)
			}
		}
		if !ok {
			return -1
		}
		si, p = si+1, ep
	}
}

// escape handles %b, %f and back references at p. It returns where the
// subject and the pattern go on after one of them (the subject position
// -1 when it failed), and false for an ordinary class such as %d.
func (m *matcher) escape(si, p int) (int, int, bool) {
	switch c := m.pat[p+1]; {
	case c == 'b':
		return m.matchBalance(si, p+2), p + 4, true
	case c == 'f':
		p += 2
		if p >= len(m.pat) || m.pat[p] != '[' {
			m.fail("missing '[' after '%f' in pattern")
		}
		ep := m.classEnd(p)
		var prev, cur byte
		if si > 0 {
			prev = m.src[si-1]
		}
		if si < len(m.src) {
			cur = m.src[si]
		}
		if !m.matchBracket(prev, p, ep-1) && m.matchBracket(cur, p, ep-1) {
			return si, ep, true
		}
		return -1, ep, true
	case '0' <= c && c <= '9':
		return m.backRef(si, c), p + 2, true
	}
	return si, p, false
}

// maxExpand matches as many repetitions of the class p..ep as it can
// from si, then backs off one at a time until the rest matches.
func (m *matcher) maxExpand(si, p, ep int) int {
	i := 0
	for si+i < len(m.src) && m.singleMatch(m.src[si+i], p, ep) {
		i++
	}
	m.steps += int64(i)
	for ; i >= 0; i-- {
		if e := m.match(si+i, ep+1); e >= 0 {
			return e
		}
	}
	return -1
}

// minExpand matches as few repetitions of the class p..ep as it can.
func (m *matcher) minExpand(si, p, ep int) int {
	for {
		if e := m.match(si, ep+1); e >= 0 {
			return e
		}
		if si < len(m.src) && m.singleMatch(m.src[si], p, ep) {
			si++
			continue
		}
		return -1
	}
}

func (m *matcher) startCapture(si, p, what int) int {
	if m.level >= maxCaptures {
		m.fail("too many captures")
	}
	m.capture[m.level] = capture{init: si, len: what}
	m.level++
	e := m.match(si, p)
	if e < 0 {
		m.level--
	}
	return e
}

func (m *matcher) endCapture(si, p int) int {
	l := m.captureToClose()
	m.capture[l].len = si - m.capture[l].init
	e := m.match(si, p)
	if e < 0 {
		m.capture[l].len = capUnfinished
	}
	return e
}

// captureToClose is the innermost capture still open.
func (m *matcher) captureToClose() int {
	for l := m.level - 1; l >= 0; l-- {
		if m.capture[l].len == capUnfinished {
			return l
		}
	}
	m.fail("invalid pattern capture")
	return 0
}

// matchBalance is %bxy at p: from an x, the shortest run whose x and y
// balance. It returns the position after the closing y, or -1.
func (m *matcher) matchBalance(si, p int) int {
	if p+1 >= len(m.pat) {
		m.fail("unbalanced pattern")
	}
	if si >= len(m.src) || m.src[si] != m.pat[p] {
		return -1
	}
	open, end := m.pat[p], m.pat[p+1]
	depth := 1
	for i := si + 1; i < len(m.src); i++ {
		switch m.src[i] {
		case end:
			if depth--; depth == 0 {
				m.steps += int64(i - si)
				return i + 1
			}
		case open:
			depth++
		}
	}
	m.steps += int64(len(m.src) - si)
	return -1
}

// backRef is %1 to %9: the text of an earlier capture, again.
func (m *matcher) backRef(si int, digit byte) int {
	l := m.checkCapture(digit)
	text := m.src[m.capture[l].init : m.capture[l].init+m.capture[l].len]
	m.steps += int64(len(text))
	if strings.HasPrefix(m.src[si:], text) {
		return si + len(text)
	}
	return -1
}

// checkCapture is the capture a back reference names, which must be
// closed.
func (m *matcher) checkCapture(digit byte) int {
	l := int(digit) - '1'
	if l < 0 || l >= m.level || m.capture[l].len == capUnfinished {
		m.fail("invalid capture index")
	}
	return l
}

// pushCapture pushes capture i of a match from si to e: the whole match
// when the pattern has no captures and i is 0.
func (m *matcher) pushCapture(i, si, e int) {
	if i >= m.level {
		if i != 0 {
			m.fail("invalid capture index")
		}
		m.L.Push(lua.LString(m.src[si:e]))
		return
	}
	c := m.capture[i]
	switch c.len {
	case capUnfinished:
		m.fail("unfinished capture")
	case capPosition:
		m.L.Push(lua.LNumber(c.init + 1))
	default:
		m.L.Push(lua.LString(m.src[c.init : c.init+c.len]))
	}
}

// pushCaptures pushes every capture, or the whole match when there is
// none and wholeMatch is set, and returns how many it pushed.
func (m *matcher) pushCaptures(si, e int, wholeMatch bool) int {
	n := m.level
	if n == 0 && wholeMatch {
		n = 1
	}
	for i := 0; i < n; i++ {
		m.pushCapture(i, si, e)
	}
	return n
}
