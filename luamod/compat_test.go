package luamod

import (
	"strings"
	"testing"
)

func TestLogLevelsGoToTheirStreams(t *testing.T) {
	res, rec := run(t, `
log.info("starting", 3)
log.debug("details")
log.warn("careful")
log.error("broken")
log.print("a", 1, true)
`)
	if !res.OK() {
		t.Fatalf("run failed: %s", res.Error)
	}
	wantOut := "[INFO] starting 3\n[DEBUG] details\n[PRINT] a\t1\ttrue\n"
	if got := rec.Stdout.String(); got != wantOut {
		t.Fatalf("stdout:\n%s\nwant:\n%s", got, wantOut)
	}
	if got, want := rec.Stderr.String(), "[WARN] careful\n[ERROR] broken\n"; got != want {
		t.Fatalf("stderr:\n%s\nwant:\n%s", got, want)
	}
}

func TestLogTableIsSortedAndSafe(t *testing.T) {
	expectOutput(t, `
local t = {10, 20, zeta=1, alpha={x=1, [2]=true}, ["two words"]=false, [7]="seven"}
t.self = t
log.table(t, "config")
log.table({})
local deep = {}
local cur = deep
for i = 1, 12 do cur.next = {} cur = cur.next end
log.table(deep, "deep")
`, `[TABLE] config: {10, 20, [7]="seven", alpha={[2]=true, x=1}, self=<cycle>, ["two words"]=false, zeta=1}
[TABLE] {}
[TABLE] deep: {next={next={next={next={next={next={next={next={...}}}}}}}}}
`)
}

func TestLogMisuseRaises(t *testing.T) {
	for src, pattern := range map[string]string{
		`log.info()`:        `bad argument #1 to info \(value expected\)`,
		`log.table("x")`:    `bad argument #1 to table \(table expected, got string\)`,
		`log.table({}, {})`: `bad argument #2 to table \(string expected, got table\)`,
	} {
		expectError(t, src, pattern)
	}
}

func TestRequireReturnsTheGlobals(t *testing.T) {
	expectOutput(t, `print(require("log") == log, require("workflow") == workflow)`, "true\ttrue\n")
}

func TestTaskBuilderChainsAndRuns(t *testing.T) {
	expectOutput(t, `
local b = task("build")
local same = b:description("Build it"):workdir("/src"):user("ci")
  :command(function(this, params)
    print(this:name(), params.task_name, params.workflow, params.workdir, params.user)
    return true, "built", {files = 3}
  end)
  :on_success(function(this, params, output) print("on_success", this:name(), output.files) end)
  :on_fail(function() print("never") end)
print(same == b, tostring(b))
workflow.define("ci", {description = "CI", tasks = {same:build()}})
`, `true	task build
### workflow ci: CI
=== task build: Build it ===
build	build	ci	/src	ci
on_success	build	3
--- task build: ok (0.0 ms): built
### workflow ci: ok (1 tasks, 0.0 ms)
`)
}

func TestTaskArgumentTypesAreChecked(t *testing.T) {
	for src, pattern := range map[string]string{
		`task()`:                                               `bad argument #1 to task \(string expected, got nil\)`,
		`task("")`:                                             `task name must not be empty`,
		`task("x"):timeout(true)`:                              `bad argument #2 to timeout \(string or number expected, got boolean\)`,
		`task("x"):timeout("soon")`:                            `invalid duration "soon"`,
		`task("x"):timeout(-1)`:                                `timeout must not be negative`,
		`task("x"):command(3)`:                                 `function or string expected, got number`,
		`task("x"):on_success("no")`:                           `function expected, got string`,
		`task("x"):depends_on({"a", 2})`:                       `element 2: string expected, got number`,
		`task("x"):retries("3")`:                               `number expected, got string`,
		`task("x"):run_if(true)`:                               `function or string expected, got boolean`,
		`task("x").description("y")`:                           `bad argument #1 to description \(sloth.task expected, got string\)`,
		`workflow.define("w", {tasks = 3})`:                    `tasks: table expected, got number`,
		`workflow.define("w", {tasks = {1}})`:                  `tasks\[1\]: task or table expected, got number`,
		`workflow.define("w", {tasks = {{}}})`:                 `tasks\[1\]: a task table needs a name field`,
		`workflow.define("w", {tasks = {a = {timeout = {}}}})`: `task a: timeout: string or number expected, got table`,
		`workflow.define("w"):tasks(goroutine.wait_group())`:   `bad argument #2 to tasks \(table expected, got userdata\)`,
	} {
		expectError(t, src, pattern)
	}
}

func TestTasksRunInDependencyOrder(t *testing.T) {
	expectOutput(t, `
local function step(this) print("run " .. this:name()) return true end
local deploy = task("deploy"):command(step):depends_on({"test", "package"}):build()
local test = task("test"):command(step):depends_on("build"):build()
local build = task("build"):command(step):build()
local package = task("package"):command(step):depends_on("build"):build()
local lint = task("lint"):command(step):build()
workflow.define("ci", {tasks = {deploy, test, build, package, lint}})
`, `### workflow ci
=== task build ===
run build
--- task build: ok (0.0 ms)
=== task test ===
run test
--- task test: ok (0.0 ms)
=== task package ===
run package
--- task package: ok (0.0 ms)
=== task deploy ===
run deploy
--- task deploy: ok (0.0 ms)
=== task lint ===
run lint
--- task lint: ok (0.0 ms)
### workflow ci: ok (5 tasks, 0.0 ms)
`)
}

func TestNamedTaskTableRunsInDefinitionOrder(t *testing.T) {
	expectOutput(t, `
workflow.define("w"):description("named"):version("1.0"):tasks({
  zeta = {command = function(this, params) print(params.greeting, this:name()) return true end,
          params = {greeting = "hi"}},
  alpha = {description = "first letter", command = function() return true, "done" end, pre_hook = function() end},
})
`, `### workflow w: named
=== task zeta ===
hi	zeta
--- task zeta: ok (0.0 ms)
=== task alpha: first letter ===
note: not applied in the playground: pre_hook
--- task alpha: ok (0.0 ms): done
### workflow w: ok (2 tasks, 0.0 ms)
`)
}

func TestDependencyErrorsAreClear(t *testing.T) {
	expectError(t, `
workflow.define("w", {tasks = {
  {name = "a", command = "x", depends_on = "c"},
  {name = "b", command = "x", depends_on = "a"},
  {name = "c", command = "x", depends_on = "b"},
}})`, `^main.lua:2: workflow w: dependency cycle: a -> c -> b -> a$`)
	expectError(t, `workflow.define("w", {tasks = {{name = "a", command = "x", depends_on = "nope"}}})`,
		`^main.lua:1: workflow w: task "a" depends on unknown task "nope"$`)
	expectError(t, `workflow.define("w", {tasks = {{name = "a", command = "x"}, {name = "a", command = "y"}}})`,
		`duplicate task name "a"`)
	expectError(t, "\n\ntask(\"solo\"):command(\"x\"):depends_on(\"solo\"):build()",
		`^main.lua:3: dependency cycle: solo -> solo$`)
}

func TestFailedTaskFailsTheRunAndSkipsTheRest(t *testing.T) {
	res, rec := run(t, `
workflow.define("w", {tasks = {
  {name = "check", command = function() return false, "tests are red" end,
   on_failure = function(this, params, err) print("on_failure", this:name(), err) end},
  {name = "ship", command = function() print("never") return true end},
}})
workflow.define("other", {tasks = {{name = "still", command = function() return true end}}})
`)
	if res.Status != StatusError || res.Error != "main.lua:2: task check failed: tests are red" || res.Line != 2 {
		t.Fatalf("result %s %q line %d", res.Status, res.Error, res.Line)
	}
	if len(res.Errors) != 1 || res.Errors[0].Name != "check" || res.Errors[0].G != 2 {
		t.Fatalf("errors %+v", res.Errors)
	}
	wantOut := `### workflow w
=== task check ===
on_failure	check	tests are red
--- task ship: skipped (task check failed)
### workflow w: failed at task check (0.0 ms)
### workflow other
=== task still ===
--- task still: ok (0.0 ms)
### workflow other: ok (1 tasks, 0.0 ms)
`
	if got := rec.Stdout.String(); got != wantOut {
		t.Fatalf("stdout:\n%s\nwant:\n%s", got, wantOut)
	}
	if got := rec.Stderr.String(); got != "--- task check: failed (0.0 ms): tests are red\n" {
		t.Fatalf("stderr %q", got)
	}
}

func TestTaskMustReturnTrue(t *testing.T) {
	res := expectError(t, `
task("quiet"):command(function() end):build()`, `task quiet failed: command returned nil, want true`)
	if res.Line != 2 {
		t.Fatalf("line %d, want 2", res.Line)
	}
}

func TestRaisingTaskHasATraceback(t *testing.T) {
	res := expectError(t, `
task("boom"):command(function()
  error("kaput")
end):build()`, `^task boom failed: main.lua:3: kaput$`)
	if res.Line != 3 || !strings.Contains(res.Errors[0].Traceback, "main.lua:3") {
		t.Fatalf("line %d traceback %q", res.Line, res.Errors[0].Traceback)
	}
}

func TestHookErrorFailsTheTask(t *testing.T) {
	expectError(t, `
task("t"):command(function() return true end):on_success(function() error("hook broke") end):build()`,
		`task t failed: on_success: main.lua:2: hook broke`)
}

func TestTaskTimeoutCancelsIt(t *testing.T) {
	res, rec := run(t, `
task("slow"):timeout("30ms"):command(function()
  goroutine.sleep(1000)
  print("never")
  return true
end):build()
task("fast"):timeout(50):command(function() goroutine.sleep(10) return true end):build()`)
	if res.Status != StatusError || res.Error != "main.lua:2: task slow failed: timeout exceeded (30ms)" {
		t.Fatalf("result %s %q", res.Status, res.Error)
	}
	want := "=== task slow ===\n--- task fast: skipped (task slow failed)\n"
	if got := rec.Stdout.String(); got != want {
		t.Fatalf("stdout:\n%s\nwant:\n%s", got, want)
	}
	if res.Stats.Clock < 30000 || res.Stats.Clock > 31000 {
		t.Fatalf("clock %d, want about 30 ms", res.Stats.Clock)
	}
}

func TestStringCommandAndDelegationAreNoted(t *testing.T) {
	expectOutput(t, `
task("deploy"):command("kubectl apply -f app.yaml"):delegate_to("prod-agent"):retries(2):async(true):build()
task("unbuilt"):command("never runs")`, `=== task deploy ===
note: delegate_to prod-agent: runs locally in the playground
note: not applied in the playground: retries, async
note: would run "kubectl apply -f app.yaml" (no shell in the playground; counted as done)
--- task deploy: ok (0.0 ms)
`)
}

func TestWorkflowsRunBeforeLooseTasksAndOnlyAfterTheChunk(t *testing.T) {
	expectOutput(t, `
local a = task("a"):command(function() print("a ran") return true end):build()
task("loose"):command(function() print("loose ran") return true end):build()
workflow.define("w", {tasks = {a}})
print("chunk done")`, `chunk done
### workflow w
=== task a ===
a ran
--- task a: ok (0.0 ms)
### workflow w: ok (1 tasks, 0.0 ms)
=== task loose ===
loose ran
--- task loose: ok (0.0 ms)
`)
	res, rec := run(t, `task("a"):command(function() print("ran") return true end):build() error("chunk failed")`)
	if res.OK() || strings.Contains(rec.Stdout.String(), "ran") {
		t.Fatalf("workflow ran after a failed chunk: %s %q", res.Status, rec.Stdout.String())
	}
}

func TestTaskIsAGroupOnTheTimeline(t *testing.T) {
	expectEvents(t, `
workflow.define("w", {tasks = {{name = "fetch", command = function()
  goroutine.spawn(function() end)
  goroutine.sleep(1)
  return true
end}}})`, `
0 spawn 1 name="main"
0 start 1
13 spawn 2 o=1 line=2 name="fetch" group="task fetch"
13 await 1 o=2 line=2
13 block 1 line=2 reason="await" obj="goroutine 2"
13 start 2
17 spawn 3 o=2 line=3 group="task fetch"
21 block 2 line=4 reason="sleep"
21 start 3
22 end 3 status=ok
1021 unblock 2
1021 run 2
1023 end 2 status=ok
1023 unblock 1 o=2
1023 run 1
1023 end 1 status=ok
`)
}
