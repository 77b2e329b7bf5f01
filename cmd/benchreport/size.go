package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/andybalholm/brotli"
)

// pageAssets are the files the page loads before it can run a script,
// when no browser run listed them (pageFetch lines), with the chunks
// index.html preloads (appChunks): cmd/sitebuild writes a brotli copy
// (.br) of each.
var pageAssets = []string{"index.html", "style.css", "help.css", "app.js", "worker.js", "wasm_exec.js", "luaplay.wasm", "favicon.svg"}

// preloadLink is how cmd/sitebuild links from index.html each chunk the
// page's bundle imports statically (cmd/sitebuild/preload.go).
var preloadLink = regexp.MustCompile(`<link rel="modulepreload" href="([^"]+)">`)

// appChunks are the chunks dist/index.html preloads: those app.js imports
// statically, and theirs.
func appChunks(dist string) ([]string, error) {
	page, err := os.ReadFile(filepath.Join(dist, "index.html"))
	if err != nil {
		return nil, fmt.Errorf("the site is not built: %w", err)
	}
	var out []string
	for _, m := range preloadLink.FindAllSubmatch(page, -1) {
		out = append(out, string(m[1]))
	}
	return out, nil
}

// pageFetch is one file the page fetched in Chromium before its first
// output, as web/bench/page.bench.ts prints it: {"pageFetch": {...}}.
type pageFetch struct {
	Path     string `json:"path"`     // URL path, "/" for index.html
	Encoding string `json:"encoding"` // the response's Content-Encoding, "" for none
}

// sizeReport is the page's download and the peer's.
type sizeReport struct {
	assets  []assetSize
	page    int64 // bytes sent: each file in the encoding it was sent in
	fetched bool  // assets are what a browser fetched, not pageAssets
	wasmoon int64
}

type assetSize struct {
	name        string
	raw, gz, br int64
	encoding    string
	sent        int64
}

// readFetches reads the pageFetch lines of the files in dir, in order,
// each path once.
func readFetches(dir string) ([]pageFetch, error) {
	var fs []pageFetch
	seen := map[string]bool{}
	err := eachLine(dir, func(text []byte) {
		var line struct{ PageFetch *pageFetch }
		if json.Unmarshal(text, &line) == nil && line.PageFetch != nil && !seen[line.PageFetch.Path] {
			seen[line.PageFetch.Path] = true
			fs = append(fs, *line.PageFetch)
		}
	})
	return fs, err
}

// downloadSizes sizes what the page fetched (the files of fetches, or
// pageAssets sent as brotli when there are none) from the copies in dist.
func downloadSizes(dist string, fetches []pageFetch) (sizeReport, error) {
	r := sizeReport{fetched: len(fetches) > 0}
	if !r.fetched {
		chunks, err := appChunks(dist)
		if err != nil {
			return r, err
		}
		for _, name := range append(pageAssets[:len(pageAssets):len(pageAssets)], chunks...) {
			fetches = append(fetches, pageFetch{Path: "/" + name, Encoding: "br"})
		}
	}
	for _, f := range fetches {
		a, err := assetSizes(dist, f)
		if err != nil {
			return r, err
		}
		r.assets = append(r.assets, a)
		r.page += a.sent
	}
	return r, nil
}

// wasmoonSize is the peer's download: its index.js and glue.wasm, brotli'd
// as cmd/sitebuild does.
func wasmoonSize() (int64, error) {
	var total int64
	for _, f := range []string{"node_modules/wasmoon/dist/index.js", "node_modules/wasmoon/dist/glue.wasm"} {
		n, err := brotliSize(f)
		if err != nil {
			return 0, err
		}
		total += n
	}
	return total, nil
}

// assetSizes is the file f fetched, raw and in each of dist's copies.
func assetSizes(dist string, f pageFetch) (assetSize, error) {
	name, _, _ := strings.Cut(strings.TrimPrefix(f.Path, "/"), "?")
	if name == "" {
		name = "index.html"
	}
	a := assetSize{name: name, encoding: f.Encoding}
	raw, err := os.Stat(filepath.Join(dist, name))
	if err != nil {
		return a, fmt.Errorf("the site is not built: %w", err)
	}
	a.raw, a.sent = raw.Size(), raw.Size()
	for _, c := range []struct {
		suffix, encoding string
		size             *int64
	}{{".gz", "gzip", &a.gz}, {".br", "br", &a.br}} {
		if st, err := os.Stat(filepath.Join(dist, name+c.suffix)); err == nil {
			*c.size = st.Size()
			if f.Encoding == c.encoding {
				a.sent = st.Size()
			}
		}
	}
	return a, nil
}

func brotliSize(name string) (int64, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return 0, err
	}
	var out bytes.Buffer
	w := brotli.NewWriterOptions(&out, brotli.WriterOptions{Quality: brotli.BestCompression, LGWin: 24}) // as cmd/sitebuild
	w.Write(data)
	if err := w.Close(); err != nil {
		return 0, err
	}
	return int64(out.Len()), nil
}

func writeSizes(b *strings.Builder, s sizeReport) {
	b.WriteString("## Page download\n\n")
	if s.fetched {
		b.WriteString("Every file the page fetched in Chromium from a cold cache up to its first output (web/bench/page.bench.ts), in the encoding the server sent it (Content-Encoding), sized from the copies `cmd/sitebuild` wrote; headers not included (the cold-start result counts them).")
	} else {
		b.WriteString("The files the page loads before it can run a script (no Chromium run listed them), as `cmd/sitebuild` precompresses them with brotli.")
	}
	b.WriteString(" wasmoon's is its `index.js` and `glue.wasm`, compressed the same way.\n\n| file | raw | gzip | brotli | sent as | sent |\n|---|---|---|---|---|---|\n")
	for _, a := range s.assets {
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s | %s |\n", a.name, kib(a.raw), kib(a.gz), kib(a.br), orNone(a.encoding), kib(a.sent))
	}
	fmt.Fprintf(b, "| **total** | | | | | **%s** |\n| wasmoon | | | | br | %s |\n\n", kib(s.page), kib(s.wasmoon))
}

func orNone(s string) string {
	if s == "" {
		return "identity"
	}
	return s
}

func kib(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.2f MiB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%.1f KiB", float64(n)/1024)
}
