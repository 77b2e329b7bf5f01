package docsite

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// Example is one runnable example of the docs and what it prints.
type Example struct {
	Where  string // "web/docs/channels.md:12" or "web/src/api.json goroutine.spawn"
	Source string
	Output string
	Attrs  fenceAttrs
	// outFrom and outTo are the byte range of the output block's content
	// in its Markdown file, where an update writes the new output.
	outFrom, outTo int
}

// MarkdownExamples lists the examples of one Markdown file in order: each
// lua block, with the output block that must follow it.
func MarkdownExamples(path string, src []byte) ([]Example, error) {
	doc := newMarkdown().Parser().Parse(text.NewReader(src))
	var out []Example
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		block, ok := n.(*ast.FencedCodeBlock)
		if !ok {
			continue
		}
		lang, attrs := fenceInfo(block, src)
		if lang != langExample {
			continue
		}
		where := fmt.Sprintf("%s:%d", path, lineOf(src, block.Info.Segment.Start))
		next, ok := n.NextSibling().(*ast.FencedCodeBlock)
		if !ok {
			return nil, fmt.Errorf("%s: a lua example needs an output block right after it", where)
		}
		if l, _ := fenceInfo(next, src); l != langOutput {
			return nil, fmt.Errorf("%s: the block after a lua example is %q, not output", where, l)
		}
		from, to := contentRange(next, src)
		out = append(out, Example{Where: where, Source: blockText(block, src), Output: blockText(next, src), Attrs: attrs, outFrom: from, outTo: to})
	}
	return out, nil
}

// contentRange is where a fenced block's content starts and ends in src:
// after its opening line, up to its closing fence.
func contentRange(block *ast.FencedCodeBlock, src []byte) (int, int) {
	from := block.Info.Segment.Stop
	if nl := bytes.IndexByte(src[from:], '\n'); nl >= 0 {
		from += nl + 1
	}
	to := from
	if lines := block.Lines(); lines.Len() > 0 {
		to = lines.At(lines.Len() - 1).Stop
	}
	return from, to
}

func lineOf(src []byte, offset int) int { return bytes.Count(src[:offset], []byte("\n")) + 1 }

// AllExamples lists every example of the docs pages and the reference.
func (c Config) AllExamples() ([]Example, error) {
	var all []Example
	files, err := filepath.Glob(filepath.Join(c.Docs, "*.md"))
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		exs, err := MarkdownExamples(f, src)
		if err != nil {
			return nil, err
		}
		all = append(all, exs...)
	}
	ref, err := LoadReference(c.Reference)
	if err != nil {
		return nil, err
	}
	for _, sec := range ref.Sections {
		for _, e := range sec.Entries {
			all = append(all, Example{Where: c.Reference + " " + e.Name, Source: e.Source(), Output: e.ExpectedOutput()})
		}
	}
	return all, nil
}

// UpdateMarkdown rewrites the output blocks of the examples of one file
// with outputs (by Where); the rest of the file is kept byte for byte.
func UpdateMarkdown(src []byte, exs []Example, outputs map[string]string) []byte {
	var buf bytes.Buffer
	at := 0
	for _, ex := range exs {
		buf.Write(src[at:ex.outFrom])
		buf.WriteString(outputs[ex.Where])
		at = ex.outTo
	}
	buf.Write(src[at:])
	return buf.Bytes()
}
