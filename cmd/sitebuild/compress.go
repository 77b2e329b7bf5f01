package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"sync"

	"github.com/andybalholm/brotli"
)

// compressible are the extensions that get .gz and .br copies: text and
// wasm; images are compressed already.
var compressible = map[string]bool{
	".wasm": true, ".js": true, ".css": true, ".html": true, ".json": true, ".map": true,
	".svg": true, ".txt": true, ".lua": true, ".webmanifest": true,
}

// encodings are the precompressed copies, by file suffix, in the server's
// order of preference. cacheKey names a copy in the compress cache: a new
// one when the compressor's settings change.
var encodings = []struct {
	suffix, name, cacheKey string
	compress               func(io.Writer, []byte) error
}{
	{".br", "br", ".w24.br", compressBrotli},
	{".gz", "gzip", ".gz", compressGzip},
}

// asset is one file of the site and the sizes of its copies (0: none).
type asset struct {
	name        string
	raw, gz, br int64
}

func compressGzip(w io.Writer, data []byte) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write(data); err != nil {
		return err
	}
	return zw.Close()
}

// brotliOptions are the best quality and the largest window the format
// allows (16 MiB: RFC 7932's 24 bits, which every browser decodes). The
// library's default window of 4 MiB is smaller than the wasm, which the
// largest window makes 0.5 KB smaller.
var brotliOptions = brotli.WriterOptions{Quality: brotli.BestCompression, LGWin: 24}

func compressBrotli(w io.Writer, data []byte) error {
	bw := brotli.NewWriterOptions(w, brotliOptions)
	if _, err := bw.Write(data); err != nil {
		return err
	}
	return bw.Close()
}

// compressAll writes the precompressed copies of every compressible file
// in dist, one file per CPU at a time, and returns every file's sizes.
// cache may be nil.
func compressAll(dist string, cache *compressCache) ([]asset, error) {
	var names []string
	err := filepath.WalkDir(dist, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, path)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	assets := make([]asset, len(names))
	errs := make([]error, len(names))
	sem := make(chan struct{}, runtime.NumCPU())
	var wg sync.WaitGroup
	for i, path := range names {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			assets[i], errs[i] = compressFile(dist, path, cache)
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	sort.Slice(assets, func(i, j int) bool { return assets[i].name < assets[j].name })
	return assets, nil
}

// compressFile writes path.br and path.gz when its kind is compressible.
func compressFile(dist, path string, cache *compressCache) (asset, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return asset{}, err
	}
	rel, err := filepath.Rel(dist, path)
	if err != nil {
		return asset{}, err
	}
	a := asset{name: filepath.ToSlash(rel), raw: int64(len(data))}
	if !compressible[filepath.Ext(path)] {
		return a, nil
	}
	for _, enc := range encodings {
		out, err := cache.get(data, enc.cacheKey, func() ([]byte, error) {
			var buf bytes.Buffer
			err := enc.compress(&buf, data)
			return buf.Bytes(), err
		})
		if err != nil {
			return asset{}, fmt.Errorf("%s %s: %w", enc.name, rel, err)
		}
		if err := os.WriteFile(path+enc.suffix, out, 0o644); err != nil {
			return asset{}, err
		}
		if enc.name == "br" {
			a.br = int64(len(out))
		} else {
			a.gz = int64(len(out))
		}
	}
	return a, nil
}

// printSizes writes a table of every asset's size raw, gzipped and brotli'd.
func printSizes(w io.Writer, assets []asset) {
	width := len("total")
	for _, a := range assets {
		width = max(width, len(a.name))
	}
	row := func(name, raw, gz, br string) {
		fmt.Fprintf(w, "%-*s  %10s  %10s  %10s\n", width, name, raw, gz, br)
	}
	row("asset", "raw", "gz", "br")
	var total asset
	for _, a := range assets {
		row(a.name, size(a.raw), size(a.gz), size(a.br))
		total.raw, total.gz, total.br = total.raw+a.raw, total.gz+orRaw(a.gz, a), total.br+orRaw(a.br, a)
	}
	row("total", size(total.raw), size(total.gz), size(total.br))
}

// orRaw is the bytes sent for a with the copy of size n: the raw file when
// there is no such copy.
func orRaw(n int64, a asset) int64 {
	if n == 0 {
		return a.raw
	}
	return n
}

// size formats n bytes for people: "-" when there is no such copy.
func size(n int64) string {
	switch {
	case n == 0:
		return "-"
	case n < 1<<10:
		return fmt.Sprintf("%d B", n)
	case n < 1<<20:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%.2f MiB", float64(n)/(1<<20))
}
