module luaplay

go 1.26

ignore ./node_modules

require (
	github.com/andybalholm/brotli v1.3.0
	github.com/evanw/esbuild v0.28.2
	github.com/yuin/goldmark v1.8.7
	github.com/yuin/gopher-lua v1.1.2
)

require golang.org/x/sys v0.0.0-20220715151400-c0bba94af5f8 // indirect
