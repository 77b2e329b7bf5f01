//go:build !js

package main

import (
	"fmt"
	"os"
)

// main explains how to build this package: it is the browser's engine and
// does nothing natively (cmd/luaplay is the native runner).
func main() {
	fmt.Fprintln(os.Stderr, "wasm: build with GOOS=js GOARCH=wasm (see cmd/sitebuild); use cmd/luaplay to run scripts natively")
	os.Exit(2)
}
