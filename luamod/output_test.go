package luamod

import (
	"slices"
	"testing"
)

// TestOutputKnowsWhoWroteItAndWhen: each chunk of output carries the
// goroutine that wrote it and the run-clock time, which the page uses to
// tie output lines to the timeline.
func TestOutputKnowsWhoWroteItAndWhen(t *testing.T) {
	res, rec := run(t, `
goroutine.spawn(function() goroutine.sleep(30) print("late") end)
goroutine.spawn(function() goroutine.sleep(10) print("early") end)
print("main")
goroutine.sleep(50)
error("boom")`)
	if res.Status != StatusError {
		t.Fatalf("status %s, want error", res.Status)
	}
	var got []OutputChunk
	for _, c := range rec.Chunks {
		got = append(got, OutputChunk{Stream: c.Stream, Text: c.Text, G: c.G, T: c.T / 1000 * 1000})
	}
	want := []OutputChunk{
		{Stream: "stdout", Text: "main\n", G: 1, T: 0},
		{Stream: "stdout", Text: "early\n", G: 3, T: 10000},
		{Stream: "stdout", Text: "late\n", G: 2, T: 30000},
	}
	if len(got) < 4 || !slices.Equal(got[:3], want) {
		t.Fatalf("chunks %+v, want first %+v", got, want)
	}
	if last := got[len(got)-1]; last.Stream != "stderr" || last.G != 1 || last.T < 50000 {
		t.Errorf("error report %+v, want stderr from goroutine 1 at 50 ms or later", last)
	}
}
