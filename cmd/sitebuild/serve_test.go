package main

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// site writes a small built site with precompressed copies into a temp dir.
func site(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"index.html":              "<!doctype html>page",
		"luaplay.wasm":            "\x00asm raw",
		"app.js":                  "console.log(1)",
		"examples/index.json":     "[]",
		"examples/hello.lua":      "print(1)",
		"notes.unknownext":        "x",
		"examples/sub/index.html": "sub",
	}
	for name, body := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := compressFile(dir, path, nil); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// get requests path with the given Accept-Encoding and returns the response
// and its body, decoded when it was compressed.
func get(t *testing.T, root, method, path, accept string) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest(method, path, nil)
	if accept != "" {
		req.Header.Set("Accept-Encoding", accept)
	}
	rec := httptest.NewRecorder()
	siteHandler{root: root}.ServeHTTP(rec, req)
	res := rec.Result()
	body, _ := io.ReadAll(res.Body)
	if method == "HEAD" {
		return res, string(body)
	}
	return res, decode(t, res.Header.Get("Content-Encoding"), body)
}

func TestServePrecompressedWithTypeAndVary(t *testing.T) {
	root := site(t)
	for _, tc := range []struct{ accept, enc string }{
		{"gzip, deflate, br, zstd", "br"},
		{"gzip", "gzip"},
		{"br;q=0, gzip;q=0.5", "gzip"},
		{"*", "br"},
		{"identity", ""},
		{"", ""},
		{"br;q=0, gzip;q=0, *", ""},
	} {
		res, body := get(t, root, "GET", "/luaplay.wasm", tc.accept)
		h := res.Header
		if tc.enc != "" && h.Get("Content-Length") == "" {
			t.Errorf("Accept-Encoding %q: no Content-Length", tc.accept)
		}
		if res.StatusCode != 200 || h.Get("Content-Encoding") != tc.enc || body != "\x00asm raw" {
			t.Errorf("Accept-Encoding %q: status %d, encoding %q, body %q; want encoding %q", tc.accept, res.StatusCode, h.Get("Content-Encoding"), body, tc.enc)
		}
		// CORS lets a page of another origin embed examples (embed.js).
		if h.Get("Content-Type") != "application/wasm" || h.Get("Vary") != "Accept-Encoding" || h.Get("Cache-Control") != "public, max-age=300" || h.Get("Access-Control-Allow-Origin") != "*" {
			t.Errorf("headers %v", h)
		}
	}
}

func TestServeTypesAndCaching(t *testing.T) {
	root := site(t)
	for path, want := range map[string][2]string{
		"/":                   {"text/html; charset=utf-8", "no-cache"},
		"/index.html":         {"text/html; charset=utf-8", "no-cache"},
		"/app.js":             {"text/javascript; charset=utf-8", "public, max-age=300"},
		"/examples/hello.lua": {"text/plain; charset=utf-8", "public, max-age=300"},
		"/examples/sub/":      {"text/html; charset=utf-8", "no-cache"},
		"/notes.unknownext":   {"application/octet-stream", "public, max-age=300"},
	} {
		res, _ := get(t, root, "GET", path, "br")
		if res.StatusCode != 200 || res.Header.Get("Content-Type") != want[0] || res.Header.Get("Cache-Control") != want[1] {
			t.Errorf("%s: %d %v, want %v", path, res.StatusCode, res.Header, want)
		}
	}
}

func TestServeRefusesAndRedirects(t *testing.T) {
	root := site(t)
	for path, want := range map[string]int{"/missing.js": 404, "/../serve_test.go": 404, "/examples": 301} {
		if res, _ := get(t, root, "GET", path, ""); res.StatusCode != want {
			t.Errorf("%s: status %d, want %d", path, res.StatusCode, want)
		}
	}
	if res, _ := get(t, root, "GET", "/examples/sub", ""); res.Header.Get("Location") != "sub/" {
		t.Errorf("directory redirect to %q, want relative sub/", res.Header.Get("Location"))
	}
	if res, _ := get(t, root, "POST", "/", ""); res.StatusCode != 405 {
		t.Errorf("POST: status %d", res.StatusCode)
	}
	res, body := get(t, root, "HEAD", "/app.js", "br")
	if res.StatusCode != 200 || body != "" || res.Header.Get("Content-Encoding") != "br" {
		t.Errorf("HEAD: %d %q %v", res.StatusCode, body, res.Header)
	}
}

func TestAccepts(t *testing.T) {
	for _, tc := range []struct {
		header, coding string
		want           bool
	}{
		{"gzip, br", "br", true},
		{"GZIP", "gzip", true},
		{"gzip;q=0", "gzip", false},
		{"gzip; q=0.001", "gzip", true},
		{"*;q=0", "br", false},
		{"deflate", "br", false},
	} {
		if got := accepts(tc.header, tc.coding); got != tc.want {
			t.Errorf("accepts(%q, %q) = %v", tc.header, tc.coding, got)
		}
	}
}

func TestPrintSizes(t *testing.T) {
	var buf bytes.Buffer
	printSizes(&buf, []asset{{name: "luaplay.wasm", raw: 3 << 20, gz: 1 << 20, br: 800 << 10}, {name: "a.png", raw: 100}})
	out := buf.String()
	for _, want := range []string{"luaplay.wasm", "3.00 MiB", "1.00 MiB", "800.0 KiB", "100 B", "total"} {
		if !strings.Contains(out, want) {
			t.Errorf("sizes table lacks %q:\n%s", want, out)
		}
	}
}
