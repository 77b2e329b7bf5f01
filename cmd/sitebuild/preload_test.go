package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/evanw/esbuild/pkg/api"
)

// The page's index.html links the chunks app.js imports statically, so
// they download with it; the chunks it loads later with import() are not.
func TestPreloadLinksTheStaticChunksOnly(t *testing.T) {
	dist := t.TempDir()
	page := "<head>\n" + pageScript + "\n</head>"
	if err := os.WriteFile(filepath.Join(dist, "index.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	out := func(name string) string { return filepath.ToSlash(filepath.Join(dist, name)) }
	meta := `{"outputs": {
		"` + out("app.js") + `": {"entryPoint": "` + pageBundle.InputPath + `", "imports": [
			{"path": "` + out("chunks/chunk-B.js") + `", "kind": "import-statement"},
			{"path": "` + out("chunks/extras-C.js") + `", "kind": "dynamic-import"},
			{"path": "` + out("chunks/chunk-A.js") + `", "kind": "import-statement"}]},
		"` + out("chunks/extras-C.js") + `": {"imports": [{"path": "` + out("chunks/chunk-D.js") + `", "kind": "import-statement"}]}}}`
	if err := preloadChunks(dist, api.BuildResult{Metafile: meta}); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(filepath.Join(dist, "index.html"))
	want := "<head>\n<link rel=\"modulepreload\" href=\"chunks/chunk-A.js\">\n<link rel=\"modulepreload\" href=\"chunks/chunk-B.js\">\n" + pageScript + "\n</head>"
	if string(got) != want {
		t.Errorf("index.html:\n%s\nwant:\n%s", got, want)
	}
}

func TestPreloadNeedsThePageScript(t *testing.T) {
	dist := t.TempDir()
	if err := os.WriteFile(filepath.Join(dist, "index.html"), []byte(`<script src="app.js" defer></script>`), 0o644); err != nil {
		t.Fatal(err)
	}
	err := preloadChunks(dist, api.BuildResult{Metafile: `{"outputs": {}}`})
	if err == nil || !strings.Contains(err.Error(), "does not load the page") {
		t.Errorf("err %v", err)
	}
}

// A chunk that a preloaded chunk imports statically is preloaded too.
func TestStaticChunksFollowTheChunksImports(t *testing.T) {
	dist := t.TempDir()
	out := func(name string) string { return filepath.ToSlash(filepath.Join(dist, name)) }
	meta := `{"outputs": {
		"` + out("app.js") + `": {"entryPoint": "` + pageBundle.InputPath + `", "imports": [
			{"path": "` + out("chunks/chunk-A.js") + `", "kind": "import-statement"}]},
		"` + out("chunks/chunk-A.js") + `": {"imports": [{"path": "` + out("chunks/chunk-E.js") + `", "kind": "import-statement"}]}}}`
	got, err := staticChunks(meta, dist)
	if err != nil || strings.Join(got, " ") != "chunks/chunk-A.js chunks/chunk-E.js" {
		t.Errorf("got %v, %v", got, err)
	}
}
