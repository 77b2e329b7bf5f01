package main

import (
	"context"
	"errors"
	"fmt"
	"mime"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// contentTypes fixes the types that matter; the OS table may lack them
// (application/wasm is required by WebAssembly.instantiateStreaming).
var contentTypes = map[string]string{
	".wasm": "application/wasm",
	".js":   "text/javascript; charset=utf-8",
	".html": "text/html; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".json": "application/json",
	".map":  "application/json",
	".lua":  "text/plain; charset=utf-8",
	".txt":  "text/plain; charset=utf-8",
	".svg":  "image/svg+xml",
}

// siteHandler serves a built site: precompressed copies when the client
// accepts them, exact content types, cache headers that make a new build
// visible at once (HTML is always revalidated, the rest is fresh for a few
// minutes), and CORS for every file, so other origins can embed examples.
type siteHandler struct{ root string }

func (h siteHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name := path.Clean("/" + r.URL.Path)
	file := filepath.Join(h.root, filepath.FromSlash(name))
	if info, err := os.Stat(file); err == nil && info.IsDir() {
		if !strings.HasSuffix(r.URL.Path, "/") {
			// A relative Location keeps the redirect right under any sub-path.
			w.Header().Set("Location", path.Base(name)+"/")
			w.WriteHeader(http.StatusMovedPermanently)
			return
		}
		name, file = path.Join(name, "index.html"), filepath.Join(file, "index.html")
	}
	hdr := w.Header()
	hdr.Set("Content-Type", contentType(name))
	hdr.Set("X-Content-Type-Options", "nosniff")
	// Embedded examples may run on another origin's pages; their worker
	// belongs to that origin and fetches the wasm from here.
	hdr.Set("Access-Control-Allow-Origin", "*")
	hdr.Set("Cache-Control", cacheControl(name))
	if compressible[path.Ext(name)] {
		hdr.Set("Vary", "Accept-Encoding")
	}
	f, enc, err := openEncoded(file, r.Header.Get("Accept-Encoding"))
	if err != nil {
		hdr.Del("Cache-Control")
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || info.IsDir() {
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	if enc != "" {
		hdr.Set("Content-Encoding", enc)
		if r.Header.Get("Range") == "" {
			// ServeContent leaves the length of encoded content out.
			hdr.Set("Content-Length", strconv.FormatInt(info.Size(), 10))
		}
	}
	http.ServeContent(w, r, name, info.ModTime(), f)
}

// openEncoded opens the best precompressed copy of file that accept allows,
// or file itself; enc is the copy's Content-Encoding ("" for none).
func openEncoded(file, accept string) (f *os.File, enc string, err error) {
	for _, e := range encodings {
		if !accepts(accept, e.name) {
			continue
		}
		if f, err := os.Open(file + e.suffix); err == nil {
			return f, e.name, nil
		}
	}
	f, err = os.Open(file)
	return f, "", err
}

// accepts reports whether an Accept-Encoding header allows coding, honouring
// q=0 and the * wildcard.
func accepts(header, coding string) bool {
	wildcard := false
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			if parsed, err := strconv.ParseFloat(v, 64); err == nil {
				q = parsed
			}
		}
		switch strings.ToLower(strings.TrimSpace(name)) {
		case coding:
			return q > 0
		case "*":
			wildcard = q > 0
		}
	}
	return wildcard
}

func contentType(name string) string {
	ext := path.Ext(name)
	if t, ok := contentTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

func cacheControl(name string) string {
	if path.Ext(name) == ".html" {
		return "no-cache"
	}
	return "public, max-age=300"
}

// serveDir serves root on addr until SIGINT or SIGTERM, printing the URL.
func serveDir(root, addr string) error {
	if _, err := os.Stat(filepath.Join(root, "index.html")); err != nil {
		return fmt.Errorf("nothing to serve: %w (run ./build.sh build)", err)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: siteHandler{root: root}, ReadHeaderTimeout: 10 * time.Second}
	fmt.Printf("serving %s at http://%s/ (Ctrl-C stops)\n", root, ln.Addr())
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		srv.Shutdown(shutdown)
	}()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
