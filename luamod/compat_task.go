package luamod

import (
	"fmt"
	"slices"
	"time"

	lua "github.com/yuin/gopher-lua"
)

const taskType = "sloth.task"

// slothTask is a sloth-runner task: what task(name) builds or a plain
// table in a workflow's task list describes. The fields the playground
// applies are recorded; options it cannot apply (hooks, retries, ...) are
// accepted, type-checked and listed in ignored, so the task's section can
// say so.
type slothTask struct {
	name        string
	line        int // where the task was created
	description string
	command     lua.LValue // *lua.LFunction or lua.LString; nil when unset
	timeout     int64      // run-clock microseconds; 0: none
	timeoutText string
	workdir     string
	user        string
	delegateTo  string
	onSuccess   *lua.LFunction
	onFailure   *lua.LFunction
	dependsOn   []string
	ignored     []string
	params      *lua.LTable // a plain task's params field, copied into params
	ud          *lua.LUserData
}

// taskSetter records one option v on t, or returns why v is the wrong type.
type taskSetter func(t *slothTask, v lua.LValue) string

// taskSetters are the builder's methods and a plain task's fields.
var taskSetters = map[string]taskSetter{
	"description": stringField(func(t *slothTask) *string { return &t.description }),
	"workdir":     stringField(func(t *slothTask) *string { return &t.workdir }),
	"user":        stringField(func(t *slothTask) *string { return &t.user }),
	"command":     setCommand,
	"run":         setCommand,
	"timeout":     setTimeout,
	"delegate_to": setDelegate,
	"on_success":  funcField(func(t *slothTask) **lua.LFunction { return &t.onSuccess }),
	"on_failure":  funcField(func(t *slothTask) **lua.LFunction { return &t.onFailure }),
	"on_fail":     funcField(func(t *slothTask) **lua.LFunction { return &t.onFailure }),
	"depends_on":  setDependsOn,
	"pre_hook":    ignoredField(lua.LTFunction),
	"post_hook":   ignoredField(lua.LTFunction),
	"on_timeout":  ignoredField(lua.LTFunction),
	"async":       ignoredField(lua.LTBool),
	"retries":     ignoredField(lua.LTNumber),
	"artifacts":   ignoredField(lua.LTString, lua.LTTable),
	"run_if":      ignoredField(lua.LTFunction, lua.LTString),
	"abort_if":    ignoredField(lua.LTFunction, lua.LTString),
}

//go:noinline
func stringField(field func(*slothTask) *string) taskSetter {
	return func(t *slothTask, v lua.LValue) string {
		s, ok := v.(lua.LString)
		if !ok {
			return "string expected, got " + typeNameOf(v)
		}
		*field(t) = string(s)
		return ""
	}
}

//go:noinline
func funcField(field func(*slothTask) **lua.LFunction) taskSetter {
	return func(t *slothTask, v lua.LValue) string {
		fn, ok := v.(*lua.LFunction)
		if !ok {
			return "function expected, got " + typeNameOf(v)
		}
		*field(t) = fn
		return ""
	}
}

func setCommand(t *slothTask, v lua.LValue) string {
	switch v.(type) {
	case *lua.LFunction, lua.LString:
		t.command = v
		return ""
	}
	return "function or string expected, got " + typeNameOf(v)
}

// setTimeout takes a Go duration string ("30s", "5m", "1h30m") or a number
// of milliseconds; 0 means no timeout.
func setTimeout(t *slothTask, v lua.LValue) string {
	switch x := v.(type) {
	case lua.LString:
		d, err := time.ParseDuration(string(x))
		if err != nil || d < 0 {
			return fmt.Sprintf("invalid duration %q (want e.g. \"30s\", \"5m\")", string(x))
		}
		t.timeout, t.timeoutText = d.Microseconds(), string(x)
	case lua.LNumber:
		if !(x >= 0) {
			return "timeout must not be negative"
		}
		t.timeout, t.timeoutText = msToMicros(float64(x)), fmt.Sprintf("%v ms", x)
	default:
		return "string or number expected, got " + typeNameOf(v)
	}
	return ""
}

// setDelegate takes an agent name, or a table with a name field as
// sloth-runner's agent values are.
func setDelegate(t *slothTask, v lua.LValue) string {
	switch x := v.(type) {
	case lua.LString:
		t.delegateTo = string(x)
	case *lua.LTable:
		t.delegateTo = "agent"
		if name, ok := x.RawGetString("name").(lua.LString); ok {
			t.delegateTo = string(name)
		}
	default:
		return "string or table expected, got " + typeNameOf(v)
	}
	return ""
}

// setDependsOn takes one task name or a list of them.
func setDependsOn(t *slothTask, v lua.LValue) string {
	switch x := v.(type) {
	case lua.LString:
		t.dependsOn = append(t.dependsOn, string(x))
	case *lua.LTable:
		for i := 1; i <= x.Len(); i++ {
			name, ok := x.RawGetInt(i).(lua.LString)
			if !ok {
				return fmt.Sprintf("element %d: string expected, got %s", i, typeNameOf(x.RawGetInt(i)))
			}
			t.dependsOn = append(t.dependsOn, string(name))
		}
	default:
		return "string or table expected, got " + typeNameOf(v)
	}
	return ""
}

// ignoredField accepts an option of one of the given types and notes that
// the playground does not apply it. Like the other functions here and in
// the string library that return a closure, it is not inlined: each
// inlined copy compiled the closure again, eight copies of this one in
// the page's wasm while that build inlined luamod (cmd/sitebuild's
// wasmFlags say why it no longer does; it may again).
//
//go:noinline
func ignoredField(types ...lua.LValueType) taskSetter {
	return func(t *slothTask, v lua.LValue) string {
		if !slices.Contains(types, v.Type()) {
			want := types[0].String()
			for _, other := range types[1:] {
				want += " or " + other.String()
			}
			return want + " expected, got " + typeNameOf(v)
		}
		return ""
	}
}

// taskMethods are the builder's methods: every setter returns the task so
// calls chain, name() reads the name and build() finishes the task.
func (c *compat) taskMethods() map[string]lua.LGFunction {
	methods := map[string]lua.LGFunction{
		"name": func(L *lua.LState) int {
			L.Push(lua.LString(checkTask(L, 1).name))
			return 1
		},
		"build": func(L *lua.LState) int {
			t := checkTask(L, 1)
			if !slices.Contains(c.built, t) {
				c.built = append(c.built, t)
			}
			L.Push(L.Get(1))
			return 1
		},
	}
	for name, set := range taskSetters {
		methods[name] = func(L *lua.LState) int {
			t := checkTask(L, 1)
			if msg := set(t, L.Get(2)); msg != "" {
				L.ArgError(2, msg)
			}
			t.noteIgnored(name)
			L.Push(L.Get(1))
			return 1
		}
	}
	return methods
}

// noteIgnored adds option to the task's ignored list when the playground
// does not apply it.
func (t *slothTask) noteIgnored(option string) {
	if _, known := taskSetters[option]; known && !ignoredOption(option) {
		return
	}
	if !slices.Contains(t.ignored, option) {
		t.ignored = append(t.ignored, option)
	}
}

func ignoredOption(option string) bool {
	switch option {
	case "pre_hook", "post_hook", "on_timeout", "async", "retries", "artifacts", "run_if", "abort_if":
		return true
	}
	return false
}

func checkTask(L *lua.LState, n int) *slothTask { return checkObject[slothTask](L, n, taskType) }

// newTask is task(name): a new builder.
func (c *compat) newTask(L *lua.LState) int {
	name := L.CheckString(1)
	argCheck(L, name != "", 1, "task name must not be empty")
	t := &slothTask{name: name, line: callerLine(L)}
	t.ud = newObject(L, taskType, t)
	L.Push(t.ud)
	return 1
}

// taskFromTable makes a task of a plain table in a workflow's task list.
// A wrong field raises "bad argument #n to define (task NAME: field: ...)";
// fields sloth-runner knows and the playground does not apply are noted.
func (c *compat) taskFromTable(L *lua.LState, n int, name string, tbl *lua.LTable, line int) *slothTask {
	t := &slothTask{name: name, line: line}
	t.ud = newObject(L, taskType, t)
	eachPair(tbl, func(k, v lua.LValue) {
		key, ok := k.(lua.LString)
		if !ok || key == "name" {
			return
		}
		if key == "params" {
			p, ok := v.(*lua.LTable)
			if !ok {
				L.ArgError(n, fmt.Sprintf("task %s: params: table expected, got %s", name, typeNameOf(v)))
			}
			t.params = p
			return
		}
		if set := taskSetters[string(key)]; set != nil {
			if msg := set(t, v); msg != "" {
				L.ArgError(n, fmt.Sprintf("task %s: %s: %s", name, key, msg))
			}
		}
		t.noteIgnored(string(key))
	})
	return t
}
