package luamod

import (
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/mitchellh/mapstructure"
	"github.com/yuin/gluamapper"
	lua "github.com/yuin/gopher-lua"
)

// decodeOptions decodes the option table at argument n into out, a pointer
// to a struct of scalar fields that carry `gluamapper:"name"` tags. A
// missing or nil argument leaves out as it is. A field of the wrong type or
// a key the struct lacks raises "bad argument #n to f (options: ...)"
// naming it in Lua's words; those are checked first, so the decoder only
// ever sees scalars (no nested or cyclic table, no Go type in a message).
func decodeOptions(L *lua.LState, n int, out any) {
	if L.Get(n) == lua.LNil {
		return
	}
	tbl := L.CheckTable(n)
	if tbl.Len() > 0 {
		L.ArgError(n, "options: a table of named fields expected, got a list")
	}
	if msg := checkOptionTypes(tbl, reflect.TypeOf(out).Elem()); msg != "" {
		L.ArgError(n, "options: "+msg)
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

// checkOptionTypes checks each field of tbl against the struct type t:
// its key must name a field, its value have the field's Lua type.
func checkOptionTypes(tbl *lua.LTable, t reflect.Type) string {
	want := map[string]lua.LValueType{}
	for i := range t.NumField() {
		f := t.Field(i)
		switch f.Type.Kind() {
		case reflect.Float64, reflect.Int:
			want[f.Tag.Get("gluamapper")] = lua.LTNumber
		case reflect.String:
			want[f.Tag.Get("gluamapper")] = lua.LTString
		case reflect.Bool:
			want[f.Tag.Get("gluamapper")] = lua.LTBool
		}
	}
	msg := ""
	eachPair(tbl, func(k, v lua.LValue) {
		name, isName := k.(lua.LString)
		typ, known := want[string(name)]
		switch {
		case msg != "":
		case !isName || !known:
			msg = "unknown field " + fieldName(k)
		case v.Type() != typ:
			msg = fmt.Sprintf("'%s' must be a %s, got %s", name, typ, typeNameOf(v))
		}
	})
	return msg
}

// fieldName shows a key of an option table in an error message.
func fieldName(k lua.LValue) string {
	switch k.(type) {
	case lua.LString, lua.LNumber, lua.LBool:
		return "'" + k.String() + "'"
	}
	return "of type " + typeNameOf(k)
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
		L.ArgError(n, "options: '"+field+"' must be an integer >= "+strconv.Itoa(lo))
	}
	return int(v)
}
