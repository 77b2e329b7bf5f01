package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The page's copy of Go's glue is minified, keeps the Go authors' notice,
// and still installs the Go class that the worker starts the wasm with.
func TestWasmExecIsMinifiedAndWorks(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	dist := t.TempDir()
	if err := copyWasmExec(dist); err != nil {
		t.Fatal(err)
	}
	out, err := os.ReadFile(filepath.Join(dist, "wasm_exec.js"))
	if err != nil {
		t.Fatal(err)
	}
	src, err := readWasmExec()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(out), "// Copyright ") || !strings.Contains(string(out), "BSD-style") {
		t.Errorf("the copy lost the license notice:\n%.300s", out)
	}
	if len(out) > len(src)*2/3 {
		t.Errorf("the copy is %d bytes, the glue %d: not minified", len(out), len(src))
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("no node to run the copy")
	}
	check := `require(process.argv[1]); const go = new globalThis.Go();
if (typeof go.run !== "function" || typeof go.importObject !== "object") throw new Error("no Go class");`
	if msg, err := exec.Command(node, "-e", check, filepath.Join(dist, "wasm_exec.js")).CombinedOutput(); err != nil {
		t.Fatalf("the minified glue does not run: %v\n%s", err, msg)
	}
}

func TestLicenseHeaderIsTheOpeningComment(t *testing.T) {
	src := "// one\n// two\n\n\"use strict\";\n// later\n"
	if got := licenseHeader([]byte(src)); got != "// one\n// two" {
		t.Errorf("licenseHeader = %q", got)
	}
}
