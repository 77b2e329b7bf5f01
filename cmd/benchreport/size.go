package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/andybalholm/brotli"
)

// pageAssets are the files the page loads before it can run a script:
// cmd/sitebuild writes a brotli copy (.br) of each.
var pageAssets = []string{"index.html", "style.css", "app.js", "worker.js", "wasm_exec.js", "luaplay.wasm", "favicon.svg"}

// sizeReport is the page's download and the peer's, brotli-compressed.
type sizeReport struct {
	assets  []assetSize
	page    int64
	wasmoon int64
}

type assetSize struct {
	name    string
	raw, br int64
}

func downloadSizes(dist string) (sizeReport, error) {
	var r sizeReport
	for _, name := range pageAssets {
		raw, err := os.Stat(filepath.Join(dist, name))
		if err != nil {
			return r, fmt.Errorf("the site is not built: %w", err)
		}
		br, err := os.Stat(filepath.Join(dist, name+".br"))
		size := raw.Size()
		if err == nil {
			size = br.Size()
		}
		r.assets = append(r.assets, assetSize{name, raw.Size(), size})
		r.page += size
	}
	for _, f := range []string{"node_modules/wasmoon/dist/index.js", "node_modules/wasmoon/dist/glue.wasm"} {
		n, err := brotliSize(f)
		if err != nil {
			return r, err
		}
		r.wasmoon += n
	}
	return r, nil
}

func brotliSize(name string) (int64, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return 0, err
	}
	var out bytes.Buffer
	w := brotli.NewWriterLevel(&out, brotli.BestCompression)
	w.Write(data)
	if err := w.Close(); err != nil {
		return 0, err
	}
	return int64(out.Len()), nil
}

func writeSizes(b *strings.Builder, s sizeReport) {
	b.WriteString("## Page download\n\nWhat the page loads before it can run a script, as `cmd/sitebuild` precompresses it. wasmoon's is its `index.js` and `glue.wasm`, compressed the same way.\n\n| file | raw | brotli |\n|---|---|---|\n")
	for _, a := range s.assets {
		fmt.Fprintf(b, "| %s | %s | %s |\n", a.name, kib(a.raw), kib(a.br))
	}
	fmt.Fprintf(b, "| **total** | | **%s** |\n| wasmoon | | %s |\n\n", kib(s.page), kib(s.wasmoon))
}

func kib(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.2f MiB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%.1f KiB", float64(n)/1024)
}
