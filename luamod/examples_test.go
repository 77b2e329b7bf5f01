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

// examplesDir holds the playground's examples; this test keeps each one's
// promise (its Expect and Output contains header lines) true.
const examplesDir = "../web/examples"

// exampleHeader is what an example's leading comment lines promise.
type exampleHeader struct {
	Title    string
	Expect   string   // ok, error, deadlock or leak
	Contains []string // substrings of the whole output, stdout and stderr
}

// parseExampleHeader reads the "-- Key: value" lines at the top of src.
func parseExampleHeader(src string) exampleHeader {
	var h exampleHeader
	for _, line := range strings.Split(src, "\n") {
		if !strings.HasPrefix(line, "--") {
			break
		}
		key, value, ok := strings.Cut(strings.TrimSpace(strings.TrimPrefix(line, "--")), ":")
		if !ok {
			continue
		}
		value = strings.TrimSpace(value)
		switch key {
		case "Title":
			h.Title = value
		case "Expect":
			h.Expect = value
		case "Output contains":
			h.Contains = append(h.Contains, value)
		}
	}
	return h
}

func TestExamples(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(examplesDir, "*.lua"))
	if err != nil || len(files) < 15 {
		t.Fatalf("want at least 15 examples in %s, found %d (%v)", examplesDir, len(files), err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			t.Parallel()
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			checkExample(t, string(src))
		})
	}
}

// checkExample runs src twice and wants the outcome its header promises,
// and the same output both times (virtual time is reproducible).
func checkExample(t *testing.T, src string) {
	t.Helper()
	h := parseExampleHeader(src)
	if h.Title == "" || h.Expect == "" {
		t.Fatalf("header lacks -- Title: or -- Expect: (%+v)", h)
	}
	res, rec := run(t, src)
	if got := exampleOutcome(res); got != h.Expect {
		t.Fatalf("outcome %s (%s %q), want %s\noutput:\n%s", got, res.Status, res.Error, h.Expect, rec.All.String())
	}
	for _, want := range h.Contains {
		if !strings.Contains(rec.All.String(), want) {
			t.Errorf("output lacks %q\noutput:\n%s", want, rec.All.String())
		}
	}
	again := &Recorder{}
	Run(context.Background(), src, Options{}, again)
	if again.All.String() != rec.All.String() {
		t.Errorf("a second run printed something else:\n%s\nfirst:\n%s", again.All.String(), rec.All.String())
	}
}

// exampleOutcome names a result the way example headers do.
func exampleOutcome(res Result) string {
	switch {
	case res.Status == StatusOK && len(res.Stuck) > 0:
		return "leak"
	case res.Status == StatusOK:
		return "ok"
	default:
		return res.Status
	}
}

// TestExampleIndex wants index.json to list every example once, with the
// title of its header, so the page's Examples menu matches the files.
func TestExampleIndex(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(examplesDir, "index.json"))
	if err != nil {
		t.Fatal(err)
	}
	var index []struct{ File, Title string }
	if err := json.Unmarshal(data, &index); err != nil {
		t.Fatalf("index.json: %v", err)
	}
	files, _ := filepath.Glob(filepath.Join(examplesDir, "*.lua"))
	var listed []string
	for _, e := range index {
		src, err := os.ReadFile(filepath.Join(examplesDir, e.File))
		if err != nil {
			t.Errorf("index.json names %s: %v", e.File, err)
			continue
		}
		if got := parseExampleHeader(string(src)).Title; got != e.Title {
			t.Errorf("%s: index.json title %q, header title %q", e.File, e.Title, got)
		}
		listed = append(listed, e.File)
	}
	for _, f := range files {
		if !slices.Contains(listed, filepath.Base(f)) {
			t.Errorf("%s is not in index.json", filepath.Base(f))
		}
	}
	slices.Sort(listed)
	if len(slices.Compact(listed)) != len(index) {
		t.Errorf("index.json lists a file twice")
	}
}

func TestParseExampleHeader(t *testing.T) {
	h := parseExampleHeader("-- Title: T\n-- Expect: leak\n-- Output contains: a: b\n--\n-- Expect: later text\nprint(1)\n-- Output contains: not header")
	want := exampleHeader{Title: "T", Expect: "later text", Contains: []string{"a: b"}}
	if h.Title != want.Title || h.Expect != want.Expect || !slices.Equal(h.Contains, want.Contains) {
		t.Fatalf("got %+v, want %+v", h, want)
	}
}

// TestAPIHelpCoversModule wants web/src/api.ts, the editor's completion and
// hover help, to document exactly the functions of the goroutine module.
func TestAPIHelpCoversModule(t *testing.T) {
	data, err := os.ReadFile("../web/src/api.ts")
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`name: "(\w+)", signature: "goroutine\.(\w+)\(`)
	var documented []string
	for _, m := range re.FindAllStringSubmatch(string(data), -1) {
		if m[1] != m[2] {
			t.Errorf("api.ts entry %s has the signature of goroutine.%s", m[1], m[2])
		}
		documented = append(documented, m[1])
	}
	slices.Sort(documented)
	res, rec := run(t, `local names = {}
for k in pairs(goroutine) do names[#names + 1] = k end
table.sort(names)
print(table.concat(names, " "))`)
	if !res.OK() {
		t.Fatalf("%s: %s", res.Status, res.Error)
	}
	module := strings.Fields(rec.Stdout.String())
	if !slices.Equal(documented, module) {
		t.Errorf("api.ts documents\n%v\nthe module has\n%v", documented, module)
	}
}
