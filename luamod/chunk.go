package luamod

import (
	"fmt"
	"io"
	"strings"
	"sync"

	lua "github.com/yuin/gopher-lua"
	"github.com/yuin/gopher-lua/ast"
	"github.com/yuin/gopher-lua/parse"
)

// Every chunk of a run, the script and what loadstring and load compile,
// goes through compile: its nesting is checked before gopher-lua parses
// it, its syntax tree is bounded and its concatenations rewritten (see
// concat.go) before gopher-lua compiles it.

// parseBytesPerSourceByte is about what parsing and compiling a chunk
// allocates per byte of source (40 to 110 measured): loadstring reserves
// it first, and a script too big to parse within the memory limit is
// refused.
const parseBytesPerSourceByte = 64

// compile turns src into a function of the run, in L's environment. Its
// errors are gopher-lua's, which syntaxError words as Lua 5.1 does. The
// caller has checked src with checkNesting. gopher-lua's parser reads src
// through a checkedReader, which calls check for every 4 KiB: check ends
// a parse that outlives the run's limits by panicking with an error,
// which the parser returns.
func (s *sched) compile(L *lua.LState, src, name string, check func(n int)) (*lua.LFunction, error) {
	proto, err := compileProto(src, name, check)
	if err != nil {
		return nil, err
	}
	return s.function(L, proto), nil
}

// compileProto parses and compiles src, as compile does, into a prototype
// that any run can make functions of.
func compileProto(src, name string, check func(n int)) (*lua.FunctionProto, error) {
	chunk, err := parse.Parse(&checkedReader{src: src, check: check}, name)
	if err != nil {
		return nil, err
	}
	if err := guardTree(chunk, name); err != nil {
		return nil, err
	}
	return lua.Compile(withConcat(chunk), name)
}

// function makes proto a function of the run, in L's environment.
func (s *sched) function(L *lua.LState, proto *lua.FunctionProto) *lua.LFunction {
	// The wrapper runs on the root thread, which counts no instructions,
	// so compiling takes no time on the run clock.
	R := s.root
	R.Push(L.NewFunctionFromProto(proto))
	R.Push(s.concatFn)
	R.Call(1, 1)
	fn := R.Get(-1).(*lua.LFunction)
	R.Pop(1)
	return fn
}

// compileMain compiles the script, or returns the result of a run that
// could not start: a syntax error, or a script too big to compile within
// the memory limit.
func (s *sched) compileMain(src string) (*lua.LFunction, Result) {
	name := s.opts.ChunkName
	err := checkNesting(src, name, func(int) { s.checkOutside(true) })
	if err == nil && int64(len(src))*parseBytesPerSourceByte > s.opts.MaxMemory {
		return nil, Result{Status: StatusLimit, Error: s.memoryLimitError().Error()}
	}
	var proto *lua.FunctionProto
	if err == nil {
		if proto = lastMain.get(src, name); proto == nil {
			proto, err = compileProto(src, name, s.checkParse)
		}
	}
	if err != nil {
		if r := s.stopped; r != nil {
			return nil, Result{Status: r.status, Error: r.err.Error()}
		}
		msg := syntaxError(name, src, err)
		return nil, Result{Status: StatusError, Error: msg, Line: resultLine(name, src, msg)}
	}
	lastMain.put(src, name, proto)
	return s.function(s.root, proto), Result{}
}

// lastMain is the prototype of the last script compiled, by source and
// chunk name: the page's user and the benchmarks run the same script again
// and again, and parsing and compiling even a short one under GOOS=js
// came before its first instruction. gopher-lua never writes to a
// prototype once compiled, so runs share it, at once too. A script longer
// than maxSharedSource is not kept, so a big one is not held between
// runs.
var lastMain protoCache

const maxSharedSource = 16 << 10

type protoCache struct {
	mu        sync.Mutex
	src, name string
	proto     *lua.FunctionProto
}

// get returns the prototype of src named name, or nil.
func (c *protoCache) get(src, name string) *lua.FunctionProto {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.proto == nil || c.src != src || c.name != name {
		return nil
	}
	return c.proto
}

// put keeps proto as the prototype of src named name.
func (c *protoCache) put(src, name string, proto *lua.FunctionProto) {
	if len(src) > maxSharedSource {
		return
	}
	c.mu.Lock()
	c.src, c.name, c.proto = src, name, proto
	c.mu.Unlock()
}

// drop forgets the prototype kept.
func (c *protoCache) drop() { c.put("", "", nil) }

// loadUnits is the work of a call of loadstring or load besides its
// bytes: about 7 µs.
const loadUnits = 256

// parseUnitsPerByte is the work of parsing a byte of source, in units.
const parseUnitsPerByte = 2

// checkParse is compileMain's check while the script is parsed, before
// the run starts: it stops a parse that outlives the wall-time limit or
// the caller's cancellation.
func (s *sched) checkParse(int) {
	s.checkOutside(true)
	if s.stopped != nil {
		panic(s.stopped.err)
	}
}

// checkedReader is src as an io.Reader that calls check before each
// piece it gives.
type checkedReader struct {
	src   string
	check func(n int)
}

func (r *checkedReader) Read(p []byte) (int, error) {
	if r.src == "" {
		return 0, io.EOF
	}
	n := copy(p[:min(len(p), 4096)], r.src)
	r.check(n)
	r.src = r.src[n:]
	return n, nil
}

// guardTree bounds the depth of chunk's tree and rewrites its
// concatenations. A main chunk is walked outside any goroutine's guard,
// so a panic of the walk itself (a tree it does not expect: a bug in the
// engine) becomes the chunk's error instead of ending the process.
func guardTree(chunk []ast.Stmt, name string) (err error) {
	g := &astGuard{}
	defer func() {
		if r := recover(); r != nil {
			if deep, ok := r.(errTooDeep); ok {
				err = fmt.Errorf("%s:%d: %s", name, deep.line, errSyntaxLevels)
				return
			}
			err = fmt.Errorf("%s: internal error while checking the chunk: %v", name, r)
		}
	}()
	g.stmts(chunk)
	return nil
}

// withConcat wraps chunk as
//
//	local (concat) = ...
//	return function(...) chunk end
//
// so that calling the compiled function with concatL returns the chunk,
// which reaches concatL as an upvalue.
func withConcat(chunk []ast.Stmt) []ast.Stmt {
	fn := &ast.FunctionExpr{ParList: &ast.ParList{HasVargs: true}, Stmts: chunk}
	if len(chunk) > 0 {
		fn.SetLine(chunk[0].Line())
		fn.SetLastLine(chunk[len(chunk)-1].LastLine() + 1)
	}
	local := &ast.LocalAssignStmt{Names: []string{concatName}, Exprs: []ast.Expr{&ast.Comma3Expr{}}}
	return []ast.Stmt{local, &ast.ReturnStmt{Exprs: []ast.Expr{fn}}}
}

// openLoaders replaces loadstring and load with ones that compile through
// compile, reserving memory for the parse and charging it.
func (s *sched) openLoaders() {
	L := s.root
	s.concatFn = L.NewFunction(s.concatL)
	L.SetGlobal("loadstring", L.NewFunction(func(L *lua.LState) int {
		src := L.CheckString(1)
		return s.loadChunk(L, src, L.OptString(2, src))
	}))
	L.SetGlobal("load", L.NewFunction(s.load))
}

// load is load(reader [, name]): the pieces the reader returns, joined
// as they arrive within the memory limit, compiled as one chunk.
func (s *sched) load(L *lua.LState) int {
	reader := L.CheckFunction(1)
	name := L.OptString(2, "=(load)")
	b := &guardedBuilder{s: s, L: L}
	for {
		L.Push(reader)
		L.Call(0, 1)
		piece := L.Get(-1)
		L.Pop(1)
		if piece == lua.LNil {
			break
		}
		str, ok := piece.(lua.LString)
		if !ok {
			if _, isNum := piece.(lua.LNumber); !isNum {
				return pushFail(L, lua.LNil, "reader function must return a string")
			}
			str = lua.LString(stringOf(piece))
		}
		if str == "" {
			break
		}
		b.add(string(str))
	}
	return s.loadChunk(L, b.String(), name)
}

// loadChunk compiles src for loadstring and load: the function, or nil
// and the error message. name is a chunk name as Lua 5.1 takes it, which
// errors and tracebacks show as chunkID writes it.
func (s *sched) loadChunk(L *lua.LState, src, name string) int {
	name = chunkID(name)
	s.charge(L, loadUnits)
	err := checkNesting(src, name, func(n int) { s.chargeBytes(L, n) })
	var fn *lua.LFunction
	if err == nil {
		s.reserve(L, int64(len(src))*parseBytesPerSourceByte)
		fn, err = s.compile(L, src, name, func(n int) { s.charge(L, int64(n)*parseUnitsPerByte) })
	}
	if err != nil {
		raiseIf(L, s.cur.cancelErr)
		return pushFail(L, lua.LNil, syntaxError(name, src, err))
	}
	L.Push(fn)
	return 1
}

// chunkID is how Lua 5.1 shows a chunk's name (luaO_chunkid, in at most
// 59 bytes): "=name" as name, "@file" as file (its end, after "...",
// when long), and any other name, a loaded string's source by default,
// as [string "its first line..."].
func chunkID(name string) string {
	const size = 59
	switch {
	case strings.HasPrefix(name, "="):
		return name[1:min(len(name), size+1)]
	case strings.HasPrefix(name, "@"):
		if file := name[1:]; len(file) > size-7 {
			return "..." + file[len(file)-(size-7):]
		}
		return name[1:]
	}
	line, cut := name, false
	if i := strings.IndexAny(name, "\n\r"); i >= 0 {
		line, cut = name[:i], true
	}
	if len(line) > size-16 {
		line, cut = line[:size-16], true
	}
	if cut {
		line += "..."
	}
	return `[string "` + line + `"]`
}
