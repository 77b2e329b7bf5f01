package docsite

import (
	"html"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// builtSite builds the docs into a temporary dist/docs and returns dist.
func builtSite(t *testing.T) string {
	t.Helper()
	dist := t.TempDir()
	c := repo
	c.Out = filepath.Join(dist, "docs")
	if err := Build(c); err != nil {
		t.Fatal(err)
	}
	return dist
}

var (
	linkAttr = regexp.MustCompile(`\s(?:href|src)="([^"]*)"`)
	idAttr   = regexp.MustCompile(`\sid="([^"]*)"`)
)

// siteFile reports whether the site build puts name (a path in dist/
// outside docs/) there: a static file of web/, or a bundle of web/src.
func siteFile(name string) bool {
	if name == "" || name == "index.html" {
		name = "index.html"
	}
	if js, ok := strings.CutSuffix(name, ".js"); ok {
		_, err := os.Stat(filepath.Join("../web/src", js+".ts"))
		return err == nil
	}
	_, err := os.Stat(filepath.Join("../web", name))
	return err == nil
}

// TestDocsLinks wants every link and script of every page to reach a
// file of the built site, and every #fragment an id of its page.
func TestDocsLinks(t *testing.T) {
	dist := builtSite(t)
	pages, _ := filepath.Glob(filepath.Join(dist, "docs", "*.html"))
	if len(pages) != len(Pages) {
		t.Fatalf("built %d pages, want %d", len(pages), len(Pages))
	}
	ids := map[string][]string{}
	texts := map[string]string{}
	for _, p := range pages {
		data, _ := os.ReadFile(p)
		name := "docs/" + filepath.Base(p)
		texts[name] = string(data)
		for _, m := range idAttr.FindAllStringSubmatch(string(data), -1) {
			ids[name] = append(ids[name], html.UnescapeString(m[1]))
		}
	}
	checked := 0
	for name, text := range texts {
		for _, m := range linkAttr.FindAllStringSubmatch(text, -1) {
			u, err := url.Parse(html.UnescapeString(m[1]))
			if err != nil {
				t.Errorf("%s: bad link %q", name, m[1])
				continue
			}
			if u.Scheme != "" || u.Host != "" {
				continue
			}
			target := name
			if u.Path != "" {
				target = path.Join(path.Dir(name), u.Path)
			}
			checked++
			switch {
			case strings.HasPrefix(target, "docs/") && texts[target] == "" && !exists(filepath.Join(dist, target)):
				t.Errorf("%s links to %s, which the docs build does not write", name, m[1])
			case !strings.HasPrefix(target, "docs/") && !siteFile(target):
				t.Errorf("%s links to %s, which the site build does not write", name, m[1])
			case u.Fragment != "" && !slices.Contains(ids[target], u.Fragment):
				t.Errorf("%s links to %s, but %s has no id %q", name, m[1], target, u.Fragment)
			}
		}
	}
	if checked < 200 {
		t.Errorf("checked only %d links", checked)
	}
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// TestDocsPagesCarryThePolicy wants every page to carry the playground
// page's Content-Security-Policy, and to load nothing inline.
func TestDocsPagesCarryThePolicy(t *testing.T) {
	want, err := shellCSP(repo.Shell)
	if err != nil || want == "" {
		t.Fatalf("web/index.html has no Content-Security-Policy meta tag to copy (%v)", err)
	}
	dist := builtSite(t)
	for _, name := range Pages {
		data, err := os.ReadFile(filepath.Join(dist, "docs", name+".html"))
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		if !strings.Contains(text, want) {
			t.Errorf("%s.html lacks the policy %s", name, want)
		}
		if regexp.MustCompile(`<script>|<style|\sstyle="|\son\w+="`).MatchString(text) {
			t.Errorf("%s.html has an inline script or style", name)
		}
	}
}

// TestDocsExamplesBecomeEmbeds wants every example rendered as a
// pre.lua-goroutine with only the options embed.js knows, followed by its
// expected output.
func TestDocsExamplesBecomeEmbeds(t *testing.T) {
	known := []string{"title", "timeline", "real-time", "readonly", "timeout"}
	exs, err := repo.AllExamples()
	if err != nil {
		t.Fatal(err)
	}
	for _, ex := range exs {
		for _, kv := range ex.Attrs {
			if !slices.Contains(known, kv[0]) {
				t.Errorf("%s: unknown example option %q", ex.Where, kv[0])
			}
		}
	}
	dist := builtSite(t)
	block := regexp.MustCompile(`(?s)<pre class="lua-goroutine"[^>]*>.*?</pre>\n(<div class="docs-output">)?`)
	total := 0
	for _, name := range Pages {
		data, _ := os.ReadFile(filepath.Join(dist, "docs", name+".html"))
		for _, m := range block.FindAllStringSubmatch(string(data), -1) {
			total++
			if m[1] == "" {
				t.Errorf("%s.html: an example without its output under it", name)
			}
		}
	}
	if total != len(exs) {
		t.Errorf("the pages hold %d live examples, the sources %d", total, len(exs))
	}
}
