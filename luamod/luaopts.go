package luamod

import (
	"errors"
	"strings"

	"github.com/mitchellh/mapstructure"
	"github.com/yuin/gluamapper"
	lua "github.com/yuin/gopher-lua"
)

// decodeOptions decodes the option table at argument n into out, a pointer
// to a struct whose fields carry `gluamapper:"name"` tags. A missing or nil
// argument leaves out as it is. A field of the wrong type or a key the
// struct lacks raises "bad argument #n to f (options: ...)" naming it.
func decodeOptions(L *lua.LState, n int, out any) {
	if L.Get(n) == lua.LNil {
		return
	}
	tbl := L.CheckTable(n)
	if tbl.Len() > 0 {
		L.ArgError(n, "options: a table of named fields expected, got a list")
	}
	raw := gluamapper.ToGoValue(tbl, gluamapper.Option{NameFunc: gluamapper.Id})
	dec, err := mapstructure.NewDecoder(&mapstructure.DecoderConfig{
		Result:      out,
		TagName:     "gluamapper",
		ErrorUnused: true,
	})
	if err == nil {
		err = dec.Decode(raw)
	}
	if err != nil {
		L.ArgError(n, "options: "+decodeError(err))
	}
}

// decodeError keeps the first of mapstructure's messages, the one that
// names the field.
func decodeError(err error) string {
	var me *mapstructure.Error
	if errors.As(err, &me) && len(me.Errors) > 0 {
		msg := me.Errors[0]
		msg = strings.ReplaceAll(msg, "float64", "number")
		return msg
	}
	return err.Error()
}

// checkCount validates an option that must be a whole number of at least lo.
func checkCount(L *lua.LState, n int, field string, v float64, lo int) int {
	if v != float64(int(v)) || int(v) < lo {
		L.ArgError(n, "options: '"+field+"' must be an integer >= "+itoa(lo))
	}
	return int(v)
}

func itoa(i int) string {
	return strings.TrimSpace(strings.Replace(lua.LNumber(i).String(), ".0", "", 1))
}
