// Package docsite builds the documentation site from web/docs/*.md and the
// API reference (web/src/api.json) with goldmark, writes the README's API
// section from the same reference, and runs every example they hold so
// that no expected output can go stale.
package docsite

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

// Reference is the API reference: web/src/api.json. The editor's
// completion and hover help, the Help panel (web/src/api.ts), the docs
// site and the README read this one file.
type Reference struct {
	Comment  string    `json:"$comment"`
	Sections []Section `json:"sections"`
}

// Section is a group of related calls, one heading of the reference.
type Section struct {
	ID      string  `json:"id"`    // the anchor of its heading
	Title   string  `json:"title"` // the heading
	Intro   string  `json:"intro"` // one paragraph; `code` spans only
	Entries []Entry `json:"entries"`
}

// Entry documents one function or method, and the other names it has.
// Text fields allow `code` spans and nothing else, so that the Help panel
// can show them without parsing Markdown.
type Entry struct {
	// Name is how a script writes it: "goroutine.spawn", "task", or for a
	// method "ch:send" (a typical receiver, then the method).
	Name string `json:"name"`
	// Type is the userdata type of a method: "goroutine.channel".
	Type      string   `json:"type,omitempty"`
	Also      []string `json:"also,omitempty"` // other names of the same call
	Signature string   `json:"signature"`      // the call with what it returns
	Summary   string   `json:"summary"`        // one sentence
	Doc       string   `json:"doc,omitempty"`  // more, when one sentence is not enough
	Errors    []string `json:"errors,omitempty"`
	Example   []string `json:"example"` // lines of a runnable script
	Output    []string `json:"output"`  // what the example prints, stdout and stderr as they interleave
}

// LoadReference reads the reference strictly: an unknown field is an
// error, so a misspelt one is not silently dropped.
func LoadReference(path string) (*Reference, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var ref Reference
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&ref); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	for _, sec := range ref.Sections {
		for _, e := range sec.Entries {
			if e.Name == "" || e.Signature == "" || e.Summary == "" || len(e.Example) == 0 {
				return nil, fmt.Errorf("%s: entry %q lacks a name, signature, summary or example", path, e.Name)
			}
		}
	}
	return &ref, nil
}

// Anchor is the entry's id in the reference page: "goroutine.spawn",
// "goroutine.channel:send".
func (e Entry) Anchor() string {
	if e.Type == "" {
		return e.Name
	}
	_, method, _ := strings.Cut(e.Name, ":")
	return e.Type + ":" + method
}

// Source is the example as one script.
func (e Entry) Source() string { return strings.Join(e.Example, "\n") + "\n" }

// ExpectedOutput is the example's output as one text.
func (e Entry) ExpectedOutput() string { return joinLines(e.Output) }

// joinLines joins lines with a newline after each; none gives "".
func joinLines(lines []string) string {
	if len(lines) == 0 {
		return ""
	}
	return strings.Join(lines, "\n") + "\n"
}

// splitLines is the inverse of joinLines.
func splitLines(s string) []string {
	if s == "" {
		return []string{}
	}
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n")
}
