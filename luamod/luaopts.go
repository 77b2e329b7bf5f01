package luamod

import (
	"fmt"
	"reflect"
	"strconv"

	lua "github.com/yuin/gopher-lua"
)

// decodeOptions decodes the option table at argument n into out, a pointer
// to a struct of scalar fields (float64, string, bool) that carry
// `lua:"name"` tags. A missing or nil argument leaves out as it is. A key
// the struct lacks or a field of the wrong type raises "bad argument #n to
// f (options: ...)" naming it in Lua's words; only then is out changed, so
// it never sees a nested or cyclic table.
func decodeOptions(L *lua.LState, n int, out any) {
	if L.Get(n) == lua.LNil {
		return
	}
	tbl := L.CheckTable(n)
	if tbl.Len() > 0 {
		L.ArgError(n, "options: a table of named fields expected, got a list")
	}
	v := reflect.ValueOf(out).Elem()
	fields := optionFields(v.Type())
	if msg := checkOptionTypes(tbl, fields); msg != "" {
		L.ArgError(n, "options: "+msg)
	}
	eachPair(tbl, func(k, val lua.LValue) {
		f := v.Field(fields[string(k.(lua.LString))].index)
		switch val := val.(type) {
		case lua.LNumber:
			f.SetFloat(float64(val))
		case lua.LString:
			f.SetString(string(val))
		case lua.LBool:
			f.SetBool(bool(val))
		}
	})
}

// optionField is a field of an option struct: where it is and the Lua
// type its value must have.
type optionField struct {
	index int
	typ   lua.LValueType
}

// optionFields maps the lua tags of struct type t to its fields.
func optionFields(t reflect.Type) map[string]optionField {
	fields := map[string]optionField{}
	for i := range t.NumField() {
		f := t.Field(i)
		typ := lua.LTNil
		switch f.Type.Kind() {
		case reflect.Float64:
			typ = lua.LTNumber
		case reflect.String:
			typ = lua.LTString
		case reflect.Bool:
			typ = lua.LTBool
		}
		if name := f.Tag.Get("lua"); name != "" && typ != lua.LTNil {
			fields[name] = optionField{i, typ}
		}
	}
	return fields
}

// checkOptionTypes checks each field of tbl against the struct's fields:
// its key must name a field, its value have the field's Lua type.
func checkOptionTypes(tbl *lua.LTable, fields map[string]optionField) string {
	msg := ""
	eachPair(tbl, func(k, v lua.LValue) {
		name, isName := k.(lua.LString)
		f, known := fields[string(name)]
		switch {
		case msg != "":
		case !isName || !known:
			msg = "unknown field " + fieldName(k)
		case v.Type() != f.typ:
			msg = fmt.Sprintf("'%s' must be a %s, got %s", name, f.typ, typeNameOf(v))
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

// checkCount validates an option that must be a whole number of at least lo.
func checkCount(L *lua.LState, n int, field string, v float64, lo int) int {
	if v != float64(int(v)) || int(v) < lo {
		L.ArgError(n, "options: '"+field+"' must be an integer >= "+strconv.Itoa(lo))
	}
	return int(v)
}
