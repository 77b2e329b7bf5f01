package luamod

import (
	"strings"
	"testing"
)

func TestPatterns(t *testing.T) {
	expectSyncCases(t, []syncCase{
		{"pipeline with workers, nil drops", `
local src = goroutine.channel()
goroutine.spawn(function()
  for i = 1, 10 do src:send(i) end
  src:close()
end)
local out = goroutine.pipeline(src, {
  {fn = function(v) goroutine.sleep(10); return v * v end, workers = 3},
  {fn = function(v) if v % 2 == 0 then return v end end},
  function(v) return "n=" .. v end,
})
local got = {}
out:range(function(v) table.insert(got, v) end)
table.sort(got)
print(table.concat(got, " "), out:is_closed())`, "n=100 n=16 n=36 n=4 n=64\ttrue\n"},
		{"a pipeline of no stages is its input", `
local ch = goroutine.channel()
print(goroutine.pipeline(ch, {}) == ch)`, "true\n"},
		{"fan_out gives each value to exactly one output", `
local src = goroutine.channel()
goroutine.spawn(function()
  for i = 1, 30 do src:send(i) end
  src:close()
end)
local outs = goroutine.fan_out(src, 3)
local seen, counts = {}, {}
local wg = goroutine.wait_group()
for k, ch in ipairs(outs) do
  counts[k] = 0
  wg:add()
  goroutine.spawn(function()
    ch:range(function(v)
      seen[v] = (seen[v] or 0) + 1
      counts[k] = counts[k] + 1
      goroutine.sleep(k)
    end)
    wg:done()
  end)
end
wg:wait()
local total, once = 0, true
for i = 1, 30 do
  total = total + (seen[i] or 0)
  once = once and seen[i] == 1
end
print(#outs, total, once, counts[1] > counts[3])`, "3\t30\ttrue\ttrue\n"},
		{"fan_in merges and closes after every input", `
local a, b = goroutine.channel(), goroutine.channel(2)
goroutine.spawn(function() for i = 1, 3 do a:send("a" .. i) end; a:close() end)
goroutine.spawn(function() for i = 1, 2 do b:send("b" .. i) end; goroutine.sleep(20); b:close() end)
local out = goroutine.fan_in({a, b})
local got = {}
out:range(function(v) table.insert(got, v) end)
table.sort(got)
print(table.concat(got, " "), goroutine.now() >= 20)
print(goroutine.fan_in({}):receive())`, "a1 a2 a3 b1 b2\ttrue\nnil\tfalse\n"},
		{"fan_out then fan_in", `
local src = goroutine.channel(100)
for i = 1, 100 do src:send(i) end
src:close()
local outs = goroutine.fan_out(src, 4)
local squares = {}
for k, ch in ipairs(outs) do squares[k] = goroutine.pipeline(ch, {{fn = function(v) return v * v end}}) end
local sum = 0
goroutine.fan_in(squares):range(function(v) sum = sum + v end)
print(sum)`, "338350\n"},
	})
}

func TestPatternsMisuse(t *testing.T) {
	ch := "local ch = goroutine.channel()\n"
	for src, pattern := range map[string]string{
		`goroutine.pipeline(1, {})`:                                       `bad argument #1 to pipeline \(goroutine.channel expected, got number\)`,
		ch + `goroutine.pipeline(ch, {{workers = 2}})`:                    `bad argument #2 to pipeline \(stage 1: fn: function expected, got nil\)`,
		ch + `goroutine.pipeline(ch, {print, {fn = print, workers = 0}})`: `stage 2: workers must be an integer >= 1`,
		ch + `goroutine.pipeline(ch, {1})`:                                `stage 1: table expected, got number`,
		ch + `goroutine.fan_out(ch, 0)`:                                   `bad argument #2 to fan_out \(count must be an integer from 1 to 100000\)`,
		`goroutine.fan_in({goroutine.channel(), 3})`:                      `bad argument #1 to fan_in \(element 2: goroutine.channel expected, got number\)`,
	} {
		expectError(t, src, pattern)
	}
}

// TestPipelineStageError: a stage function that raises ends its worker
// with a reported error, and the stage's output still closes.
func TestPipelineStageError(t *testing.T) {
	res, rec := run(t, `local src = goroutine.channel(1)
src:send(1)
src:close()
local out = goroutine.pipeline(src, {{fn = function(v) error("bad item " .. v) end}})
print(out:receive())`)
	if res.Status != StatusError || !strings.Contains(res.Error, "main.lua:4: bad item 1") {
		t.Fatalf("status %s, error %q", res.Status, res.Error)
	}
	if rec.Stdout.String() != "nil\tfalse\n" {
		t.Fatalf("stdout %q", rec.Stdout.String())
	}
	if !strings.Contains(rec.Stderr.String(), "error in goroutine 2 (pipeline stage 1 worker 1)") {
		t.Fatalf("stderr:\n%s", rec.Stderr.String())
	}
}

// TestPatternGoroutinesOnTimeline: the goroutines of the patterns are
// named and grouped on the timeline.
func TestPatternGoroutinesOnTimeline(t *testing.T) {
	_, rec := run(t, `local src = goroutine.channel()
src:close()
goroutine.pipeline(src, {{fn = print, workers = 2}})
goroutine.fan_out(src, 2)
goroutine.fan_in({src})`)
	var spawns []string
	for _, e := range rec.Trace {
		if e.Kind == KindSpawn && e.G > 1 {
			spawns = append(spawns, e.Name+" / "+e.Group)
		}
	}
	want := "pipeline stage 1 worker 1 / pipeline 2,pipeline stage 1 worker 2 / pipeline 2," +
		"fan_out distributor / fan_out 6,fan_in input 1 / fan_in 8"
	if got := strings.Join(spawns, ","); got != want {
		t.Fatalf("spawns:\n%s\nwant:\n%s", got, want)
	}
}

// TestPatternsDeterministic: the same script gives the same trace byte
// for byte, select choices and all.
func TestPatternsDeterministic(t *testing.T) {
	src := `local src = goroutine.channel()
goroutine.spawn(function() for i = 1, 50 do src:send(i) end; src:close() end)
local outs = goroutine.fan_out(src, 4)
for k, ch in ipairs(outs) do
  outs[k] = goroutine.pipeline(ch, {{fn = function(v) goroutine.sleep(v % 3); return v end, workers = 2}})
end
local n = 0
goroutine.fan_in(outs):range(function() n = n + 1 end)
print(n)`
	res, first := run(t, src)
	if !res.OK() || first.Stdout.String() != "50\n" {
		t.Fatalf("%s %s %q", res.Status, res.Error, first.Stdout.String())
	}
	for i := 0; i < 3; i++ {
		_, again := run(t, src)
		if formatEvents(again.Trace) != formatEvents(first.Trace) {
			t.Fatal("the trace differs between two runs")
		}
	}
}
