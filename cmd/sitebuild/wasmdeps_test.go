package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// notInWasm are packages the page's wasm build must not import: each cost
// the page's download tens to hundreds of KB and the engine does without
// them (luamod/wire instead of encoding/json, string functions instead of
// regexp, its own option decoder instead of gluamapper and mapstructure,
// which also brought in net).
var notInWasm = []string{
	"encoding/json",
	"regexp",
	"github.com/yuin/gluamapper",
	"github.com/mitchellh/mapstructure",
	"net",
}

func TestWasmImportsOnlyWhatTheEngineNeeds(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	cmd := exec.Command("go", "list", "-deps", wasmPkg)
	cmd.Dir = "../.."
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	deps := map[string]bool{}
	for _, p := range strings.Fields(string(out)) {
		deps[p] = true
	}
	if !deps["luaplay/luamod"] {
		t.Fatalf("go list -deps %s does not list luaplay/luamod:\n%s", wasmPkg, out)
	}
	for _, p := range notInWasm {
		if deps[p] {
			t.Errorf("the wasm build imports %s again (go list -deps with GOOS=js shows who: go list -deps -f '{{.ImportPath}}: {{.Imports}}')", p)
		}
	}
}

// notLinked are functions the page's wasm must not link, though its
// packages import them: lua.NewState opens gopher-lua's io, os and
// package libraries (with os/exec and file calls) behind a flag, so
// calling it links them all (luamod/newstate.go); the sandbox's os library
// is the engine's own.
var notLinked = []string{
	"github.com/yuin/gopher-lua.NewState",
	"github.com/yuin/gopher-lua.OpenLibs",
	"github.com/yuin/gopher-lua.OpenIo",
	"github.com/yuin/gopher-lua.OpenOs",
	"os/exec.Command",
}

func TestWasmLinksNoFileOrProcessLibrary(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	// The linker's -dumpdep prints every edge of what it keeps: "a -> b".
	cmd := exec.Command("go", "build", "-o", os.DevNull, "-ldflags=-dumpdep", wasmPkg)
	cmd.Dir = "../.."
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go build -ldflags=-dumpdep: %v\n%.2000s", err, out)
	}
	linked := map[string]bool{}
	for _, line := range strings.Split(string(out), "\n") {
		if _, to, ok := strings.Cut(line, " -> "); ok {
			linked[to] = true
		}
	}
	if !linked["github.com/yuin/gopher-lua.newLState"] {
		t.Fatalf("the dependency dump does not show gopher-lua's newLState, which luamod/newstate.go calls; has its format changed?\n%.2000s", out)
	}
	for _, fn := range notLinked {
		if linked[fn] {
			t.Errorf("the wasm build links %s again (go build -ldflags=-dumpdep %s shows who calls it)", fn, wasmPkg)
		}
	}
}
