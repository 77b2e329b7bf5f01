package luamod

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	lua "github.com/yuin/gopher-lua"
)

// string.format is the engine's: Lua 5.1 formats with C's sprintf, and
// gopher-lua with Go's fmt, whose conversions differ in what a script
// sees. Go's %g printed all the digits (1.23456789e+08 where C prints
// 1.23457e+08), %c wrote a byte from 128 up as two bytes of UTF-8, %x of
// a negative number printed -ff, widths and precisions of %s counted
// runes, %u printed "%!u(int64=7)", infinity printed as +Inf, and %q was
// Go's quoting, which Lua cannot read back. The engine formats each
// conversion as C does, Lua 5.1's checks first (checkFormat), and shows
// a reference value given to %s as tostring does (Lua 5.2's rule;
// gopher-lua printed its Go address).

// strFormat is string.format(f, ...).
func (s *sched) strFormat(L *lua.LState) int {
	f := L.CheckString(1)
	var b strings.Builder
	b.Grow(int(s.checkFormat(L, f)))
	arg := 1
	for i := 0; i < len(f); i++ {
		if f[i] != '%' {
			b.WriteByte(f[i])
			continue
		}
		if i+1 < len(f) && f[i+1] == '%' {
			b.WriteByte('%')
			i++
			continue
		}
		start := i
		i = specEnd(f, i+1)
		if i >= len(f) || strings.IndexByte("cdiouxXeEfgGqs", f[i]) < 0 {
			L.RaiseError("invalid option '%s' to 'format'", f[start:min(i+1, len(f))])
		}
		arg++
		if arg > L.GetTop() {
			L.ArgError(arg, "no value")
		}
		s.writeChecked(L, &b, s.formatOne(L, f[start+1:i], f[i], arg))
	}
	L.Push(lua.LString(b.String()))
	return 1
}

// specEnd returns where a conversion's letter is, past its flags, width
// and precision, read as Lua 5.1 reads them.
func specEnd(f string, i int) int {
	for i < len(f) && strings.IndexByte("-+ #0", f[i]) >= 0 {
		i++
	}
	digits := func() {
		for i < len(f) && '0' <= f[i] && f[i] <= '9' {
			i++
		}
	}
	digits()
	if i < len(f) && f[i] == '.' {
		i++
		digits()
	}
	return i
}

// formatOne formats argument arg by one conversion, flags being what
// stood between its % and its letter verb, as C's sprintf does.
func (s *sched) formatOne(L *lua.LState, flags string, verb byte, arg int) string {
	switch verb {
	case 's':
		return padBytes(flags, s.tostring(L, L.Get(arg)))
	case 'q':
		return s.quote(L, L.CheckString(arg))
	}
	n := float64(L.CheckNumber(arg)) // "2.5" is 2.5, as Lua 5.1 converts it
	switch verb {
	case 'c':
		return padBytes(flags, string([]byte{byte(cLong(n))}))
	case 'd', 'i':
		return fmt.Sprintf("%"+flags+"d", cLong(n))
	case 'u':
		return fmt.Sprintf("%"+flags+"d", uint64(cLong(n)))
	case 'o', 'x', 'X':
		return fmt.Sprintf("%"+flags+string(verb), uint64(cLong(n)))
	}
	if math.IsInf(n, 0) || math.IsNaN(n) {
		return padBytes(strings.Split(flags, ".")[0], cNonFinite(n, verb, flags))
	}
	if (verb == 'g' || verb == 'G') && !strings.Contains(flags, ".") {
		flags += ".6" // C's default precision; Go's %g prints the shortest exact digits
	}
	return fmt.Sprintf("%"+flags+string(verb), n)
}

// cLong is n as C's (long) cast gives it on x86-64: truncated, and the
// smallest long when out of range (which C leaves undefined), so that a
// run formats the same natively and in wasm.
func cLong(n float64) int64 {
	if !(n > -1<<63 && n < 1<<63) {
		return math.MinInt64
	}
	return int64(n)
}

// cNonFinite is infinity or NaN as C's printf writes it: inf, -inf or
// nan (never Go's +Inf or NaN), with a + when the flags ask, in capitals
// for %E and %G. Zero padding and precision do not apply.
func cNonFinite(n float64, verb byte, flags string) string {
	word := "nan"
	switch {
	case math.IsInf(n, -1):
		word = "-inf"
	case math.IsInf(n, 1) && strings.ContainsRune(flags, '+'):
		word = "+inf"
	case math.IsInf(n, 1):
		word = "inf"
	}
	if verb == 'E' || verb == 'G' {
		return strings.ToUpper(word)
	}
	return word
}

// padBytes applies %s's width and precision to text in bytes, as C does
// (Go's fmt counts runes).
func padBytes(flags, text string) string {
	left := strings.ContainsRune(flags, '-')
	w, p, hasPrecision := strings.Cut(strings.TrimLeft(flags, "-+ #0"), ".")
	width, _ := strconv.Atoi(w) // empty: no width
	if precision, _ := strconv.Atoi(p); hasPrecision && len(text) > precision {
		text = text[:precision]
	}
	pad := strings.Repeat(" ", max(width-len(text), 0))
	if left {
		return text + pad
	}
	return pad + text
}

// quote is Lua 5.1's %q: str in double quotes, written so that Lua reads
// it back as str.
func (s *sched) quote(L *lua.LState, str string) string {
	size := len(str) + 2
	for i := 0; i < len(str); i++ {
		switch str[i] {
		case '"', '\\', '\n', '\r':
			size++
		case 0:
			size += 3
		}
	}
	s.reserveString(L, int64(size))
	s.charge(L, int64(len(str))/bytesPerUnit)
	var b strings.Builder
	b.Grow(size)
	b.WriteByte('"')
	for start := 0; start < len(str); start += copyStep {
		end := min(len(str), start+copyStep)
		quoteBytes(&b, str[start:end])
		s.copied(L, end-start)
	}
	b.WriteByte('"')
	return b.String()
}

// quoteBytes writes str to b with %q's escapes.
func quoteBytes(b *strings.Builder, str string) {
	for i := 0; i < len(str); i++ {
		switch c := str[i]; c {
		case '"', '\\', '\n':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\r':
			b.WriteString(`\r`)
		case 0:
			b.WriteString(`\000`)
		default:
			b.WriteByte(c)
		}
	}
}
