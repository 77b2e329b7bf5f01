package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// The page download counts each file the browser fetched in the encoding
// it was sent in, from the copies in dist.
func TestDownloadSizesCountWhatTheBrowserFetched(t *testing.T) {
	in, dist := t.TempDir(), t.TempDir()
	writeFiles(t, in, map[string]string{"web.log": `chromium: cold start
{"pageFetch":{"path":"/","encoding":"br"}}
{"pageFetch":{"path":"/luaplay.wasm","encoding":"br"}}
{"pageFetch":{"path":"/examples/hello.lua?x=1","encoding":"gzip"}}
{"pageFetch":{"path":"/favicon.svg","encoding":""}}
{"pageFetch":{"path":"/luaplay.wasm","encoding":"br"}}
`})
	writeFiles(t, dist, map[string]string{
		"index.html": "0123456789", "index.html.br": "012", "index.html.gz": "0123",
		"luaplay.wasm": strings.Repeat("w", 1000), "luaplay.wasm.br": strings.Repeat("b", 100), "luaplay.wasm.gz": strings.Repeat("g", 200),
		"examples/hello.lua": "print(1)", "examples/hello.lua.gz": "pr", "favicon.svg": "<svg/>",
	})
	fetches, err := readFetches(in)
	if err != nil {
		t.Fatal(err)
	}
	r, err := downloadSizes(dist, fetches)
	if err != nil {
		t.Fatal(err)
	}
	if want := int64(3 + 100 + 2 + 6); r.page != want || !r.fetched || len(r.assets) != 4 {
		t.Fatalf("page %d bytes from %d assets (fetched %v), want %d from 4: %+v", r.page, len(r.assets), r.fetched, want, r.assets)
	}
	if a := r.assets[1]; a.name != "luaplay.wasm" || a.raw != 1000 || a.gz != 200 || a.br != 100 {
		t.Errorf("wasm sizes %+v", a)
	}
	var b strings.Builder
	writeSizes(&b, r)
	if !strings.Contains(b.String(), "| examples/hello.lua | 0.0 KiB | 0.0 KiB | 0.0 KiB | gzip | 0.0 KiB |") {
		t.Errorf("table:\n%s", b.String())
	}
}

// Without a browser run, the page's known files count as brotli.
func TestDownloadSizesWithoutABrowserRun(t *testing.T) {
	dist := t.TempDir()
	files := map[string]string{}
	for _, name := range pageAssets {
		files[name], files[name+".br"] = "raw raw", "br"
	}
	// The chunks index.html preloads count (app.js's static imports, and
	// theirs); what app.js loads later does not.
	files["index.html"] = `<link rel="modulepreload" href="chunks/chunk-A.js">` + "\n" +
		`<link rel="modulepreload" href="chunks/chunk-B.js">` + "\n" + `<script type="module" src="app.js"></script>`
	files["app.js"] = `import{a as b}from"./chunks/chunk-A.js";import("./chunks/extras-C.js")`
	files["chunks/chunk-A.js"], files["chunks/chunk-A.js.br"] = `import{c}from"./chunk-B.js";`, "br"
	files["chunks/chunk-B.js"], files["chunks/chunk-B.js.br"] = "b", "br"
	files["chunks/extras-C.js"], files["chunks/extras-C.js.br"] = "c", "br"
	writeFiles(t, dist, files)
	r, err := downloadSizes(dist, nil)
	if err != nil || r.fetched || r.page != int64(2*(len(pageAssets)+2)) {
		t.Fatalf("%+v, %v", r, err)
	}
	if got := r.assets[len(r.assets)-1].name; got != "chunks/chunk-B.js" {
		t.Errorf("last asset %s, want chunks/chunk-B.js", got)
	}
}
