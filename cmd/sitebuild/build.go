package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/evanw/esbuild/pkg/api"

	"luaplay/docsite"
)

// Source locations, relative to the repository root (the working directory
// of build.sh).
const (
	webDir      = "web"
	wasmPkg     = "./wasm"
	wasmName    = "luaplay.wasm"
	wasmExecRel = "lib/wasm/wasm_exec.js" // under GOROOT
	cacheDir    = ".build/compress"
)

// pageBundle is the page's entry point. It is an ES module split into
// chunks: what it imports with import() (the editor's extras, the Help
// panel's content) loads from dist/chunks/ when first needed, so the
// page's first output does not wait for it.
var pageBundle = api.EntryPoint{InputPath: "web/src/main.ts", OutputPath: "app"}

// scriptBundles are the other entry points, classic scripts in one file
// each: the worker (a classic worker) and embed.js (which other sites
// load with a plain <script> and which finds its folder through
// document.currentScript).
var scriptBundles = []api.EntryPoint{
	{InputPath: "web/src/worker.ts", OutputPath: "worker"},
	{InputPath: "web/src/embed.ts", OutputPath: "embed"},
}

// staticExts are the files at the top of web/ that are copied as they are.
var staticExts = map[string]bool{".html": true, ".css": true, ".svg": true, ".ico": true, ".png": true, ".txt": true, ".webmanifest": true}

// build writes the whole site into dist, replacing what was there, and
// returns the size of every asset.
func build(dist string) ([]asset, error) {
	if err := os.RemoveAll(dist); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dist, 0o755); err != nil {
		return nil, err
	}
	steps := []struct {
		name string
		run  func(string) error
	}{
		{"wasm", buildWasm}, {"wasm_exec.js", copyWasmExec}, {"static files", copyStatic},
		{"bundles", bundleTS}, {"examples", copyExamples}, {"docs", buildDocs},
	}
	for _, step := range steps {
		start := time.Now()
		if err := step.run(dist); err != nil {
			return nil, err
		}
		fmt.Printf("%-14s %5.1fs\n", step.name, time.Since(start).Seconds())
	}
	if err := checkPages(dist); err != nil {
		return nil, err
	}
	start := time.Now()
	cache, err := newCompressCache(cacheDir)
	if err != nil {
		return nil, err
	}
	assets, err := compressAll(dist, cache)
	if err == nil {
		err = cache.prune()
	}
	fmt.Printf("%-14s %5.1fs\n", "compression", time.Since(start).Seconds())
	return assets, err
}

// wasmFlags are the compiler's flags for the page's wasm. -s drops the
// symbol table (the name section; -w would change nothing, the wasm has
// no DWARF). No inlining, except in the runtime: the inlined copies cost
// the download about 10% of the wasm's brotli bytes, and the browser's
// wasm compiler inlines on its own (fib, spawn and ping-pong measured in
// CPU time under Node: no slower). Three small packages on the path of
// every event and method call inline too, for about 2 KiB of brotli: the
// runtime's maps (gopher-lua's field lookups: the map access called a
// function per probe step, and internal/byteorder per word hashed) and
// the bridge itself (its encoder called a function per number it wrote).
// The engine (luamod) inlined as well until its runtime errors and syntax
// errors were worded as Lua 5.1's: its inlining then cost 14.8 KB of
// brotli (1,112,165 -> 1,097,342 bytes), which the download's budget no
// longer had. Without it the settled page's 1,000 sleeps take about 3 ms
// more and the bridge's ping-pong about 6% more CPU (bench/NOTES.md).
//
// Measured on this wasm and left out: GOWASM=satconv,signext (the same
// raw size within 40 bytes; brotli 3 KB smaller on one engine, 4 KB
// larger on the next) and binaryen's wasm-opt (-O1 to -O3, -Os, -Oz:
// Go's own code compresses better; its output is 0 to 2% larger under
// brotli even where -Oz makes it 7% smaller raw), and profile-guided
// optimization (no gain on the bridge's ping-pong within the download
// budget: the figures are in bench/NOTES.md).
var wasmFlags = []string{"-trimpath", "-ldflags=-s", "-gcflags=all=-l", "-gcflags=runtime=",
	"-gcflags=internal/runtime/maps=", "-gcflags=internal/byteorder=", "-gcflags=luaplay/wasm="}

// buildWasm compiles the engine for the browser.
func buildWasm(dist string) error {
	args := append(append([]string{"build"}, wasmFlags...), "-o", filepath.Join(dist, wasmName), wasmPkg)
	cmd := exec.Command("go", args...)
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("building the wasm: %w", err)
	}
	return nil
}

// copyWasmExec copies the Go runtime's JavaScript glue, which must match the
// compiler that built the wasm, minified: the page loads it before its
// first output, and minified it is 1.3 KB less of brotli. It is a classic
// script whose one global is the Go class it sets on globalThis, which
// minifying keeps.
func copyWasmExec(dist string) error {
	src, err := readWasmExec()
	if err != nil {
		return err
	}
	res := api.Transform(string(src), api.TransformOptions{Loader: api.LoaderJS, Target: api.ES2022,
		MinifyWhitespace: true, MinifyIdentifiers: true, MinifySyntax: true, Banner: licenseHeader(src)})
	if len(res.Errors) > 0 {
		msgs := api.FormatMessages(res.Errors, api.FormatMessagesOptions{Kind: api.ErrorMessage})
		return fmt.Errorf("minifying wasm_exec.js:\n%s", strings.Join(msgs, ""))
	}
	return os.WriteFile(filepath.Join(dist, "wasm_exec.js"), res.Code, 0o644)
}

// readWasmExec reads the glue of the Go that builds the wasm.
func readWasmExec() ([]byte, error) {
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return nil, fmt.Errorf("go env GOROOT: %w", err)
	}
	return os.ReadFile(filepath.Join(strings.TrimSpace(string(out)), filepath.FromSlash(wasmExecRel)))
}

// licenseHeader is the comment lines that open src (the Go authors'
// copyright and license notice), which the minified copy keeps.
func licenseHeader(src []byte) string {
	var head []string
	for _, line := range strings.Split(string(src), "\n") {
		if !strings.HasPrefix(line, "//") {
			break
		}
		head = append(head, line)
	}
	return strings.Join(head, "\n")
}

// bundleTS bundles the page, the worker and embed.js, and links the
// page's chunks from index.html (preload.go). The worker learns the wasm's
// size at build time so it can show load progress even when the server
// compresses the download.
func bundleTS(dist string) error {
	info, err := os.Stat(filepath.Join(dist, wasmName))
	if err != nil {
		return err
	}
	opts := api.BuildOptions{
		EntryPointsAdvanced: []api.EntryPoint{pageBundle},
		Outdir:              dist,
		Bundle:              true,
		Write:               true,
		Format:              api.FormatESModule,
		Splitting:           true,
		ChunkNames:          "chunks/[name]-[hash]",
		Metafile:            true,
		Platform:            api.PlatformBrowser,
		Target:              api.ES2022,
		MinifyWhitespace:    true,
		MinifyIdentifiers:   true,
		MinifySyntax:        true,
		Sourcemap:           api.SourceMapLinked,
		Define:              map[string]string{"__WASM_BYTES__": strconv.FormatInt(info.Size(), 10)},
		LogLevel:            api.LogLevelWarning,
	}
	res, err := bundle(opts)
	if err != nil {
		return err
	}
	if err := preloadChunks(dist, res); err != nil {
		return err
	}
	opts.EntryPointsAdvanced, opts.Format, opts.Splitting, opts.Metafile = scriptBundles, api.FormatIIFE, false, false
	_, err = bundle(opts)
	return err
}

// bundle runs one esbuild build.
func bundle(opts api.BuildOptions) (api.BuildResult, error) {
	res := api.Build(opts)
	if len(res.Errors) > 0 {
		msgs := api.FormatMessages(res.Errors, api.FormatMessagesOptions{Kind: api.ErrorMessage})
		return res, fmt.Errorf("bundling:\n%s", strings.Join(msgs, ""))
	}
	return res, nil
}

// copyStatic copies index.html, the CSS and other static files of web/.
func copyStatic(dist string) error {
	entries, err := os.ReadDir(webDir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if e.Type().IsRegular() && staticExts[filepath.Ext(e.Name())] {
			if err := copyFile(filepath.Join(webDir, e.Name()), filepath.Join(dist, e.Name())); err != nil {
				return err
			}
		}
	}
	return nil
}

// copyExamples copies web/examples/ when it exists.
func copyExamples(dist string) error {
	root := filepath.Join(webDir, "examples")
	if _, err := os.Stat(root); os.IsNotExist(err) {
		return nil
	}
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(webDir, path)
		if err != nil {
			return err
		}
		return copyFile(path, filepath.Join(dist, rel))
	})
}

// buildDocs writes the docs site into dist/docs (package docsite).
func buildDocs(dist string) error {
	return docsite.Build(docsite.DefaultConfig(filepath.Join(dist, "docs")))
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
