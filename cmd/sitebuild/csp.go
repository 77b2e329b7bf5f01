package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// contentSecurityPolicy is the policy of every page of the site. Pages carry
// it in their own <head> (cspMeta), since a static host cannot be relied on
// to send headers. What each directive is for:
//
//   - default-src 'none': nothing loads unless a directive below allows it.
//   - script-src 'self' 'wasm-unsafe-eval': the site's own script files
//     only (no inline script, no eval); WebAssembly may compile.
//   - worker-src 'self', connect-src 'self': the engine's worker, and the
//     examples and the wasm it downloads.
//   - img-src 'self' data:: the favicon, and the data: SVG that CodeMirror
//     draws under a lint mark.
//   - style-src 'self': style.css. The editor lives in a shadow root and the
//     timeline adopts a constructed stylesheet, so neither adds a <style>.
//   - style-src-attr 'unsafe-inline': Chromium's own editing writes style
//     attributes into the editor when text is typed over highlighted code
//     (CodeMirror redraws the line at once); style attributes cannot run
//     script.
//   - object-src, base-uri, form-action 'none': no plugins, no <base>
//     hijack, no form posts.
//   - require-trusted-types-for 'script'; trusted-types lp-worker: string
//     sinks such as innerHTML refuse strings, so user text can only become
//     text; the one policy (web/src/trusted.ts) passes same-origin worker
//     URLs.
const contentSecurityPolicy = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; " +
	"connect-src 'self'; img-src 'self' data:; style-src 'self'; style-src-attr 'unsafe-inline'; " +
	"object-src 'none'; base-uri 'none'; form-action 'none'; " +
	"require-trusted-types-for 'script'; trusted-types lp-worker"

// cspMeta is the tag every HTML page puts in its <head>, before any script,
// stylesheet or style: a policy only governs what comes after it.
const cspMeta = `<meta http-equiv="Content-Security-Policy" content="` + contentSecurityPolicy + `">`

// checkPages fails when an HTML page under dist lacks cspMeta, or has it
// after the first script, stylesheet or style element.
func checkPages(dist string) error {
	var bad []string
	err := filepath.WalkDir(dist, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.EqualFold(filepath.Ext(path), ".html") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if problem := pagePolicyProblem(string(data)); problem != "" {
			rel, _ := filepath.Rel(dist, path)
			bad = append(bad, fmt.Sprintf("  %s: %s", filepath.ToSlash(rel), problem))
		}
		return nil
	})
	if err != nil {
		return err
	}
	if len(bad) > 0 {
		return fmt.Errorf("pages without the site's Content-Security-Policy (put cspMeta of cmd/sitebuild/csp.go first in <head>):\n%s",
			strings.Join(bad, "\n"))
	}
	return nil
}

// pagePolicyProblem says what is wrong with page's policy tag, or "".
func pagePolicyProblem(page string) string {
	at := strings.Index(page, cspMeta)
	if at < 0 {
		if strings.Contains(strings.ToLower(page), "content-security-policy") {
			return "its Content-Security-Policy is not the site's"
		}
		return "no Content-Security-Policy meta tag"
	}
	lower := strings.ToLower(page[:at])
	for _, tag := range []string{"<script", "<link", "<style", "<body"} {
		if strings.Contains(lower, tag) {
			return fmt.Sprintf("the Content-Security-Policy meta tag comes after a %s> tag", tag)
		}
	}
	return ""
}
