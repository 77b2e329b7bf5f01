package docsite

import (
	"html/template"
	"os"
)

// page is what the page template needs.
type page struct {
	CSP     template.HTML // the playground's policy tag, as it is written there
	Title   string
	Body    template.HTML // goldmark's rendering of the page's Markdown
	Nav     []navItem
	Current int // index of this page in Nav
}

type navItem struct{ File, Title string }

func (p page) Prev() *navItem {
	if p.Current > 0 {
		return &p.Nav[p.Current-1]
	}
	return nil
}

func (p page) Next() *navItem {
	if p.Current+1 < len(p.Nav) {
		return &p.Nav[p.Current+1]
	}
	return nil
}

// pageTemplate is every page's shell. Examples become live through
// ../embed.js, which loads the engine only when one is run; without
// JavaScript they stay readable code.
var pageTemplate = template.Must(template.New("page").Parse(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
{{.CSP}}
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>{{.Title}} · Lua Goroutine Playground</title>
<link rel="icon" href="../favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="docs.css">
<script src="../embed.js" defer></script>
</head>
<body>
<a class="docs-skip" href="#content">Skip to the content</a>
<header class="docs-header">
  <a class="docs-brand" href="index.html">Lua Goroutine Playground · Docs</a>
  <a class="docs-play" href="../">Open the playground</a>
</header>
<div class="docs-layout">
<nav class="docs-nav" aria-label="Documentation">
<ul>
{{- range $i, $item := .Nav}}
<li><a href="{{$item.File}}"{{if eq $i $.Current}} aria-current="page"{{end}}>{{$item.Title}}</a></li>
{{- end}}
</ul>
</nav>
<main id="content" class="docs-main">
{{.Body}}
<nav class="docs-pager" aria-label="Previous and next page">
{{- with .Prev}}<a rel="prev" href="{{.File}}">← {{.Title}}</a>{{end}}
{{- with .Next}}<a rel="next" href="{{.File}}">{{.Title}} →</a>{{end}}
</nav>
</main>
</div>
</body>
</html>
`))

func writePage(path string, p page) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := pageTemplate.Execute(f, p); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
