// Command sitebuild builds the static site into dist/ (the engine as wasm,
// the TypeScript bundles, the page's static files, precompressed copies of
// everything) and, with -serve, serves dist/ the way a good static host
// would. build.sh build and build.sh serve call it.
package main

import (
	"flag"
	"fmt"
	"os"
	"time"
)

func main() {
	dist := flag.String("dist", "dist", "output directory")
	serve := flag.Bool("serve", false, "serve the output directory after building")
	noBuild := flag.Bool("nobuild", false, "with -serve: serve the existing output without building")
	addr := flag.String("addr", "127.0.0.1:8080", "with -serve: address to listen on")
	flag.Parse()
	if !*noBuild {
		start := time.Now()
		assets, err := build(*dist)
		if err != nil {
			fmt.Fprintln(os.Stderr, "sitebuild:", err)
			os.Exit(1)
		}
		printSizes(os.Stdout, assets)
		fmt.Printf("built %s in %.1fs\n", *dist, time.Since(start).Seconds())
	}
	if *serve {
		if err := serveDir(*dist, *addr); err != nil {
			fmt.Fprintln(os.Stderr, "sitebuild:", err)
			os.Exit(1)
		}
	}
}
