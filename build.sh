#!/usr/bin/env bash
# build.sh: the one entry point. ./build.sh {test|build|serve|bench}
set -euo pipefail
cd "$(dirname "$0")"

WASM_EXEC_DIR="$(go env GOROOT)/lib/wasm"
CHROMIUM="${LP_CHROMIUM:-/usr/bin/chromium}" # where playwright.config.ts looks

# npm_deps installs the npm packages the bundle needs, exactly as
# package-lock.json pins them: a lockfile that drifts from package.json
# fails here instead of being rewritten.
npm_deps() {
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ] ||
    [ package.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund
  fi
}

# browser_deps installs Debian's Chromium for the browser tests and the
# timeline benchmark, when it is missing.
browser_deps() {
  if [ ! -x "$CHROMIUM" ]; then
    if [ "$(id -u)" = 0 ]; then
      apt-get update -qq && apt-get install -y -qq chromium
    else
      sudo apt-get update -qq && sudo apt-get install -y -qq chromium
    fi
  fi
}

# test_go runs the Go tests natively with -race, then the engine's tests
# under GOOS=js through go_js_wasm_exec.
test_go() {
  go vet ./...
  GOOS=js GOARCH=wasm go vet ./...
  go test -race -count=1 ./...
  PATH="$WASM_EXEC_DIR:$PATH" GOOS=js GOARCH=wasm timeout 600 go test -count=1 ./luamod/... ./wasm/... ./docsite/...
}

# bench measures the engine against plain Go and plain gopher-lua (natively
# and under GOOS=js), the page's wasm build through its bridge against
# wasmoon and fengari, and the page and timeline in Chromium, then writes
# bench/RESULTS.md. Every comparison alternates its runs in one process.
# LP_BENCH_QUICK=1 makes every size small, to check that the suite runs.
bench() {
  npm_deps
  browser_deps
  local out=.build/bench quick=()
  [ "${LP_BENCH_QUICK:-}" = 1 ] && quick=(-quick)
  rm -rf "$out" && mkdir -p "$out"
  # When the measurements began and the machine's load then, for the report.
  { date -u +%Y-%m-%dT%H:%M:%SZ; cat /proc/loadavg; } >"$out/started"
  echo "== engine, native"
  go run ./cmd/luabench "${quick[@]}" >"$out/native.jsonl"
  echo "== engine, GOOS=js (wasm under node)"
  PATH="$WASM_EXEC_DIR:$PATH" GOOS=js GOARCH=wasm timeout 3600 \
    go run ./cmd/luabench "${quick[@]}" >"$out/wasm.jsonl"
  echo "== the site"
  build
  echo "== the page's wasm through its bridge, peers, the timeline (node and Chromium)"
  go run ./cmd/webtest -bench | tee "$out/web.log"
  go run ./cmd/benchreport -in "$out" -dist dist -out bench/RESULTS.md
}

# build writes the site into dist/ and prints each asset's size.
build() {
  go run ./cmd/sitebuild -dist dist
}

# serve builds, then serves dist/ on 127.0.0.1 (port 8080 unless -p/--port).
serve() {
  local port=8080
  while [ $# -gt 0 ]; do
    case "$1" in
      -p|--port) port="${2:?serve: $1 needs a port}"; shift 2 ;;
      --port=*) port="${1#--port=}"; shift ;;
      *) echo "usage: ./build.sh serve [-p PORT]" >&2; exit 2 ;;
    esac
  done
  go run ./cmd/sitebuild -dist dist -serve -addr "127.0.0.1:$port"
}

# test_web type-checks the TypeScript and runs the Playwright tests, which
# build and serve the site themselves (playwright.config.ts).
test_web() {
  npx tsc --noEmit
  npx playwright test
}

cmd="${1:-}"
shift || true
case "$cmd" in
  bench)
    bench
    ;;
  build)
    npm_deps
    build
    ;;
  serve)
    npm_deps
    serve "$@"
    ;;
  test)
    npm_deps
    browser_deps
    test_go
    go run ./cmd/webtest
    test_web
    ;;
  *)
    echo "usage: ./build.sh {test|build|serve|bench}" >&2
    exit 2
    ;;
esac
