package luamod

import "testing"

// The virtual epoch is Tuesday 10 November 2009, 23:00:00 UTC: day 314
// of the year, in week 45 counted from Sundays and from Mondays.
func TestOsDateFormatsEveryConversionInUTC(t *testing.T) {
	expectOutput(t, `
print(os.date("%a %A %b %B %h|%c"))
print(os.date("%C %d %D %e %F %H %I %j %m %M %p %R %S %T %u %U %w %W %x %X %y %Y %z %Z %%"))
print(os.date("!%Y-%m-%dT%H:%M:%S", 0), os.date("%I %p|%n|%t|", 12 * 3600 + 5))
print(os.date("%j %U %W", os.time({year = 2023, month = 1, day = 1})), os.date("%e", os.time({year = 2023, month = 1, day = 9})))
`, "Tue Tuesday Nov November Nov|Tue Nov 10 23:00:00 2009\n"+
		"20 10 11/10/09 10 2009-11-10 23 11 314 11 00 PM 23:00 00 23:00:00 2 45 2 45 11/10/09 23:00:00 09 2009 +0000 UTC %\n"+
		"1970-01-01T00:00:00\t12 PM|\n|\t|\n"+
		"001 01 00\t 9\n")
}

func TestOsDateGivesATable(t *testing.T) {
	expectOutput(t, `
local d = os.date("*t")
print(d.year, d.month, d.day, d.hour, d.min, d.sec, d.wday, d.yday, d.isdst)
d = os.date("!*t", 86400 * 59)
print(d.year, d.month, d.day, d.wday, d.yday)
print(os.time(os.date("*t", 1234567890)) == 1234567890)
`, "2009\t11\t10\t23\t0\t0\t3\t314\tfalse\n1970\t3\t1\t1\t60\ntrue\n")
}

func TestOsDateRefusesWhatItCannotFormat(t *testing.T) {
	expectError(t, `os.date("%Q")`, `bad argument #1 to date \(invalid conversion specifier '%Q'\)`)
	expectError(t, `os.date("100%")`, `invalid conversion specifier '%'`)
	expectError(t, `os.date("%Y", 0/0)`, `bad argument #2 to date \(time out of range\)`)
	expectError(t, `os.date("%Y", "soon")`, `bad argument #2 to date \(number expected, got string\)`)
}
