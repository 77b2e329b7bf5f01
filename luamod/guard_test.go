package luamod

import (
	"context"
	"runtime/metrics"
	"strings"
	"testing"
	"time"
)

// bounded is an adversarial script: whatever it does, its run must end
// with status and an error matching want, within its wall limit plus a
// second, and without the process growing by more than a few times the
// memory limit.
type bounded struct {
	name, src string
	opts      Options
	status    Status
	want      string // regular expression the result's error must match
}

// Defaults of a bounded case's options: small, so big inputs stay fast.
const (
	boundedWall   = time.Second
	boundedMemory = 64 << 20
)

// expectBounded runs every case as a subtest and returns nothing: each
// failure names its case.
func expectBounded(t *testing.T, cases []bounded) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { runBounded(t, c) })
	}
}

// runBounded runs one case and checks status, message, time and memory. It
// returns the recorder for further checks.
func runBounded(t *testing.T, c bounded) *Recorder {
	t.Helper()
	opts := c.opts
	if opts.WallTimeout == 0 {
		opts.WallTimeout = Millis(boundedWall)
	}
	if opts.MaxMemory == 0 {
		opts.MaxMemory = boundedMemory
	}
	rec := &Recorder{}
	before := processBytes()
	start := time.Now()
	done := make(chan Result, 1)
	go func() { done <- Run(context.Background(), c.src, opts, rec) }()
	var res Result
	select {
	case res = <-done:
	case <-time.After(time.Duration(opts.WallTimeout) + 20*time.Second):
		t.Fatalf("still running %v after its %v wall limit", time.Duration(opts.WallTimeout)+20*time.Second, opts.WallTimeout)
	}
	took := time.Since(start)
	if res.Status != c.status || !matches(c.want, res.Error) {
		t.Fatalf("status %s, error %q; want %s matching %q\nstderr:\n%s", res.Status, clip(res.Error, 300), c.status, c.want, clip(rec.Stderr.String(), 2000))
	}
	if took > time.Duration(opts.WallTimeout)+time.Second {
		t.Errorf("took %v, more than its wall limit %v plus 1 s", took, opts.WallTimeout)
	}
	if grown := processBytes() - before; grown > 4*opts.MaxMemory+(64<<20) {
		t.Errorf("the process grew by %d MiB with a %d MiB memory limit", grown>>20, opts.MaxMemory>>20)
	}
	return rec
}

// processBytes is the memory the Go runtime holds from the system. It
// never shrinks, so a growth between two readings is a new peak.
func processBytes() int64 {
	sample := []metrics.Sample{{Name: "/memory/classes/total:bytes"}}
	metrics.Read(sample)
	return int64(sample[0].Value.Uint64())
}

// lastLine is the last line of text.
func lastLine(text string) string {
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	return lines[len(lines)-1]
}
