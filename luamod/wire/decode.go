package wire

import (
	"errors"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
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

func (d *decoder) stringValue(v reflect.Value) error {
	s, err := d.str()
	if err != nil {
		return err
	}
	if !v.IsValid() {
		return nil
	}
	if v.Kind() != reflect.String {
		return typeError("string", v.Type())
	}
	v.SetString(s)
	return nil
}

// number checks the number at pos against JSON's grammar and stores it.
func (d *decoder) number(v reflect.Value) error {
	start := d.pos
	d.accept('-')
	if !d.accept('0') && !d.digits() {
		return d.unexpected("in numeric literal")
	}
	if d.accept('.') && !d.digits() {
		return d.unexpected("after decimal point in numeric literal")
	}
	if d.accept('e') || d.accept('E') {
		if !d.accept('+') {
			d.accept('-')
		}
		if !d.digits() {
			return d.unexpected("in exponent of numeric literal")
		}
	}
	if !v.IsValid() {
		return nil
	}
	return setNumber(v, string(d.data[start:d.pos]))
}

func (d *decoder) accept(c byte) bool {
	if d.pos < len(d.data) && d.data[d.pos] == c {
		d.pos++
		return true
	}
	return false
}

// digits consumes a run of digits and reports whether there was one.
func (d *decoder) digits() bool {
	start := d.pos
	for d.pos < len(d.data) && d.data[d.pos] >= '0' && d.data[d.pos] <= '9' {
		d.pos++
	}
	return d.pos > start
}

func setNumber(v reflect.Value, s string) error {
	switch v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || v.OverflowInt(n) {
			return typeError("number "+s, v.Type())
		}
		v.SetInt(n)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil || v.OverflowUint(n) {
			return typeError("number "+s, v.Type())
		}
		v.SetUint(n)
	case reflect.Float32, reflect.Float64:
		f, err := strconv.ParseFloat(s, v.Type().Bits())
		if err != nil || v.OverflowFloat(f) {
			return typeError("number "+s, v.Type())
		}
		v.SetFloat(f)
	default:
		return typeError("number", v.Type())
	}
	return nil
}

func (d *decoder) literal(v reflect.Value) error {
	lit := map[byte]string{'t': "true", 'f': "false", 'n': "null"}[d.data[d.pos]]
	for i := range len(lit) {
		if d.pos >= len(d.data) || d.data[d.pos] != lit[i] {
			return d.unexpected("in literal " + lit)
		}
		d.pos++
	}
	return setLiteral(v, lit)
}

func setLiteral(v reflect.Value, lit string) error {
	switch {
	case !v.IsValid():
	case lit == "null":
		switch v.Kind() {
		case reflect.Pointer, reflect.Interface, reflect.Map, reflect.Slice:
			v.Set(reflect.Zero(v.Type()))
		}
	case v.Kind() == reflect.Bool:
		v.SetBool(lit == "true")
	default:
		return typeError("bool", v.Type())
	}
	return nil
}

// str parses the string at pos: escapes resolved, invalid UTF-8 and lone
// surrogates replaced by U+FFFD.
func (d *decoder) str() (string, error) {
	d.pos++ // "
	var b []byte
	start := d.pos
	for d.pos < len(d.data) {
		c := d.data[d.pos]
		switch {
		case c == '"':
			s := string(append(b, d.data[start:d.pos]...))
			d.pos++
			return s, nil
		case c < 0x20:
			return "", d.unexpected("in string literal")
		case c == '\\':
			b = append(b, d.data[start:d.pos]...)
			var err error
			if b, err = d.escape(b); err != nil {
				return "", err
			}
			start = d.pos
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRune(d.data[d.pos:])
			if r == utf8.RuneError && size == 1 {
				b = append(append(b, d.data[start:d.pos]...), "\uFFFD"...)
				start = d.pos + 1
			}
			d.pos += size
		default:
			d.pos++
		}
	}
	return "", d.unexpected("")
}

// escape appends the character of the escape at pos (a backslash) to b.
func (d *decoder) escape(b []byte) ([]byte, error) {
	d.pos++
	if d.pos >= len(d.data) {
		return nil, d.unexpected("")
	}
	c := d.data[d.pos]
	d.pos++
	switch c {
	case '"', '\\', '/':
		return append(b, c), nil
	case 'b':
		return append(b, '\b'), nil
	case 'f':
		return append(b, '\f'), nil
	case 'n':
		return append(b, '\n'), nil
	case 'r':
		return append(b, '\r'), nil
	case 't':
		return append(b, '\t'), nil
	case 'u':
		r, err := d.hex4()
		if err != nil {
			return nil, err
		}
		if utf16.IsSurrogate(r) {
			r = d.surrogatePair(r)
		}
		return utf8.AppendRune(b, r), nil
	}
	d.pos--
	return nil, d.unexpected("in string escape code")
}

// surrogatePair is the character of the pair whose first half hi was just
// read, consuming the escape of its second half; U+FFFD when none follows.
func (d *decoder) surrogatePair(hi rune) rune {
	if d.pos+6 <= len(d.data) && d.data[d.pos] == '\\' && d.data[d.pos+1] == 'u' {
		if lo := hexValue(d.data[d.pos+2 : d.pos+6]); lo >= 0 {
			if r := utf16.DecodeRune(hi, rune(lo)); r != utf8.RuneError {
				d.pos += 6
				return r
			}
		}
	}
	return utf8.RuneError
}

func (d *decoder) hex4() (rune, error) {
	if d.pos+4 > len(d.data) {
		d.pos = len(d.data)
		return 0, d.unexpected("")
	}
	r := hexValue(d.data[d.pos : d.pos+4])
	if r < 0 {
		return 0, d.unexpected("in \\u hexadecimal character escape")
	}
	d.pos += 4
	return rune(r), nil
}

// hexValue is the value of four hex digits, -1 when they are not.
func hexValue(h []byte) int {
	n := 0
	for _, c := range h {
		switch {
		case c >= '0' && c <= '9':
			n = n<<4 | int(c-'0')
		case c >= 'a' && c <= 'f':
			n = n<<4 | int(c-'a'+10)
		case c >= 'A' && c <= 'F':
			n = n<<4 | int(c-'A'+10)
		default:
			return -1
		}
	}
	return n
}
