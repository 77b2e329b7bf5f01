package docsite

import (
	"bytes"
	"fmt"
	"html"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Code blocks of the docs: a "lua" block is a live example, and the
// "output" block right after it is what the example prints. The words
// after "lua" set the example's options, as the embed reads them from its
// <pre>: timeline, real-time, readonly, timeout=MS, title="...".
const (
	langExample = "lua"
	langOutput  = "output"
)

// newMarkdown is goldmark with GitHub's extensions (tables, strikethrough,
// autolinks), heading ids, {#id} attributes, links to .md files rewritten
// to the built .html, and the docs' code blocks.
func newMarkdown() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.GFM),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithAttribute(),
			parser.WithASTTransformers(util.Prioritized(mdLinks{}, 100)),
		),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(codeBlocks{}, 100))),
	)
}

// mdLinks rewrites relative links to "page.md#frag" into "page.html#frag".
type mdLinks struct{}

var mdLink = regexp.MustCompile(`^([\w-]+)\.md(#.*)?$`)

func (mdLinks) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if link, ok := n.(*ast.Link); ok && entering {
			if m := mdLink.FindSubmatch(link.Destination); m != nil {
				link.Destination = []byte(string(m[1]) + ".html" + string(m[2]))
			}
		}
		return ast.WalkContinue, nil
	})
}

// codeBlocks renders fenced code: examples as <pre class="lua-goroutine">
// for embed.js, outputs as the expected output under them, and any other
// language as plain preformatted text.
type codeBlocks struct{}

func (codeBlocks) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, renderCode)
}

func renderCode(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	block := n.(*ast.FencedCodeBlock)
	lang, attrs := fenceInfo(block, src)
	body := html.EscapeString(blockText(block, src))
	switch lang {
	case langExample:
		fmt.Fprintf(w, "<pre class=\"lua-goroutine\"%s>%s</pre>\n", attrs.html(), body)
	case langOutput:
		fmt.Fprintf(w, "<div class=\"docs-output\"><div class=\"docs-output-label\">Output</div><pre class=\"docs-output-text\">%s</pre></div>\n", body)
	default:
		fmt.Fprintf(w, "<pre class=\"docs-code\"><code>%s</code></pre>\n", body)
	}
	return ast.WalkSkipChildren, nil
}

// blockText is a code block's content as written.
func blockText(block *ast.FencedCodeBlock, src []byte) string {
	var buf bytes.Buffer
	lines := block.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		buf.Write(seg.Value(src))
	}
	return buf.String()
}

// fenceAttrs are an example's options, in the order written.
type fenceAttrs [][2]string

var fenceWord = regexp.MustCompile(`([\w-]+)(?:="([^"]*)"|=(\S+))?`)

// fenceInfo splits a fence's info string into its language and options.
func fenceInfo(block *ast.FencedCodeBlock, src []byte) (string, fenceAttrs) {
	if block.Info == nil {
		return "", nil
	}
	info := strings.TrimSpace(string(block.Info.Segment.Value(src)))
	lang, rest, _ := strings.Cut(info, " ")
	var attrs fenceAttrs
	for _, m := range fenceWord.FindAllStringSubmatch(rest, -1) {
		attrs = append(attrs, [2]string{m[1], m[2] + m[3]})
	}
	return lang, attrs
}

// html writes the options as the embed's data- attributes.
func (a fenceAttrs) html() string {
	var sb strings.Builder
	for _, kv := range a {
		sb.WriteString(" data-" + html.EscapeString(kv[0]))
		if kv[1] != "" {
			sb.WriteString(`="` + html.EscapeString(kv[1]) + `"`)
		}
	}
	return sb.String()
}
