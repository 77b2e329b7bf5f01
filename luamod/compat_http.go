package luamod

import (
	"strings"

	lua "github.com/yuin/gopher-lua"
)

// httpModule is a simulated stand-in for sloth-runner's http module
// (require("http")): requests take simulated, seeded time on the run clock
// and get the response a script set up with http.mock(url, response), or
// "200 OK". No request leaves the sandbox. Defaults: status 200, body
// {"status":"ok"}, a latency of 50 to 250 ms.
type httpModule struct{ io *simIO }

// httpMockFields are the fields of http.mock's response table.
var httpMockFields = map[string]lua.LValueType{
	"status": lua.LTNumber, "body": lua.LTString, "latency": lua.LTNumber,
	"headers": lua.LTTable, "error": lua.LTString,
}

func (m *httpModule) table(L *lua.LState) *lua.LTable {
	method := func(name string) lua.LGFunction {
		return func(L *lua.LState) int { return m.request(L, name, L.CheckString(1), 2) }
	}
	return setFuncs(L, L.NewTable(), map[string]lua.LGFunction{
		"get":    method("GET"),
		"post":   method("POST"),
		"put":    method("PUT"),
		"delete": method("DELETE"),
		"head":   method("HEAD"),
		"request": func(L *lua.LState) int {
			return m.request(L, strings.ToUpper(L.CheckString(1)), L.CheckString(2), 3)
		},
		"mock": m.io.mock(httpMockFields),
	})
}

// request performs method on url; argument opt may be a request body
// (string) or an option table {body=, headers=, timeout=ms}. It returns
// the response table, or nil and a message when the response set up is an
// error or the timeout passes first.
func (m *httpModule) request(L *lua.LState, method, url string, opt int) int {
	io := m.io
	timeout := -1.0
	switch o := L.Get(opt).(type) {
	case *lua.LTable:
		if t, ok := o.RawGetString("timeout").(lua.LNumber); ok {
			timeout = float64(t)
		}
	case lua.LString, *lua.LNilType:
	default:
		L.ArgError(opt, "body string or option table expected, got "+typeNameOf(o))
	}
	took := io.latency(url, "latency", 50, 250)
	obj := method + " " + url
	if timeout >= 0 && took > timeout {
		io.wait(L, timeout, ReasonHTTP, obj)
		return pushFail(L, lua.LNil, "timeout after "+numberText(lua.LNumber(timeout))+" ms: "+obj)
	}
	io.wait(L, took, ReasonHTTP, obj)
	if msg := io.text(url, "error", ""); msg != "" {
		return pushFail(L, lua.LNil, msg+": "+obj)
	}
	status := io.number(url, "status", 200)
	ok := lua.LBool(status >= 200 && status < 300)
	resp := L.NewTable()
	resp.RawSetString("status", lua.LNumber(status))
	resp.RawSetString("status_code", lua.LNumber(status))
	resp.RawSetString("ok", ok)
	resp.RawSetString("success", ok)
	resp.RawSetString("body", lua.LString(io.text(url, "body", `{"status":"ok"}`)))
	headers := L.NewTable()
	if h, isTable := io.lookup(url, "headers").(*lua.LTable); isTable {
		eachPair(h, func(k, v lua.LValue) { headers.RawSet(k, v) })
	}
	resp.RawSetString("headers", headers)
	resp.RawSetString("url", lua.LString(url))
	resp.RawSetString("method", lua.LString(method))
	resp.RawSetString("latency_ms", lua.LNumber(took))
	L.Push(resp)
	return 1
}
