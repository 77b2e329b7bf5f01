package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// page is an HTML page whose <head> starts with head.
func page(head string) string {
	return "<!doctype html>\n<html><head>\n" + head + "\n<title>t</title></head><body>x</body></html>\n"
}

func TestPagePolicyProblem(t *testing.T) {
	for _, c := range []struct {
		name, page, want string
	}{
		{"carries the policy", page(`<meta charset="utf-8">` + cspMeta + `<script src="app.js" defer></script>`), ""},
		{"no tag", page(`<script src="app.js"></script>`), "no Content-Security-Policy"},
		{"another policy", page(`<meta http-equiv="Content-Security-Policy" content="default-src *">`), "not the site's"},
		{"after a script", page(`<script src="a.js"></script>` + cspMeta), "after a <script> tag"},
		{"after a stylesheet", page(`<LINK rel="stylesheet" href="s.css">` + cspMeta), "after a <link> tag"},
		{"in the body", "<html><head></head><body>" + cspMeta + "</body></html>", "after a <body> tag"},
	} {
		got := pagePolicyProblem(c.page)
		if (c.want == "") != (got == "") || !strings.Contains(got, c.want) {
			t.Errorf("%s: problem %q, want %q", c.name, got, c.want)
		}
	}
}

func TestCheckPagesNamesEveryPageWithoutThePolicy(t *testing.T) {
	dist := t.TempDir()
	write := func(rel, text string) {
		t.Helper()
		path := filepath.Join(dist, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("index.html", page(cspMeta))
	write("docs/api.html", page(cspMeta))
	write("notes.txt", "no policy needed")
	if err := checkPages(dist); err != nil {
		t.Fatalf("pages with the policy: %v", err)
	}
	write("docs/guide.html", page(""))
	write("sample/Page.HTML", page(`<script src="embed.js"></script>`))
	err := checkPages(dist)
	if err == nil {
		t.Fatal("pages without the policy passed")
	}
	for _, want := range []string{"docs/guide.html: no Content-Security-Policy", "sample/Page.HTML: no Content-Security-Policy"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not name %q", err, want)
		}
	}
	if strings.Contains(err.Error(), "api.html") || strings.Contains(err.Error(), "index.html") {
		t.Errorf("error %q names a good page", err)
	}
}

// TestSourcePagesCarryThePolicy checks the HTML in web/ before any build.
func TestSourcePagesCarryThePolicy(t *testing.T) {
	pages, err := filepath.Glob(filepath.Join("..", "..", webDir, "*.html"))
	if err != nil || len(pages) == 0 {
		t.Fatalf("no pages in web/: %v", err)
	}
	for _, p := range pages {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if problem := pagePolicyProblem(string(data)); problem != "" {
			t.Errorf("%s: %s", p, problem)
		}
	}
}
