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
