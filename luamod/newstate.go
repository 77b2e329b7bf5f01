package luamod

import (
	_ "unsafe" // for go:linkname

	lua "github.com/yuin/gopher-lua"
)

// newState makes a gopher-lua state with no library open, with opts as
// they are (lua.NewState's defaults are not applied: give every size).
//
// It calls the constructor lua.NewState wraps. NewState opens the whole
// standard library unless told not to, so any program that calls it links
// gopher-lua's io, os and package libraries and what they use (os/exec,
// file and process calls): 64 KiB of the page's brotli download that no
// script can reach here. The engine opens its own sandboxed libraries
// (stdlib.go). newLState is unexported: go.mod pins gopher-lua, and a
// version without it fails the build, not a run.
func newState(opts lua.Options) *lua.LState {
	return newLState(opts)
}

//go:linkname newLState github.com/yuin/gopher-lua.newLState
func newLState(lua.Options) *lua.LState
