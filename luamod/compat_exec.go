package luamod

import (
	lua "github.com/yuin/gopher-lua"
)

// execModule is a simulated stand-in for sloth-runner's exec module (the
// global exec and require("exec")): a command runs no shell; it takes
// simulated, seeded time on the run clock and returns the result a script
// set up with exec.mock(command, result), or success with no output.
// Defaults: exit code 0, empty stdout and stderr, 100 to 600 ms.
type execModule struct{ io *simIO }

// execMockFields are the fields of exec.mock's result table.
var execMockFields = map[string]lua.LValueType{
	"stdout": lua.LTString, "stderr": lua.LTString, "exit_code": lua.LTNumber, "duration": lua.LTNumber,
}

func (m *execModule) table(L *lua.LState) *lua.LTable {
	return setFuncs(L, L.NewTable(), map[string]lua.LGFunction{
		"run":  m.run,
		"mock": m.io.mock(execMockFields),
	})
}

// run is exec.run(command, options): sloth-runner's result table
// {success, exit_code, stdout, stderr}, plus duration_ms. The options
// (workdir, env) are accepted and have no effect.
func (m *execModule) run(L *lua.LState) int {
	io := m.io
	cmd := L.CheckString(1)
	if L.Get(2) != lua.LNil {
		L.CheckTable(2)
	}
	took := io.latency(cmd, "duration", 100, 600)
	io.wait(L, took, ReasonExec, cmd)
	code := io.number(cmd, "exit_code", 0)
	res := L.NewTable()
	res.RawSetString("success", lua.LBool(code == 0))
	res.RawSetString("exit_code", lua.LNumber(code))
	res.RawSetString("stdout", lua.LString(io.text(cmd, "stdout", "")))
	res.RawSetString("stderr", lua.LString(io.text(cmd, "stderr", "")))
	res.RawSetString("duration_ms", lua.LNumber(took))
	res.RawSetString("command", lua.LString(cmd))
	L.Push(res)
	return 1
}
