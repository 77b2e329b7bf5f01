package luamod

import (
	"errors"
	"fmt"
	"strings"

	lua "github.com/yuin/gopher-lua"
)

// runAll runs, after the chunk returned, every workflow in definition
// order, then the built tasks that no workflow names, in build order as
// their dependencies allow. It runs in the main goroutine, which awaits
// each task's goroutine in turn. Only the run's cancellation and an
// unorderable set of loose tasks are returned; failed tasks are recorded
// in the result.
func (c *compat) runAll(g *G) error {
	named := map[*slothTask]bool{}
	for _, wf := range c.workflows {
		for _, t := range wf.tasks {
			named[t] = true
		}
	}
	for _, wf := range c.workflows {
		if err := c.runWorkflow(g, wf); err != nil {
			return err
		}
	}
	var loose []*slothTask
	for _, t := range c.built {
		if !named[t] {
			loose = append(loose, t)
		}
	}
	ordered, oerr := orderTasks(loose)
	if oerr != nil {
		return fmt.Errorf("%s:%d: %s", c.s.opts.ChunkName, oerr.task.line, oerr.msg)
	}
	_, err := c.runTasks(g, nil, ordered)
	return err
}

// runWorkflow runs wf's tasks under a header and a summary line.
func (c *compat) runWorkflow(g *G, wf *workflow) error {
	s := c.s
	head := "### workflow " + wf.name
	if wf.description != "" {
		head += ": " + wf.description
	}
	s.output("stdout", head+"\n")
	start := s.now()
	failed, err := c.runTasks(g, wf, wf.tasks)
	if err != nil {
		return err
	}
	status := fmt.Sprintf("ok (%d tasks, %s)", len(wf.tasks), formatMs(s.now()-start))
	if failed != "" {
		status = fmt.Sprintf("failed at task %s (%s)", failed, formatMs(s.now()-start))
	}
	s.output("stdout", "### workflow "+wf.name+": "+status+"\n")
	return nil
}

// runTasks runs tasks one after another. After a failure the rest are
// skipped, as a pipeline stops at a failed step. It returns the name of the
// failed task ("" when none failed) and the main goroutine's cancellation.
func (c *compat) runTasks(g *G, wf *workflow, tasks []*slothTask) (string, error) {
	for i, t := range tasks {
		ok, err := c.runTask(g, wf, t)
		if err != nil {
			return "", err
		}
		if !ok {
			for _, rest := range tasks[i+1:] {
				c.s.output("stdout", fmt.Sprintf("--- task %s: skipped (task %s failed)\n", rest.name, t.name))
			}
			return t.name, nil
		}
	}
	return "", nil
}

// taskRun is what the goroutine of a task leaves for the main goroutine.
type taskRun struct{ err error }

// runTask runs t in its own goroutine (named for the task, in the group
// "task NAME", so the timeline shows it as a group) under t's timeout,
// then its on_success or on_failure hook in the main goroutine g. It
// reports whether the task succeeded.
func (c *compat) runTask(g *G, wf *workflow, t *slothTask) (bool, error) {
	s := c.s
	c.taskHeader(t)
	params := c.taskParams(g.L, wf, t)
	start := s.now()
	r := &taskRun{}
	tg, err := s.spawn(t.name, "task "+t.name, t.line, c.taskBody(t, params, r))
	if err != nil {
		return false, err
	}
	tg.collected = true
	var tm *timer
	if t.timeout > 0 {
		tm = s.addTimer(s.after(t.timeout), func() {
			s.cancel(tg, fmt.Errorf("timeout exceeded (%s)", t.timeoutText))
		})
	}
	line := t.line
	if wf != nil {
		line = wf.line
	}
	err = s.awaitG(tg, line)
	s.stopTimer(tm)
	if err != nil {
		return false, err
	}
	ok, msg, output, tb := c.taskOutcome(g.L, tg, r)
	hook, arg := t.onSuccess, output
	if !ok {
		hook, arg = t.onFailure, lua.LString(msg)
	}
	if hook != nil {
		if _, err := callOwn(g.L, hook, []lua.LValue{t.ud, params, arg}); err != nil {
			if g.cancelErr != nil {
				return false, g.cancelErr
			}
			ok, msg, tb = false, hookName(ok)+": "+s.errorText(g.L, err), traceback(err)
		}
	}
	c.taskFooter(tg, t, ok, msg, tb, s.now()-start)
	return ok, nil
}

func hookName(ok bool) string {
	if ok {
		return "on_success"
	}
	return "on_failure"
}

// taskHeader opens the task's section, with notes on what runs
// differently in the playground.
func (c *compat) taskHeader(t *slothTask) {
	head := "=== task " + t.name
	if t.description != "" {
		head += ": " + t.description
	}
	text := head + " ===\n"
	if t.delegateTo != "" {
		text += "note: delegate_to " + t.delegateTo + ": runs locally in the playground\n"
	}
	if len(t.ignored) > 0 {
		text += "note: not applied in the playground: " + strings.Join(t.ignored, ", ") + "\n"
	}
	c.s.output("stdout", text)
}

// taskParams is the command's second argument: the plain task's params,
// then task_name, workflow, workdir and user.
func (c *compat) taskParams(L *lua.LState, wf *workflow, t *slothTask) *lua.LTable {
	p := L.NewTable()
	if t.params != nil {
		eachPair(t.params, func(k, v lua.LValue) { p.RawSet(k, v) })
	}
	p.RawSetString("task_name", lua.LString(t.name))
	if wf != nil {
		p.RawSetString("workflow", lua.LString(wf.name))
	}
	if t.workdir != "" {
		p.RawSetString("workdir", lua.LString(t.workdir))
	}
	if t.user != "" {
		p.RawSetString("user", lua.LString(t.user))
	}
	return p
}

// taskBody is the task goroutine: command(this, params). A string command
// is not executed (a playground has no shell): a note says what would run
// and the task counts as done, so upstream pipelines still play through.
func (c *compat) taskBody(t *slothTask, params *lua.LTable, r *taskRun) body {
	return func(g *G) ([]lua.LValue, error) {
		switch cmd := t.command.(type) {
		case lua.LString:
			c.s.output("stdout", fmt.Sprintf("note: would run %q (no shell in the playground; counted as done)\n", string(cmd)))
			return []lua.LValue{lua.LTrue}, nil
		case *lua.LFunction:
			values, err := callOwn(g.L, cmd, []lua.LValue{t.ud, params})
			r.err = err
			return values, err
		}
		r.err = fmt.Errorf("%s:%d: task %s has no command", c.s.opts.ChunkName, t.line, t.name)
		return nil, r.err
	}
}

// taskOutcome reads how the task goroutine ended: it succeeded when the
// command returned true; the second value is the message and the third
// the output table passed to on_success.
func (c *compat) taskOutcome(L *lua.LState, tg *G, r *taskRun) (ok bool, msg string, output lua.LValue, tb string) {
	switch {
	case tg.cancelErr != nil:
		return false, tg.cancelErr.Error(), lua.LNil, ""
	case r.err != nil:
		return false, tg.errMsg, lua.LNil, traceback(r.err)
	}
	nth := func(i int) lua.LValue {
		if i < len(tg.values) {
			return tg.values[i]
		}
		return lua.LNil
	}
	if s, isStr := nth(1).(lua.LString); isStr {
		msg = string(s)
	}
	if nth(0) == lua.LTrue {
		return true, msg, nth(2), ""
	}
	if msg == "" {
		msg = fmt.Sprintf("command returned %s, want true", c.s.valueText(L, nth(0)))
	}
	return false, msg, lua.LNil, ""
}

func traceback(err error) string {
	var apiErr *lua.ApiError
	if errors.As(err, &apiErr) {
		return hideConcat(apiErr.StackTrace)
	}
	return ""
}

// taskFooter closes the task's section. A failure goes to stderr, is
// marked on the main goroutine's lane and is recorded in the result, with
// file:line, so the run's status is error.
func (c *compat) taskFooter(tg *G, t *slothTask, ok bool, msg, tb string, took int64) {
	s := c.s
	if ok {
		line := fmt.Sprintf("--- task %s: ok (%s)", t.name, formatMs(took))
		if msg != "" {
			line += ": " + msg
		}
		s.output("stdout", line+"\n")
		return
	}
	text := fmt.Sprintf("--- task %s: failed (%s): %s\n", t.name, formatMs(took), msg)
	if tb != "" {
		text += tb + "\n"
	}
	s.output("stderr", text)
	s.emit(Event{Kind: KindMark, G: s.cur.id, Name: "task " + t.name + " failed", Line: t.line})
	message, line := "task "+t.name+" failed: "+msg, errorLine(s.opts.ChunkName, msg)
	if line == 0 {
		line = t.line
		message = fmt.Sprintf("%s:%d: %s", s.opts.ChunkName, line, message)
	}
	s.result.Errors = append(s.result.Errors, GoroutineError{G: tg.id, Name: t.name, Message: message, Line: line, Traceback: tb})
}

// formatMs renders a run-clock span in milliseconds, one decimal.
func formatMs(us int64) string {
	return fmt.Sprintf("%.1f ms", float64(us)/1000)
}
