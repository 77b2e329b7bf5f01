package luamod

import (
	"container/heap"
	"fmt"
	"slices"
	"strings"

	lua "github.com/yuin/gopher-lua"
)

const workflowType = "sloth.workflow"

// workflow is what workflow.define records: its tasks in run order.
type workflow struct {
	name        string
	description string
	line        int
	tasks       []*slothTask
}

// compat is the sloth-runner layer of one run: the globals log, task and
// workflow, and the tasks and workflows a chunk defined, which run after
// the chunk returns.
type compat struct {
	s         *sched
	built     []*slothTask // build() order
	workflows []*workflow  // definition order
}

// openCompat registers the sloth-runner globals (also as require("log")
// and require("workflow")) and runs the defined workflows after the chunk.
func (s *sched) openCompat() {
	L := s.root
	c := &compat{s: s}
	registerType(L, workflowType, c.workflowMethods())
	L.SetField(registerType(L, taskType, c.taskMethods()), "__tostring", L.NewFunction(func(L *lua.LState) int {
		L.Push(lua.LString("task " + checkTask(L, 1).name))
		return 1
	}))
	lm := &logModule{s: s}
	lm.t = lm.table(L)
	L.SetGlobal("log", lm.t)
	L.PreloadModule("log", lm.Loader)
	wf := setFuncs(L, L.NewTable(), map[string]lua.LGFunction{"define": c.define})
	L.SetGlobal("workflow", wf)
	L.PreloadModule("workflow", func(L *lua.LState) int {
		L.Push(wf)
		return 1
	})
	L.SetGlobal("task", L.NewFunction(c.newTask))
	s.afterMain = append(s.afterMain, c.runAll)
}

// define is workflow.define(name[, {description=..., tasks={...}}]). It
// returns the workflow, whose methods set the same fields fluently.
// Fields other than description and tasks (version, config, ...) are
// accepted and not applied.
func (c *compat) define(L *lua.LState) int {
	name := L.CheckString(1)
	argCheck(L, name != "", 1, "workflow name must not be empty")
	wf := &workflow{name: name, line: callerLine(L)}
	if L.Get(2) != lua.LNil {
		opts := L.CheckTable(2)
		switch d := opts.RawGetString("description").(type) {
		case lua.LString:
			wf.description = string(d)
		case *lua.LNilType:
		default:
			L.ArgError(2, "description: string expected, got "+typeNameOf(d))
		}
		switch tasks := opts.RawGetString("tasks").(type) {
		case *lua.LTable:
			wf.tasks = c.parseTasks(L, 2, wf, tasks)
		case *lua.LNilType:
		default:
			L.ArgError(2, "tasks: table expected, got "+typeNameOf(tasks))
		}
	}
	c.workflows = append(c.workflows, wf)
	L.Push(newObject(L, workflowType, wf))
	return 1
}

func checkWorkflow(L *lua.LState, n int) *workflow {
	return checkObject[workflow](L, n, workflowType)
}

// workflowMethods are the fluent form: description and tasks set the
// fields; the others are accepted so upstream scripts run, and not applied.
func (c *compat) workflowMethods() map[string]lua.LGFunction {
	self := func(L *lua.LState) int {
		checkWorkflow(L, 1)
		L.Push(L.Get(1))
		return 1
	}
	methods := map[string]lua.LGFunction{
		"description": func(L *lua.LState) int {
			checkWorkflow(L, 1).description = L.CheckString(2)
			return self(L)
		},
		"tasks": func(L *lua.LState) int {
			wf := checkWorkflow(L, 1)
			wf.tasks = c.parseTasks(L, 2, wf, L.CheckTable(2))
			return self(L)
		},
		"name": func(L *lua.LState) int {
			L.Push(lua.LString(checkWorkflow(L, 1).name))
			return 1
		},
	}
	for _, name := range []string{"version", "config", "labels", "metadata", "timeout",
		"on_success", "on_failure", "on_complete", "build"} {
		methods[name] = self
	}
	return methods
}

// parseTasks reads a workflow's task list, given as an array or as a
// name → task table, whose entries are built tasks or plain tables with a
// command. Plain tables in an array need a name field. The result is in
// run order; a duplicate name, an unknown dependency or a cycle raises.
func (c *compat) parseTasks(L *lua.LState, n int, wf *workflow, tbl *lua.LTable) []*slothTask {
	var list []*slothTask
	eachPair(tbl, func(k, v lua.LValue) {
		key, _ := k.(lua.LString)
		switch x := v.(type) {
		case *lua.LUserData:
			t, ok := x.Value.(*slothTask)
			if !ok {
				L.ArgError(n, fmt.Sprintf("tasks[%s]: task expected, got %s", k, typeNameOf(v)))
			}
			list = append(list, t)
		case *lua.LTable:
			name := string(key)
			if name == "" {
				s, ok := x.RawGetString("name").(lua.LString)
				if !ok || s == "" {
					L.ArgError(n, fmt.Sprintf("tasks[%s]: a task table needs a name field", k))
				}
				name = string(s)
			}
			list = append(list, c.taskFromTable(L, n, name, x, wf.line))
		default:
			L.ArgError(n, fmt.Sprintf("tasks[%s]: task or table expected, got %s", k, typeNameOf(v)))
		}
	})
	ordered, err := orderTasks(list)
	if err != nil {
		L.RaiseError("workflow %s: %s", wf.name, err.msg)
	}
	return ordered
}

// orderError is why tasks cannot be ordered, and the task to blame.
type orderError struct {
	task *slothTask
	msg  string
}

// orderTasks sorts tasks so that each comes after the tasks it depends on,
// otherwise keeping their order: Kahn's algorithm, always taking the
// earliest ready task from a heap, O((n + dependencies) log n).
func orderTasks(tasks []*slothTask) ([]*slothTask, *orderError) {
	index := map[string]int{}
	for i, t := range tasks {
		if _, dup := index[t.name]; dup {
			return nil, &orderError{t, fmt.Sprintf("duplicate task name %q", t.name)}
		}
		index[t.name] = i
	}
	waiting := make([]int, len(tasks))      // dependencies not done yet
	dependents := make([][]int, len(tasks)) // who waits on each task
	for i, t := range tasks {
		for _, d := range t.dependsOn {
			j, ok := index[d]
			if !ok {
				return nil, &orderError{t, fmt.Sprintf("task %q depends on unknown task %q", t.name, d)}
			}
			waiting[i]++
			dependents[j] = append(dependents[j], i)
		}
	}
	ready := &intHeap{}
	for i := range tasks {
		if waiting[i] == 0 {
			heap.Push(ready, i)
		}
	}
	done := make([]bool, len(tasks))
	out := make([]*slothTask, 0, len(tasks))
	for ready.Len() > 0 {
		i := heap.Pop(ready).(int)
		done[i] = true
		out = append(out, tasks[i])
		for _, k := range dependents[i] {
			if waiting[k]--; waiting[k] == 0 {
				heap.Push(ready, k)
			}
		}
	}
	if len(out) < len(tasks) {
		return nil, cycleError(tasks, index, done)
	}
	return out, nil
}

// intHeap is a min-heap of task indexes.
type intHeap []int

func (h intHeap) Len() int           { return len(h) }
func (h intHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h intHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *intHeap) Push(x any)        { *h = append(*h, x.(int)) }
func (h *intHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// cycleError names one dependency cycle among the tasks not yet done:
// following unfinished dependencies from any of them must come back.
func cycleError(tasks []*slothTask, index map[string]int, done []bool) *orderError {
	start := slices.Index(done, false)
	seen := map[int]int{} // task index → position in path
	var path []string
	for i := start; ; {
		if at, ok := seen[i]; ok {
			cycle := append(path[at:], tasks[i].name)
			return &orderError{tasks[i], "dependency cycle: " + strings.Join(cycle, " -> ")}
		}
		seen[i] = len(path)
		path = append(path, tasks[i].name)
		for _, d := range tasks[i].dependsOn {
			if !done[index[d]] {
				i = index[d]
				break
			}
		}
	}
}
