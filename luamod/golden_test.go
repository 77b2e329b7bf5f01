package luamod

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden traces in testdata/traces")

// TestGoldenTraces runs every testdata/traces/*.lua and compares its output
// and trace, byte for byte, with the .golden file beside it. The build
// script runs this test natively and under GOOS=js against the same files,
// which proves both give identical traces.
func TestGoldenTraces(t *testing.T) {
	scripts, _ := filepath.Glob("testdata/traces/*.lua")
	if len(scripts) == 0 {
		t.Fatal("no scripts in testdata/traces")
	}
	for _, path := range scripts {
		t.Run(filepath.Base(path), func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			got := goldenRun(t, string(src))
			golden := strings.TrimSuffix(path, ".lua") + ".golden"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -run TestGoldenTraces -update)", err)
			}
			if string(got) != string(want) {
				t.Fatalf("trace differs from %s:\n%s", golden, firstDiff(string(got), string(want)))
			}
		})
	}
}

// goldenRun renders a run as its output, result status and trace, one
// event per line.
func goldenRun(t *testing.T, src string) []byte {
	t.Helper()
	rec := &Recorder{}
	res := Run(context.Background(), src, testOptions(Options{Seed: 1}), rec)
	var b strings.Builder
	b.WriteString("status: " + string(res.Status) + "\n--- output\n" + rec.All.String() + "--- trace\n")
	for _, e := range rec.Trace {
		line, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	return []byte(b.String())
}

// firstDiff shows the first line where got and want differ.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) && i < len(w); i++ {
		if g[i] != w[i] {
			return "line " + strconv.Itoa(i+1) + ":\n got: " + g[i] + "\nwant: " + w[i]
		}
	}
	return "lengths differ: got " + strconv.Itoa(len(g)) + " lines, want " + strconv.Itoa(len(w))
}
