package luamod

import (
	"reflect"
	"sync"
	"unsafe"

	lua "github.com/yuin/gopher-lua"
)

// spares keeps the Lua threads of finished runs for the next runs of the
// process: the page's worker runs a user's scripts one after another, and
// gopher-lua's NewThread builds a whole global state (tables, a map) only
// for the new thread to drop it, which was over a third of a goroutine's
// first run. A spare thread belongs to no run: no globals, no context,
// nothing on its stack, so a run never sees what an earlier run left.
var spares threadCache

// maxSpareThreads bounds the spares, and maxSpareRegistry the registry of
// each (in slots of 16 bytes): a thread whose registry grew for a deep
// call is left to the collector instead. The spares hold about 3 MB.
const (
	maxSpareThreads  = 1024
	maxSpareRegistry = 64
)

// threadCache holds spare threads. A thread kept at a run's end still has
// the frames of its last calls past its stack's top: they point at that
// run's functions, and through them at its globals. Those threads are
// dirty until tidy clears them, once no run is going on (idle.go), so
// that a finished run's memory is not kept alive; a run may take a dirty
// thread, as it reuses its own threads, since its calls write over the
// frames.
type threadCache struct {
	mu    sync.Mutex
	clean []*lua.LState
	dirty []*lua.LState
}

// take returns a spare thread, made a thread of s, or nil when there is
// none.
func (c *threadCache) take(s *sched) *lua.LState {
	c.mu.Lock()
	th := pop(&c.dirty)
	if th == nil {
		th = pop(&c.clean)
	}
	c.mu.Unlock()
	if th == nil {
		return nil
	}
	th.G, th.Env = s.root.G, s.root.Env
	th.SetContext(&runCtx{s: s})
	return th
}

// keep makes the idle threads of a run that ended spares, as many as
// fit. The main goroutine's thread (allocated whole, see mainThread), a
// thread with values left on its stack or marked dead, and one with a
// grown registry are left out (a thread a Go panic unwound never reaches
// the run's idle threads).
func (c *threadCache) keep(threads []*lua.LState) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, th := range threads {
		if len(c.clean)+len(c.dirty) == maxSpareThreads {
			break
		}
		if th.Options != blank.L.Options || th.Parent != nil || th.Dead || th.GetTop() != 0 {
			continue
		}
		if size := registrySize(th); size <= 0 || size > maxSpareRegistry {
			continue
		}
		th.RemoveContext()
		th.G, th.Env, th.Panic = blank.L.G, blank.L.Env, blank.L.Panic
		c.dirty = append(c.dirty, th)
	}
}

// tidy clears the frames and slots of every dirty thread.
func (c *threadCache) tidy() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, th := range c.dirty {
		if clearThread(th) {
			c.clean = append(c.clean, th)
		}
	}
	clear(c.dirty)
	c.dirty = c.dirty[:0]
}

// pop takes the last thread of list, or returns nil.
func pop(list *[]*lua.LState) *lua.LState {
	n := len(*list)
	if n == 0 {
		return nil
	}
	th := (*list)[n-1]
	(*list)[n-1] = nil
	*list = (*list)[:n-1]
	return th
}

// clearThread writes over the frames a returned call leaves in th's
// stack's first segment, by calling blank's scrub function as deep as that
// segment, and clears every slot of its registry. It reports false, and
// th is dropped, if gopher-lua panicked: tidy runs on a timer's goroutine,
// where nothing else would recover.
func clearThread(th *lua.LState) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	th.Push(blank.scrub)
	th.Push(scrubDepths[lua.FramesPerSegment])
	th.Call(1, 0)
	th.SetTop(registrySize(th))
	th.SetTop(0)
	return true
}

// blank is a state without libraries, with the options of a run's root
// (see newSched): spare threads point at its empty globals, and its scrub
// function overwrites a thread's call frames.
var blank struct {
	L     *lua.LState
	scrub *lua.LFunction
}

func init() {
	blank.L = newRoot()
	blank.scrub = blank.L.NewFunction(scrubFrames)
}

// scrubFrames(n) calls itself until n reaches 1: each call pushes a frame.
func scrubFrames(L *lua.LState) int {
	if n := int(L.Get(1).(lua.LNumber)); n > 1 {
		L.Push(blank.scrub)
		L.Push(scrubDepths[n-1])
		L.Call(1, 0)
	}
	return 0
}

// scrubDepths are scrubFrames' arguments, boxed once.
var scrubDepths = func() (d [lua.FramesPerSegment + 1]lua.LValue) {
	for i := range d {
		d[i] = lua.LNumber(i)
	}
	return d
}()

// registryAt locates LState.reg.array, the slots of a thread's registry,
// which no method reports: the offsets of the reg pointer in LState and of
// array in what it points to, taken from the real types once (as
// frames.go does for the call frames). gopher-lua's registry never
// shrinks; its size decides whether a thread is worth keeping. A layout
// this does not find (another gopher-lua version) keeps no spares.
var registryAt, registryKnown = findRegistry()

func findRegistry() (at struct{ reg, array uintptr }, ok bool) {
	reg, ok := reflect.TypeFor[lua.LState]().FieldByName("reg")
	if !ok || reg.Type.Kind() != reflect.Pointer || reg.Type.Elem().Kind() != reflect.Struct {
		return at, false
	}
	arr, ok := reg.Type.Elem().FieldByName("array")
	if !ok || arr.Type != reflect.TypeFor[[]lua.LValue]() {
		return at, false
	}
	at.reg, at.array = reg.Offset, arr.Offset
	return at, true
}

// registrySize is the number of slots th's registry holds, or -1. It
// reads the two fields directly: through reflect it was most of the time
// a run's end took to keep a thousand spare threads under GOOS=js.
func registrySize(th *lua.LState) int {
	slots := registrySlots(th)
	if slots == nil {
		return -1
	}
	return cap(*slots)
}

// registrySlots points to th's registry slots, or is nil when the layout
// is unknown or th has no registry.
func registrySlots(th *lua.LState) *[]lua.LValue {
	if !registryKnown {
		return nil
	}
	reg := *(*unsafe.Pointer)(unsafe.Add(unsafe.Pointer(th), registryAt.reg))
	if reg == nil {
		return nil
	}
	return (*[]lua.LValue)(unsafe.Add(reg, registryAt.array))
}
