package wire

import (
	"reflect"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// The scalars of a JSON document: strings, numbers and literals.

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
