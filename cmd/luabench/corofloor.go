package main

import (
	"fmt"

	lua "github.com/yuin/gopher-lua"
)

// runCoroutineFloor runs pingPongSrc's two loops in plain gopher-lua the
// way the engine runs goroutines, with nothing else: each loop is a
// coroutine, a channel method that must wait yields to a Go loop, and
// the loop resumes the coroutine it woke, through gopher-lua's public
// API (NewThread, Resume, Yield). No context, no trace, no limits: what
// handing off between two Lua coroutines costs in gopher-lua, the floor
// under this design's round trip.
func runCoroutineFloor(n int) {
	L := lua.NewState()
	defer L.Close()
	f := &floorLoop{}
	methods := L.SetFuncs(L.NewTable(), map[string]lua.LGFunction{"send": f.send, "receive": f.receive})
	mt := L.NewTable()
	L.SetField(mt, "__index", methods)
	for _, name := range []string{"ping", "pong"} {
		L.SetGlobal(name, &lua.LUserData{Value: &floorChan{}, Metatable: mt})
	}
	src := fmt.Sprintf(`local ping, pong = ping, pong
worker = function() for i = 1, %d do pong:send(ping:receive()) end end
main = function() for i = 1, %[1]d do ping:send(i); pong:receive() end end`, n)
	if err := L.DoString(src); err != nil {
		panic(err)
	}
	var cos []*lua.LState
	for _, name := range []string{"main", "worker"} {
		co, _ := L.NewThread()
		cos = append(cos, co)
		f.ready = append(f.ready, floorWake{co: co, fn: L.GetGlobal(name).(*lua.LFunction)})
	}
	for len(f.ready) > 0 {
		w := f.ready[0]
		f.ready = f.ready[1:]
		if _, err, _ := L.Resume(w.co, w.fn, w.args...); err != nil {
			panic(err)
		}
	}
	for _, co := range cos {
		if st := L.Status(co); st != "dead" {
			panic("coroutine floor: a loop stopped before its end: " + st)
		}
	}
}

// floorChan is an unbuffered channel between two coroutines: at most one
// waits on it at a time.
type floorChan struct {
	sender, receiver *lua.LState
	val              lua.LValue
}

// floorLoop is the Go loop's queue of coroutines to resume.
type floorLoop struct{ ready []floorWake }

// floorWake is a coroutine to resume: with its function the first time,
// then with the values its wait returns.
type floorWake struct {
	co   *lua.LState
	fn   *lua.LFunction
	args []lua.LValue
}

func (f *floorLoop) send(L *lua.LState) int {
	ch := L.CheckUserData(1).Value.(*floorChan)
	if r := ch.receiver; r != nil {
		ch.receiver = nil
		f.ready = append(f.ready, floorWake{co: r, args: []lua.LValue{L.Get(2)}})
		return 0
	}
	ch.sender, ch.val = L, L.Get(2)
	return L.Yield()
}

func (f *floorLoop) receive(L *lua.LState) int {
	ch := L.CheckUserData(1).Value.(*floorChan)
	if s := ch.sender; s != nil {
		ch.sender = nil
		f.ready = append(f.ready, floorWake{co: s})
		L.Push(ch.val)
		return 1
	}
	ch.receiver = L
	return L.Yield()
}
