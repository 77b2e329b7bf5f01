package luamod_test

import (
	"context"
	"encoding/json"
	"fmt"

	"luaplay/luamod"
)

// A sloth-runner script runs unchanged: after the chunk returns, the
// workflow runs its tasks in dependency order, each in its own goroutine
// with a headed section in the output.
func ExampleRun_slothRunnerWorkflow() {
	rec := &luamod.Recorder{}
	res := luamod.Run(context.Background(), `
local build = task("build")
  :description("compile")
  :command(function(this, params)
    log.info(params.task_name .. " in " .. params.workflow)
    goroutine.sleep(20)
    return true, "built", {files = 3}
  end)
  :on_success(function(this, params, output) log.table(output, "output") end)
  :build()

local test = task("test")
  :depends_on("build")
  :command(function(this) return false, this:name() .. " found 1 failure" end)
  :build()

workflow.define("ci", {description = "build and test", tasks = {test, build}})
`, luamod.Options{}, rec)
	fmt.Print(rec.All.String())
	fmt.Println(res.Status, "-", res.Error)
	// Output:
	// ### workflow ci: build and test
	// === task build: compile ===
	// [INFO] build in ci
	// [TABLE] output: {files=3}
	// --- task build: ok (20.0 ms): built
	// === task test ===
	// --- task test: failed (0.0 ms): test found 1 failure
	// ### workflow ci: failed at task test (20.0 ms)
	// error - main.lua:12: task test failed: test found 1 failure
}

// ChromeTrace turns a run's trace into a file for Perfetto or
// chrome://tracing: one thread per goroutine, its states as slices, and
// arrows for spawns and wake-ups.
func ExampleChromeTrace() {
	rec := &luamod.Recorder{}
	luamod.Run(context.Background(), `
goroutine.spawn(function() goroutine.sleep(1) end)
`, luamod.Options{}, rec)
	b, err := luamod.ChromeTrace(luamod.Trace{Version: luamod.TraceVersion, Clock: "virtual", Events: rec.Trace})
	if err != nil {
		fmt.Println(err)
		return
	}
	var f struct {
		TraceEvents []struct {
			Name string
			Ph   string
			Tid  int
			Args map[string]any
		}
	}
	if err := json.Unmarshal(b, &f); err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range f.TraceEvents {
		switch e.Ph {
		case "M":
			if e.Name == "thread_name" {
				fmt.Println("thread", e.Tid, e.Args["name"])
			}
		case "X", "s", "f":
			fmt.Println(e.Ph, e.Tid, e.Name)
		}
	}
	// Output:
	// thread 1 g1 main
	// thread 2 g2
	// X 1 running
	// X 1 running
	// X 2 runnable
	// X 2 running
	// X 2 sleeping
	// X 2 running
	// s 1 spawn
	// f 2 spawn
}
