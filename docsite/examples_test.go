package docsite

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"reflect"
	"testing"

	"luaplay/luamod"
)

var update = flag.Bool("update", false, "rewrite the docs examples' outputs and the README's API section from what the engine does")

// repo is the repository's layout as seen from this package's directory.
var repo = Config{Docs: "../web/docs", Reference: "../web/src/api.json", Shell: "../web/index.html"}

// runExample runs src as the docs do (default options, virtual time) and
// returns both streams as they interleaved, and the trace.
func runExample(src string) (string, []luamod.Event) {
	rec := &luamod.Recorder{}
	luamod.Run(context.Background(), src, luamod.Options{}, rec)
	return rec.All.String(), rec.Trace
}

// TestDocsExamples runs every example of the docs pages and of the API
// reference, twice, and wants the output written under it, and the same
// output and trace both times.
func TestDocsExamples(t *testing.T) {
	exs, err := repo.AllExamples()
	if err != nil {
		t.Fatal(err)
	}
	if len(exs) < 100 {
		t.Fatalf("found %d examples, want the reference's and the guides'", len(exs))
	}
	got := map[string]string{}
	for _, ex := range exs {
		out, trace := runExample(ex.Source)
		again, trace2 := runExample(ex.Source)
		got[ex.Where] = out
		if again != out || !reflect.DeepEqual(trace, trace2) {
			t.Errorf("%s: a second run differs (output %q, then %q)", ex.Where, out, again)
		}
		if out != ex.Output && !*update {
			t.Errorf("%s: the example prints\n%s\nbut the docs say\n%s", ex.Where, out, ex.Output)
		}
	}
	if *update {
		writeOutputs(t, got)
	}
}

// writeOutputs puts the outputs that the engine printed into the Markdown
// files and the reference.
func writeOutputs(t *testing.T, got map[string]string) {
	t.Helper()
	for _, name := range Pages {
		path := repo.Docs + "/" + name + ".md"
		src, err := os.ReadFile(path)
		if os.IsNotExist(err) {
			continue
		} else if err != nil {
			t.Fatal(err)
		}
		exs, err := MarkdownExamples(path, src)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, UpdateMarkdown(src, exs, got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ref, err := LoadReference(repo.Reference)
	if err != nil {
		t.Fatal(err)
	}
	for i := range ref.Sections {
		for j := range ref.Sections[i].Entries {
			e := &ref.Sections[i].Entries[j]
			e.Output = splitLines(got[repo.Reference+" "+e.Name])
		}
	}
	if err := os.WriteFile(repo.Reference, marshalReference(t, ref), 0o644); err != nil {
		t.Fatal(err)
	}
}

// marshalReference writes the reference as web/src/api.json keeps it:
// two-space indents, and < > & as they are.
func marshalReference(t *testing.T, ref *Reference) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(ref); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestReferenceIsCanonical wants api.json exactly as an update writes it,
// so that an update changes only outputs.
func TestReferenceIsCanonical(t *testing.T) {
	ref, err := LoadReference(repo.Reference)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(repo.Reference)
	if err != nil {
		t.Fatal(err)
	}
	if want := marshalReference(t, ref); !bytes.Equal(data, want) {
		t.Errorf("%s is not in the canonical form; go test ./docsite -update rewrites it", repo.Reference)
	}
}
