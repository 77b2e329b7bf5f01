package main

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// bundle builds each entry into dir as an ES module for Node and returns
// the output paths in entry order. Node built-ins and playwright stay
// external.
func bundle(entries []string, dir string) ([]string, error) {
	return build(entries, dir, api.PlatformNode, api.FormatESModule, ".mjs")
}

// bundlePages builds each entry into dir as a script for the browser, to
// be loaded into a page by a Node script in the same dir.
func bundlePages(entries []string, dir string) error {
	_, err := build(entries, dir, api.PlatformBrowser, api.FormatIIFE, ".js")
	return err
}

func build(entries []string, dir string, platform api.Platform, format api.Format, ext string) ([]string, error) {
	res := api.Build(api.BuildOptions{
		EntryPoints:  entries,
		Outdir:       dir,
		OutExtension: map[string]string{".js": ext},
		Bundle:       true,
		Platform:     platform,
		Format:       format,
		Target:       api.ES2022,
		Sourcemap:    api.SourceMapInline,
		External:     []string{"playwright", "playwright-core", "@playwright/test", "wasmoon", "fengari"},
		LogLevel:     api.LogLevelWarning,
		Write:        true,
	})
	if len(res.Errors) > 0 {
		msgs := api.FormatMessages(res.Errors, api.FormatMessagesOptions{Kind: api.ErrorMessage})
		return nil, fmt.Errorf("bundling failed:\n%s", strings.Join(msgs, ""))
	}
	outs := make([]string, len(entries))
	for i, e := range entries {
		name := strings.TrimSuffix(filepath.Base(e), ".ts") + ext
		outs[i] = filepath.Join(dir, name)
	}
	return outs, nil
}
