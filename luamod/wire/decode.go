package wire

import (
	"errors"
	"reflect"
	"strconv"
	"strings"
)

// Decoder is a type that reads its own JSON, as an encoding/json
// Unmarshaler does. It is called with the value's bytes, null included.
type Decoder interface {
	DecodeJSON([]byte) error
}

// maxDepth bounds nesting, as encoding/json's.
const maxDepth = 10000

// Unmarshal parses the JSON value in data into the value v points to, as
// json.Unmarshal does for the types the package covers: a key that names
// no field is skipped; a value of the wrong type is an error.
func Unmarshal(data []byte, v any) error { return unmarshal(data, v, false) }

// UnmarshalStrict is Unmarshal that also refuses a key that names no
// field, as a json.Decoder with DisallowUnknownFields does.
func UnmarshalStrict(data []byte, v any) error { return unmarshal(data, v, true) }

func unmarshal(data []byte, v any, strict bool) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return errors.New("json: Unmarshal needs a non-nil pointer")
	}
	d := &decoder{data: data, strict: strict}
	if err := d.value(rv.Elem()); err != nil {
		return err
	}
	if d.skipSpace(); d.pos < len(d.data) {
		return d.unexpected("after top-level value")
	}
	return nil
}

type decoder struct {
	data   []byte
	pos    int
	strict bool
	depth  int
}

func (d *decoder) skipSpace() {
	for d.pos < len(d.data) {
		switch d.data[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return
		}
	}
}

// unexpected is the syntax error at the current position.
func (d *decoder) unexpected(context string) error {
	if d.pos >= len(d.data) {
		return errors.New("unexpected end of JSON input")
	}
	return errors.New("json: invalid character " + strconv.QuoteRune(rune(d.data[d.pos])) + " " + context)
}

func typeError(what string, t reflect.Type) error {
	return errors.New("json: cannot unmarshal " + what + " into Go value of type " + t.String())
}

// value parses one value into v, which may be invalid (the value is then
// checked and skipped).
func (d *decoder) value(v reflect.Value) error {
	d.skipSpace()
	if d.pos >= len(d.data) {
		return d.unexpected("")
	}
	if dec, ok := asDecoder(v); ok {
		start := d.pos
		if err := d.value(reflect.Value{}); err != nil {
			return err
		}
		return dec.DecodeJSON(d.data[start:d.pos])
	}
	switch c := d.data[d.pos]; {
	case c == '{':
		return d.object(v)
	case c == '[':
		return d.array(v)
	case c == '"':
		return d.stringValue(v)
	case c == '-' || c >= '0' && c <= '9':
		return d.number(v)
	case c == 't', c == 'f', c == 'n':
		return d.literal(v)
	}
	return d.unexpected("looking for beginning of value")
}

// asDecoder is v's Decoder when it has one.
func asDecoder(v reflect.Value) (Decoder, bool) {
	if !v.IsValid() || !v.CanAddr() {
		return nil, false
	}
	dec, ok := v.Addr().Interface().(Decoder)
	return dec, ok
}

func (d *decoder) nest() error {
	if d.depth++; d.depth > maxDepth {
		return errors.New("json: exceeded max depth")
	}
	return nil
}

func (d *decoder) object(v reflect.Value) error {
	if v.IsValid() && v.Kind() != reflect.Struct {
		return typeError("object", v.Type())
	}
	if err := d.nest(); err != nil {
		return err
	}
	d.pos++ // {
	for i := 0; ; i++ {
		d.skipSpace()
		if i == 0 && d.pos < len(d.data) && d.data[d.pos] == '}' {
			break
		}
		if d.pos >= len(d.data) || d.data[d.pos] != '"' {
			return d.unexpected("looking for beginning of object key string")
		}
		key, err := d.str()
		if err != nil {
			return err
		}
		if d.skipSpace(); d.pos >= len(d.data) || d.data[d.pos] != ':' {
			return d.unexpected("after object key")
		}
		d.pos++
		target, err := d.field(v, key)
		if err != nil {
			return err
		}
		if err := d.value(target); err != nil {
			return err
		}
		if d.skipSpace(); d.pos < len(d.data) && d.data[d.pos] == ',' {
			d.pos++
			continue
		}
		if d.pos >= len(d.data) || d.data[d.pos] != '}' {
			return d.unexpected("after object key:value pair")
		}
		break
	}
	d.pos++ // }
	d.depth--
	return nil
}

// field is the field of struct v that key names (exactly, else ignoring
// case), or an invalid value when there is none.
func (d *decoder) field(v reflect.Value, key string) (reflect.Value, error) {
	if !v.IsValid() {
		return v, nil
	}
	fs := fieldsOf(v.Type())
	for _, f := range fs {
		if f.name == key {
			return v.Field(f.index), nil
		}
	}
	for _, f := range fs {
		if strings.EqualFold(f.name, key) {
			return v.Field(f.index), nil
		}
	}
	if d.strict {
		return v, errors.New("json: unknown field " + strconv.Quote(key))
	}
	return reflect.Value{}, nil
}

func (d *decoder) array(v reflect.Value) error {
	if v.IsValid() && v.Kind() != reflect.Slice {
		return typeError("array", v.Type())
	}
	if err := d.nest(); err != nil {
		return err
	}
	d.pos++ // [
	if v.IsValid() {
		v.SetLen(0)
	}
	for i := 0; ; i++ {
		d.skipSpace()
		if i == 0 && d.pos < len(d.data) && d.data[d.pos] == ']' {
			break
		}
		var elem reflect.Value
		if v.IsValid() {
			v.Set(reflect.Append(v, reflect.Zero(v.Type().Elem())))
			elem = v.Index(i)
		}
		if err := d.value(elem); err != nil {
			return err
		}
		if d.skipSpace(); d.pos < len(d.data) && d.data[d.pos] == ',' {
			d.pos++
			continue
		}
		if d.pos >= len(d.data) || d.data[d.pos] != ']' {
			return d.unexpected("after array element")
		}
		break
	}
	if v.IsValid() && v.IsNil() {
		v.Set(reflect.MakeSlice(v.Type(), 0, 0))
	}
	d.pos++ // ]
	d.depth--
	return nil
}
