package luamod

import "testing"

// checksOf runs src and returns how many times the run checked its limits
// and the caller's Stop.
func checksOf(t *testing.T, src string) int {
	t.Helper()
	s, _ := runSched(t, src)
	return s.checks
}

// A builtin that copies a long string checks the run every copyStep
// bytes, so that Stop and the wall limit end the run in the middle of
// the copy: each of these made its 32 MiB or more in one Go call, which
// took seconds on a slow machine, with a single check before it.
func TestLongCopiesCheckTheRunAsTheyGo(t *testing.T) {
	const prefix = "local s = string.rep('ab', 8 * 1048576)\n" // 16 MiB
	base := checksOf(t, prefix+"local r = s")
	for _, copy := range []string{
		`string.rep("ab", 16 * 1048576)`,
		`string.rep("a", 32 * 1048576)`,
		`(s .. s):upper()`,
		`(s .. s):reverse()`,
		`s .. s`,
		`table.concat({s, s})`,
		`string.format("%s%s", s, s)`,
		`string.format("%q", s)`,
		`os.date(string.rep("%c", 2 * 1048576))`,
	} {
		if n := checksOf(t, prefix+"local r = "+copy) - base; n < 8 {
			t.Errorf("%s: %d checks during the copy, want one every %d bytes", copy, n, copyStep)
		}
	}
}
