package luamod

import (
	"strings"

	lua "github.com/yuin/gopher-lua"
)

// A builtin that makes a long string (string.rep, .., table.concat,
// upper, a %s of a long string, os.date) copies it in one Go call: on a
// slow machine hundreds of megabytes took over a second, and no check of
// the run could come in the middle, so a run went on past its wall
// limit and Stop until the watchdog gave up on it. Such copies go in
// steps of copyStep bytes instead, with a check of the run (checkpoint)
// between two, which ends a stopped run in the middle of the copy.

// copyStep is how many bytes a builtin copies between two checks.
const copyStep = 4 << 20

// copied counts n bytes that a builtin has copied, and checks the run
// each time copyStep more have been.
func (s *sched) copied(L *lua.LState, n int) {
	s.copiedBytes += int64(n)
	if s.copiedBytes >= copyStep {
		s.copiedBytes = 0
		s.checkpoint(L)
	}
}

// writeChecked writes str to b in steps of copyStep bytes (copied).
func (s *sched) writeChecked(L *lua.LState, b *strings.Builder, str string) {
	for len(str) > copyStep {
		b.WriteString(str[:copyStep])
		s.copied(L, copyStep)
		str = str[copyStep:]
	}
	b.WriteString(str)
	s.copied(L, len(str))
}

// repeatChecked is strings.Repeat(str, n), written in steps (copied).
func (s *sched) repeatChecked(L *lua.LState, str string, n int) string {
	size := len(str) * n
	if size <= copyStep {
		return strings.Repeat(str, n)
	}
	per := max(1, (64<<10)/len(str)) // copies of str in a unit of about 64 KiB
	unit := strings.Repeat(str, min(per, n))
	var b strings.Builder
	b.Grow(size)
	for left := n; left > 0; left -= per {
		if left < per {
			unit = strings.Repeat(str, left)
		}
		s.writeChecked(L, &b, unit)
	}
	return b.String()
}

// mapChecked is f(str) for a function f of bytes in order (upper,
// lower), or in reverse order when backwards (reverse), applied to steps
// of str (copied).
func (s *sched) mapChecked(L *lua.LState, str string, f func(string) string, backwards bool) string {
	if len(str) <= copyStep {
		return f(str)
	}
	var b strings.Builder
	b.Grow(len(str))
	for done := 0; done < len(str); {
		n := min(len(str)-done, copyStep)
		piece := str[done : done+n]
		if backwards {
			piece = str[len(str)-done-n : len(str)-done]
		}
		b.WriteString(f(piece))
		done += n
		s.copied(L, n)
	}
	return b.String()
}
