package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// pageScript is how index.html loads the page's bundle; preloadChunks puts
// the links to the chunks it imports statically in front of it.
const pageScript = `<script type="module" src="app.js"></script>`

// staticChunks are the files the page's bundle imports statically (its
// shared chunks) and the ones those import, as dist-relative URLs, from
// esbuild's metafile. The chunks it loads with import() are not among them.
func staticChunks(metafile, dist string) ([]string, error) {
	type output struct {
		EntryPoint string `json:"entryPoint"`
		Imports    []struct {
			Path string `json:"path"`
			Kind string `json:"kind"`
		} `json:"imports"`
	}
	var meta struct {
		Outputs map[string]output `json:"outputs"`
	}
	if err := json.Unmarshal([]byte(metafile), &meta); err != nil {
		return nil, fmt.Errorf("esbuild's metafile: %w", err)
	}
	root, err := filepath.Abs(dist)
	if err != nil {
		return nil, err
	}
	var queue []output
	for _, out := range meta.Outputs {
		if out.EntryPoint == pageBundle.InputPath {
			queue = append(queue, out)
		}
	}
	var chunks []string
	seen := map[string]bool{}
	for len(queue) > 0 {
		out := queue[0]
		queue = queue[1:]
		for _, imp := range out.Imports {
			if imp.Kind != "import-statement" || seen[imp.Path] {
				continue
			}
			seen[imp.Path] = true
			abs, err := filepath.Abs(filepath.FromSlash(imp.Path))
			if err != nil {
				return nil, err
			}
			rel, err := filepath.Rel(root, abs)
			if err != nil {
				return nil, err
			}
			chunks = append(chunks, filepath.ToSlash(rel))
			queue = append(queue, meta.Outputs[imp.Path])
		}
	}
	sort.Strings(chunks)
	return chunks, nil
}

// preloadChunks adds a modulepreload link for each chunk to dist's
// index.html: the browser then fetches them with app.js instead of after
// it, and the engine, which app.js starts once they have run, starts
// loading no later than when the page was one file.
func preloadChunks(dist string, res api.BuildResult) error {
	chunks, err := staticChunks(res.Metafile, dist)
	if err != nil {
		return err
	}
	index := filepath.Join(dist, "index.html")
	page, err := os.ReadFile(index)
	if err != nil {
		return err
	}
	if !strings.Contains(string(page), pageScript) {
		return fmt.Errorf("web/index.html does not load the page with %s", pageScript)
	}
	var links strings.Builder
	for _, c := range chunks {
		fmt.Fprintf(&links, "<link rel=\"modulepreload\" href=\"%s\">\n", c)
	}
	out := strings.Replace(string(page), pageScript, links.String()+pageScript, 1)
	return os.WriteFile(index, []byte(out), 0o644)
}
