package luamod

import (
	"cmp"
	"context"
	"regexp"
	"strings"
	"testing"
)

// run executes src with default options (testOptions) and returns the
// result and recorder.
func run(t *testing.T, src string, opts ...Options) (Result, *Recorder) {
	t.Helper()
	var o Options
	if len(opts) > 0 {
		o = opts[0]
	}
	rec := &Recorder{}
	res := Run(context.Background(), src, testOptions(o), rec)
	return res, rec
}

// testOptions gives o the wall limit safetyWall unless it sets one: a test
// that is not about the wall limit must not end by it when the machine is
// busy (the examples run under -race, in parallel, on shared cores).
func testOptions(o Options) Options {
	o.WallTimeout = cmp.Or(o.WallTimeout, Millis(safetyWall))
	return o
}

// runSched runs src with default options on a scheduler of its own,
// which it returns with the recorder, for tests that read the run's
// counters; it wants the run to succeed.
func runSched(t *testing.T, src string) (*sched, *Recorder) {
	t.Helper()
	opts, err := testOptions(Options{}).withDefaults()
	if err != nil {
		t.Fatal(err)
	}
	rec := &Recorder{}
	s := newSched(opts, rec)
	if res := s.run(context.Background(), src); !res.OK() {
		t.Fatalf("run failed: %s %s\n%s", res.Status, res.Error, rec.Stderr.String())
	}
	return s, rec
}

// expectOutput runs src and wants success with exactly this stdout.
func expectOutput(t *testing.T, src, want string) {
	t.Helper()
	res, rec := run(t, src)
	if !res.OK() {
		t.Fatalf("run failed: %s %s\nstderr:\n%s", res.Status, res.Error, rec.Stderr.String())
	}
	if got := rec.Stdout.String(); got != want {
		t.Fatalf("stdout:\n%s\nwant:\n%s", got, want)
	}
}

// expectError runs src and wants a failed run whose error matches pattern.
func expectError(t *testing.T, src, pattern string) Result {
	t.Helper()
	res, rec := run(t, src)
	if res.OK() {
		t.Fatalf("run succeeded, want error %q; stdout:\n%s", pattern, rec.Stdout.String())
	}
	if !regexp.MustCompile(pattern).MatchString(res.Error) {
		t.Fatalf("error %q does not match %q\nstderr:\n%s", res.Error, pattern, rec.Stderr.String())
	}
	return res
}

// expectEvents runs src and wants exactly these events, one per line in
// the compact form of formatEvent.
func expectEvents(t *testing.T, src, want string) {
	t.Helper()
	_, rec := run(t, src)
	if got := formatEvents(rec.Trace); got != strings.TrimSpace(want) {
		t.Fatalf("events:\n%s\nwant:\n%s", got, strings.TrimSpace(want))
	}
}

// matches reports whether text matches the regular expression pattern.
func matches(pattern, text string) bool { return regexp.MustCompile(pattern).MatchString(text) }
