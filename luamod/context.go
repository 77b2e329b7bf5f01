package luamod

import (
	lua "github.com/yuin/gopher-lua"
)

const contextType = "goroutine.context"

// Errors of a cancelled context, as Go words them.
const (
	errCtxCanceled = "context canceled"
	errCtxDeadline = "context deadline exceeded"
)

// luaContext is Go's context.Context for cancellation and deadlines.
// Cancelling one cancels its children with the same error; done is a
// channel closed on cancellation, made on first request, so a goroutine
// can wait for it in select.
type luaContext struct {
	obj      string
	parent   *luaContext
	children []*luaContext
	err      string // "" while not cancelled
	deadline int64  // run clock, microseconds; -1: none (scripts see it on os.time's clock)
	timer    *timer
	done     *channel
	doneUD   *lua.LUserData // the same userdata for every done() call
}

func checkContext(L *lua.LState, n int) *luaContext {
	return checkObject[luaContext](L, n, contextType)
}

func (m *Module) contextMethods() map[string]lua.LGFunction {
	return map[string]lua.LGFunction{
		"with_cancel": func(L *lua.LState) int {
			return m.pushChild(L, m.s.childContext(checkContext(L, 1), -1))
		},
		"with_timeout": func(L *lua.LState) int {
			parent := checkContext(L, 1)
			d := m.s.after(msToMicros(float64(L.CheckNumber(2))))
			return m.pushChild(L, m.s.childContext(parent, d))
		},
		"with_deadline": func(L *lua.LState) int {
			parent := checkContext(L, 1)
			return m.pushChild(L, m.s.childContext(parent, m.s.clockAt(float64(L.CheckNumber(2)))))
		},
		"cancel": func(L *lua.LState) int {
			m.s.cancelContext(checkContext(L, 1), errCtxCanceled)
			return 0
		},
		"is_cancelled": func(L *lua.LState) int {
			L.Push(lua.LBool(checkContext(L, 1).err != ""))
			return 1
		},
		"err": func(L *lua.LState) int {
			if c := checkContext(L, 1); c.err != "" {
				L.Push(lua.LString(c.err))
			} else {
				L.Push(lua.LNil)
			}
			return 1
		},
		"deadline": func(L *lua.LState) int {
			if c := checkContext(L, 1); c.deadline >= 0 {
				L.Push(lua.LNumber(float64(c.deadline+m.s.epoch()) / 1000))
			} else {
				L.Push(lua.LNil)
			}
			return 1
		},
		"done": func(L *lua.LState) int {
			c := checkContext(L, 1)
			if c.doneUD == nil {
				c.doneUD = newObject(L, channelType, m.s.doneChan(c))
			}
			L.Push(c.doneUD)
			return 1
		},
	}
}

// pushChild returns a new context and, as Go's WithCancel does, a
// function that cancels it.
func (m *Module) pushChild(L *lua.LState, c *luaContext) int {
	L.Push(newObject(L, contextType, c))
	L.Push(L.NewFunction(func(L *lua.LState) int {
		m.s.cancelContext(c, errCtxCanceled)
		return 0
	}))
	return 2
}

// childContext makes a child of parent with a deadline (-1: none; the
// parent's when that is earlier). A child of a cancelled parent starts
// cancelled; one whose deadline has passed is cancelled at once.
func (s *sched) childContext(parent *luaContext, deadline int64) *luaContext {
	c := &luaContext{obj: s.nextObject("context"), parent: parent, deadline: parent.deadline}
	if parent.err != "" {
		c.err = parent.err
		return c
	}
	parent.children = append(parent.children, c)
	if deadline < 0 || (c.deadline >= 0 && c.deadline <= deadline) {
		return c
	}
	c.deadline = deadline
	if deadline <= s.now() {
		s.cancelContext(c, errCtxDeadline)
		return c
	}
	c.timer = s.addTimer(deadline, func() { s.cancelContext(c, errCtxDeadline) })
	return c
}

// cancelContext cancels c and its descendants with err, closing their
// done channels; a context already cancelled keeps its first error.
func (s *sched) cancelContext(c *luaContext, err string) {
	if c.err != "" {
		return
	}
	c.err = err
	s.stopTimer(c.timer)
	if c.done != nil {
		s.closeChan(c.done, s.curID())
	}
	children := c.children
	c.children = nil
	for _, child := range children {
		s.cancelContext(child, err)
	}
	if p := c.parent; p != nil {
		for i, x := range p.children {
			if x == c {
				p.children = append(p.children[:i], p.children[i+1:]...)
				break
			}
		}
	}
}

// doneChan is c's done channel, closed already when c is cancelled. A
// goroutine that receives on it waits on "context N" for reason
// "context" in the trace and the reports.
func (s *sched) doneChan(c *luaContext) *channel {
	if c.done == nil {
		c.done = &channel{obj: c.obj, closed: c.err != "", recvReason: ReasonContext}
	}
	return c.done
}

func (m *Module) contextL(L *lua.LState) int {
	c := &luaContext{obj: m.s.nextObject("context"), deadline: -1}
	L.Push(newObject(L, contextType, c))
	return 1
}
