package luamod

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// examplesDir holds the playground's examples. Its index.json lists them in
// menu order with what each promises (Expect, Contains); these tests keep
// those promises true. The promises live there, not in the scripts, so an
// example opens in the editor without test metadata.
const examplesDir = "../web/examples"

// exampleEntry is one entry of index.json.
type exampleEntry struct {
	File     string   `json:"file"`
	Title    string   `json:"title"`
	Expect   string   `json:"expect"`   // ok, error, deadlock or leak
	Contains []string `json:"contains"` // substrings of the whole output, stdout and stderr
}

// exampleIndex reads index.json.
func exampleIndex(t *testing.T) []exampleEntry {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(examplesDir, "index.json"))
	if err != nil {
		t.Fatal(err)
	}
	var index []exampleEntry
	if err := json.Unmarshal(data, &index); err != nil {
		t.Fatalf("index.json: %v", err)
	}
	return index
}

func TestExamples(t *testing.T) {
	index := exampleIndex(t)
	if len(index) < 15 {
		t.Fatalf("want at least 15 examples in %s/index.json, found %d", examplesDir, len(index))
	}
	for _, e := range index {
		t.Run(e.File, func(t *testing.T) {
			t.Parallel()
			src, err := os.ReadFile(filepath.Join(examplesDir, e.File))
			if err != nil {
				t.Fatal(err)
			}
			checkExample(t, e, string(src))
		})
	}
}

// checkExample runs src twice and wants the outcome its entry promises,
// and the same output both times (virtual time is reproducible).
func checkExample(t *testing.T, e exampleEntry, src string) {
	t.Helper()
	if e.Title == "" || !slices.Contains([]string{"ok", "error", "deadlock", "leak"}, e.Expect) {
		t.Fatalf("index.json entry needs a title and an expect of ok, error, deadlock or leak (%+v)", e)
	}
	res, rec := run(t, src)
	if got := exampleOutcome(res); got != e.Expect {
		t.Fatalf("outcome %s (%s %q), want %s\noutput:\n%s", got, res.Status, res.Error, e.Expect, rec.All.String())
	}
	for _, want := range e.Contains {
		if !strings.Contains(rec.All.String(), want) {
			t.Errorf("output lacks %q\noutput:\n%s", want, rec.All.String())
		}
	}
	again := &Recorder{}
	Run(context.Background(), src, testOptions(Options{}), again)
	if again.All.String() != rec.All.String() {
		t.Errorf("a second run printed something else:\n%s\nfirst:\n%s", again.All.String(), rec.All.String())
	}
	if !slices.Equal(again.Trace, rec.Trace) {
		t.Errorf("a second run traced something else:\n%s", firstDiff(formatEvents(again.Trace), formatEvents(rec.Trace)))
	}
}

// exampleOutcome names a result the way index.json does.
func exampleOutcome(res Result) string {
	switch {
	case res.Status == StatusOK && len(res.Stuck) > 0:
		return "leak"
	case res.Status == StatusOK:
		return "ok"
	default:
		return string(res.Status)
	}
}

// testMetadata matches the header lines examples once carried; a user who
// opens an example should see only the explanation and the code.
var testMetadata = regexp.MustCompile(`(?m)^--\s*(Title|Expect|Output contains)\s*:`)

// TestExampleIndex wants index.json to list every example once, and no
// example to show test metadata.
func TestExampleIndex(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(examplesDir, "*.lua"))
	var listed []string
	for _, e := range exampleIndex(t) {
		src, err := os.ReadFile(filepath.Join(examplesDir, e.File))
		if err != nil {
			t.Errorf("index.json names %s: %v", e.File, err)
			continue
		}
		if m := testMetadata.Find(src); m != nil {
			t.Errorf("%s shows test metadata %q: move it to index.json", e.File, m)
		}
		listed = append(listed, e.File)
	}
	for _, f := range files {
		if !slices.Contains(listed, filepath.Base(f)) {
			t.Errorf("%s is not in index.json", filepath.Base(f))
		}
	}
	n := len(listed)
	slices.Sort(listed)
	if len(slices.Compact(listed)) != n {
		t.Errorf("index.json lists a file twice")
	}
}
