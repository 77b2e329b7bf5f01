package docsite

import (
	"fmt"
	"strings"
)

// Markdown writes the reference as the docs site's API page: a heading per
// section and per entry, each entry's signature, text, errors, and its
// example as a live block with the expected output under it.
func (r *Reference) Markdown() string {
	var sb strings.Builder
	sb.WriteString("# API reference\n\n")
	sb.WriteString("Every call a script can make besides Lua's standard library. Each example runs here: edit it and press Run. ")
	sb.WriteString("The same reference feeds the playground's completion, hover help and Help panel.\n\n")
	for _, sec := range r.Sections {
		fmt.Fprintf(&sb, "- [%s](#%s)\n", sec.Title, sec.ID)
	}
	for _, sec := range r.Sections {
		fmt.Fprintf(&sb, "\n## %s {#%s}\n\n%s\n", sec.Title, sec.ID, sec.Intro)
		for _, e := range sec.Entries {
			writeEntry(&sb, e)
		}
	}
	return sb.String()
}

func writeEntry(sb *strings.Builder, e Entry) {
	fmt.Fprintf(sb, "\n### %s {#%s}\n\n`%s`\n\n%s\n", e.Name, e.Anchor(), e.Signature, e.Summary)
	if e.Type != "" {
		fmt.Fprintf(sb, "\nA method of `%s`.\n", e.Type)
	}
	if len(e.Also) > 0 {
		fmt.Fprintf(sb, "\nAlso written `%s`.\n", strings.Join(e.Also, "`, `"))
	}
	if e.Doc != "" {
		fmt.Fprintf(sb, "\n%s\n", e.Doc)
	}
	if len(e.Errors) > 0 {
		sb.WriteString("\nErrors:\n\n")
		for _, msg := range e.Errors {
			fmt.Fprintf(sb, "- %s\n", msg)
		}
	}
	fmt.Fprintf(sb, "\n```%s title=\"%s\"\n%s```\n\n```%s\n%s```\n", langExample, e.Name, e.Source(), langOutput, e.ExpectedOutput())
}

// Readme markers enclose the README's API section, which ReadmeSection
// writes; the text between them is generated.
const (
	ReadmeBegin = "<!-- api:begin: generated from web/src/api.json by `go test ./docsite -run Readme -update`; edit that file, not this section -->"
	ReadmeEnd   = "<!-- api:end -->"
)

// ReadmeSection is the README's API section: every entry's signature and
// summary, grouped as in the reference.
func (r *Reference) ReadmeSection() string {
	var sb strings.Builder
	sb.WriteString(ReadmeBegin + "\n\n")
	sb.WriteString("`goroutine` is a global and also `require(\"goroutine\")`; `ms` arguments are milliseconds on the run clock. ")
	sb.WriteString("The docs site (`dist/docs/api.html`) has each call's errors and a runnable example.\n")
	for _, sec := range r.Sections {
		fmt.Fprintf(&sb, "\n### %s\n\n", sec.Title)
		for _, e := range sec.Entries {
			fmt.Fprintf(&sb, "- `%s`: %s\n", e.Signature, e.Summary)
		}
	}
	sb.WriteString("\n" + ReadmeEnd)
	return sb.String()
}

// ReplaceReadmeSection puts section between the markers of readme, or
// reports that readme has no such markers.
func ReplaceReadmeSection(readme, section string) (string, error) {
	begin := strings.Index(readme, ReadmeBegin)
	end := strings.Index(readme, ReadmeEnd)
	if begin < 0 || end < begin {
		return "", fmt.Errorf("README has no API section between %q and %q", ReadmeBegin, ReadmeEnd)
	}
	return readme[:begin] + section + readme[end+len(ReadmeEnd):], nil
}
