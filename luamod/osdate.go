package luamod

import (
	"math"
	"strconv"
	"time"
	"unsafe"

	lua "github.com/yuin/gopher-lua"
)

// osDate is os.date(format, time) in UTC, as C's strftime formats in the
// "C" locale (a leading "!" is accepted and changes nothing): the same
// output on every machine. "*t" gives the date as a table. gopher-lua's
// own os.date is not used: its library brings in the process and file
// calls the sandbox removes (see newstate.go), and it printed "mon" for
// %a, a time for %x and 0 for yday.
func (s *sched) osDate(L *lua.LState) int {
	format := L.OptString(1, "%c")
	if len(format) > 0 && format[0] == '!' {
		format = format[1:]
	}
	t := s.wallNow().UTC()
	if L.GetTop() >= 2 {
		t = time.Unix(checkUnixTime(L, 2), 0).UTC()
	}
	if len(format) >= 2 && format[:2] == "*t" {
		L.Push(dateTable(L, t))
		return 1
	}
	out := make([]byte, 0, min(2*len(format), copyStep))
	for format != "" {
		piece := formatPiece(format, copyStep/16)
		format = format[len(piece):]
		n := len(out)
		var bad string
		if out, bad = strftime(out, piece, t); bad != "" {
			L.ArgError(1, "invalid conversion specifier '"+bad+"'")
		}
		s.reserveString(L, int64(len(out)-n))
		s.copied(L, len(out)-n)
	}
	L.Push(lua.LString(unsafe.String(unsafe.SliceData(out), len(out)))) // out is not written again
	return 1
}

// formatPiece is the start of format, about n bytes long, that ends
// between two conversions: os.date formats a long format piece by piece,
// each of which a conversion makes at most 12 times as long.
func formatPiece(format string, n int) string {
	i := 0
	for i < len(format) && i < n {
		if format[i] == '%' {
			i++
		}
		i++
	}
	return format[:min(i, len(format))]
}

// checkUnixTime is argument n as whole seconds since 1970.
func checkUnixTime(L *lua.LState, n int) int64 {
	v := float64(L.CheckNumber(n))
	if math.IsNaN(v) || math.Abs(v) > 1<<53 {
		L.ArgError(n, "time out of range")
	}
	return int64(math.Floor(v))
}

// dateTable is os.date("*t")'s table.
func dateTable(L *lua.LState, t time.Time) *lua.LTable {
	tbl := L.CreateTable(0, 9)
	for _, f := range []struct {
		name  string
		value int
	}{
		{"year", t.Year()}, {"month", int(t.Month())}, {"day", t.Day()},
		{"hour", t.Hour()}, {"min", t.Minute()}, {"sec", t.Second()},
		{"wday", int(t.Weekday()) + 1}, {"yday", t.YearDay()},
	} {
		tbl.RawSetString(f.name, lua.LNumber(f.value))
	}
	tbl.RawSetString("isdst", lua.LFalse)
	return tbl
}

// strftime appends format, with t in its conversions, to b. bad is the
// first conversion it does not know ("%q"), if any.
func strftime(b []byte, format string, t time.Time) (out []byte, bad string) {
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			b = append(b, format[i])
			continue
		}
		if i++; i == len(format) {
			return b, "%"
		}
		var ok bool
		if b, ok = conversion(b, format[i], t); !ok {
			return b, format[i-1 : i+1]
		}
	}
	return b, ""
}

var (
	weekdays = [7]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
	months   = [12]string{"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"}
)

// conversion appends what %c gives for t.
func conversion(b []byte, c byte, t time.Time) ([]byte, bool) {
	wday, yday := int(t.Weekday()), t.YearDay()-1
	switch c {
	case 'a':
		return append(b, weekdays[wday][:3]...), true
	case 'A':
		return append(b, weekdays[wday]...), true
	case 'b', 'h':
		return append(b, months[t.Month()-1][:3]...), true
	case 'B':
		return append(b, months[t.Month()-1]...), true
	case 'c':
		return strftimeOK(b, "%a %b %e %H:%M:%S %Y", t), true
	case 'C':
		return pad(b, t.Year()/100, 2, '0'), true
	case 'd':
		return pad(b, t.Day(), 2, '0'), true
	case 'D', 'x':
		return strftimeOK(b, "%m/%d/%y", t), true
	case 'e':
		return pad(b, t.Day(), 2, ' '), true
	case 'F':
		return strftimeOK(b, "%Y-%m-%d", t), true
	case 'H':
		return pad(b, t.Hour(), 2, '0'), true
	case 'I':
		return pad(b, (t.Hour()+11)%12+1, 2, '0'), true
	case 'j':
		return pad(b, yday+1, 3, '0'), true
	case 'm':
		return pad(b, int(t.Month()), 2, '0'), true
	case 'M':
		return pad(b, t.Minute(), 2, '0'), true
	case 'n':
		return append(b, '\n'), true
	case 'p':
		if t.Hour() < 12 {
			return append(b, "AM"...), true
		}
		return append(b, "PM"...), true
	case 'R':
		return strftimeOK(b, "%H:%M", t), true
	case 'S':
		return pad(b, t.Second(), 2, '0'), true
	case 't':
		return append(b, '\t'), true
	case 'T', 'X':
		return strftimeOK(b, "%H:%M:%S", t), true
	case 'u':
		return strconv.AppendInt(b, int64((wday+6)%7+1), 10), true
	case 'U':
		return pad(b, (yday+7-wday)/7, 2, '0'), true
	case 'w':
		return strconv.AppendInt(b, int64(wday), 10), true
	case 'W':
		return pad(b, (yday+7-(wday+6)%7)/7, 2, '0'), true
	case 'y':
		return pad(b, (t.Year()%100+100)%100, 2, '0'), true
	case 'Y':
		return strconv.AppendInt(b, int64(t.Year()), 10), true
	case 'z':
		return append(b, "+0000"...), true
	case 'Z':
		return append(b, "UTC"...), true
	case '%':
		return append(b, '%'), true
	}
	return b, false
}

// strftimeOK is strftime for the formats conversion composes its own from.
func strftimeOK(b []byte, format string, t time.Time) []byte {
	b, _ = strftime(b, format, t)
	return b
}

// pad appends n in at least width digits, filled on the left with fill.
func pad(b []byte, n, width int, fill byte) []byte {
	var buf [20]byte
	digits := strconv.AppendInt(buf[:0], int64(n), 10)
	for i := len(digits); i < width; i++ {
		b = append(b, fill)
	}
	return append(b, digits...)
}
