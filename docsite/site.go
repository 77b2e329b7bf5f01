package docsite

import (
	"bytes"
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// Pages are the docs site's pages in the order of its navigation. Each is
// NAME.md of the docs directory, except api, which the reference writes.
var Pages = []string{
	"index", "spawn-and-wait", "async-await", "pools", "channels", "select",
	"mutexes", "context", "pipelines", "workflows", "run-model", "embedding", "api",
}

// refPage is the page that Reference.Markdown writes.
const refPage = "api"

// Config says where the docs come from and where the site goes.
type Config struct {
	Docs      string // the Markdown pages and docs.css: web/docs
	Reference string // web/src/api.json
	Shell     string // web/index.html, whose Content-Security-Policy every page copies
	Out       string // dist/docs
}

// DefaultConfig is the repository's layout, relative to its root.
func DefaultConfig(out string) Config {
	return Config{Docs: "web/docs", Reference: "web/src/api.json", Shell: "web/index.html", Out: out}
}

// Build writes every page of the site, and its stylesheet, into c.Out.
func Build(c Config) error {
	sources, err := c.sources()
	if err != nil {
		return err
	}
	csp, err := shellCSP(c.Shell)
	if err != nil {
		return err
	}
	if csp == "" {
		return fmt.Errorf("%s has no Content-Security-Policy meta tag for the docs pages to carry", c.Shell)
	}
	if err := os.MkdirAll(c.Out, 0o755); err != nil {
		return err
	}
	nav := make([]navItem, len(Pages))
	for i, name := range Pages {
		nav[i] = navItem{File: name + ".html", Title: pageTitle(sources[name])}
	}
	md := newMarkdown()
	for i, name := range Pages {
		var body bytes.Buffer
		if err := md.Convert(sources[name], &body); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		p := page{CSP: template.HTML(csp), Title: nav[i].Title, Body: template.HTML(body.String()), Nav: nav, Current: i}
		if err := writePage(filepath.Join(c.Out, name+".html"), p); err != nil {
			return err
		}
	}
	return copyFile(filepath.Join(c.Docs, "docs.css"), filepath.Join(c.Out, "docs.css"))
}

// sources reads the Markdown of every page, the reference's included,
// and fails when a Markdown file is not a page or a page has no file.
func (c Config) sources() (map[string][]byte, error) {
	files, err := filepath.Glob(filepath.Join(c.Docs, "*.md"))
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".md")
		if !slices.Contains(Pages, name) || name == refPage {
			return nil, fmt.Errorf("%s is not one of the docs pages (docsite.Pages)", f)
		}
		if out[name], err = os.ReadFile(f); err != nil {
			return nil, err
		}
	}
	ref, err := LoadReference(c.Reference)
	if err != nil {
		return nil, err
	}
	out[refPage] = []byte(ref.Markdown())
	for _, name := range Pages {
		if out[name] == nil {
			return nil, fmt.Errorf("docs page %s has no %s.md in %s", name, name, c.Docs)
		}
	}
	return out, nil
}

var cspMeta = regexp.MustCompile(`<meta http-equiv="Content-Security-Policy"[^>]*>`)

// shellCSP is the playground page's Content-Security-Policy meta tag, so
// the docs pages carry the same policy; "" when the page has none.
func shellCSP(shell string) (string, error) {
	data, err := os.ReadFile(shell)
	if err != nil {
		return "", err
	}
	return string(cspMeta.Find(data)), nil
}

// pageTitle is the text of the page's first "# " heading.
func pageTitle(md []byte) string {
	for _, line := range strings.Split(string(md), "\n") {
		if title, ok := strings.CutPrefix(line, "# "); ok {
			return strings.TrimSpace(title)
		}
	}
	return "Untitled"
}

func copyFile(src, dst string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, data, 0o644)
}
