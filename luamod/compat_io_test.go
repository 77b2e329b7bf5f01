package luamod

import (
	"strings"
	"testing"
)

// http answers 200 OK by default after a seeded latency on the run clock,
// the same on every run; http.mock sets up status, body, headers, latency
// or an error per URL, or for every URL with "*".
func TestSimulatedHTTP(t *testing.T) {
	src := `
local http = require("http")
local r = http.get("https://example.com/health")
print(r.status, r.status_code, r.ok, r.success, r.body, r.method, r.latency_ms == math.floor(goroutine.now()))
http.mock("https://a/x", {status = 503, body = "down", latency = 120, headers = {retry = "5"}})
local t0 = goroutine.now()
r = http.post("https://a/x", "payload")
print(r.status, r.ok, r.body, r.headers.retry, math.floor(goroutine.now() - t0))
http.mock("https://b/", {error = "connection refused", latency = 30})
print(http.get("https://b/"))
print(http.request("put", "https://a/x", {timeout = 50}))
http.mock("*", {status = 204, latency = 1})
print(http.delete("https://c/").status, http == require("http"))
print(pcall(http.mock, "u", {stauts = 1}))
print(pcall(http.get, "u", 5))
`
	want := "200\t200\ttrue\ttrue\t{\"status\":\"ok\"}\tGET\ttrue\n" +
		"503\tfalse\tdown\t5\t120\n" +
		"nil\tconnection refused: GET https://b/\n" +
		"nil\ttimeout after 50 ms: PUT https://a/x\n" +
		"204\ttrue\n" +
		"false\tbad argument #2 to (anonymous) (unknown field 'stauts')\n" +
		"false\tbad argument #2 to (anonymous) (body string or option table expected, got number)\n"
	expectOutput(t, src, want)
	_, first := run(t, src)
	_, second := run(t, src)
	if first.All.String() != second.All.String() || formatEvents(first.Trace) != formatEvents(second.Trace) {
		t.Fatal("two runs differ")
	}
	if !strings.Contains(formatEvents(first.Trace), `reason="http" obj="POST https://a/x"`) {
		t.Fatalf("no http wait in the trace:\n%s", formatEvents(first.Trace))
	}
}

// exec runs no shell: a command takes simulated time and returns the
// result exec.mock set up, or success with no output.
func TestSimulatedExec(t *testing.T) {
	expectOutput(t, `
local r = exec.run("kubectl apply -f app.yaml", {workdir = "/srv"})
print(r.success, r.exit_code, r.stdout == "", r.command, r.duration_ms >= 100 and r.duration_ms <= 600)
exec.mock("make test", {exit_code = 2, stderr = "3 tests failed", stdout = "ran 40", duration = 4000})
local t0 = goroutine.now()
r = require("exec").run("make test")
print(r.success, r.exit_code, r.stdout, r.stderr, math.floor(goroutine.now() - t0))
`, "true\t0\ttrue\tkubectl apply -f app.yaml\ttrue\nfalse\t2\tran 40\t3 tests failed\t4000\n")
}

// Real time uses the same simulation: the latency is wall-clock time.
func TestSimulatedIOInRealTime(t *testing.T) {
	res, rec := run(t, `
http.mock("*", {latency = 30})
local hs = {}
for i = 1, 5 do hs[i] = goroutine.async(function() return http.get("https://s" .. i).status end) end
local n = 0
for _, r in ipairs(goroutine.await_all(hs)) do if r.values[1] == 200 then n = n + 1 end end
print(n, goroutine.now() >= 30)
`, Options{RealTime: true})
	if !res.OK() || rec.Stdout.String() != "5\ttrue\n" {
		t.Fatalf("%s %s\n%s", res.Status, res.Error, rec.All.String())
	}
}
