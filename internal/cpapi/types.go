package cpapi

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// The API's scalars are all optional, and ChargePoint sends empty elements for values it does not have
// (<Voltage></Voltage>, <sgLoad></sgLoad>). These nullable types decode an empty or absent element as
// null instead of failing, and encode nothing at all when null: an empty request element counts as
// present to ChargePoint, so unset fields must be omitted entirely.

// String is a nullable xsd:string.
type String struct {
	Value string
	Valid bool
}

// Float is a nullable number sent as xsd:double, xsd:decimal or a numeric xsd:string. A decoded value
// keeps the decimal it was sent as: Terraform holds numbers as decimals, so it gets exactly the number
// ChargePoint wrote (1.50461), not the nearest float64 (1.5046099999999999...). Value is that float64,
// for Go code that computes with it.
type Float struct {
	Value   float64
	Valid   bool
	decimal string // plain decimal notation of the value as sent; "" when built with FloatOf
}

// Int is a nullable xsd:int or xsd:long.
type Int struct {
	Value int64
	Valid bool
}

// Bool is a nullable flag: xsd:boolean in requests, 0/1 integers in most responses.
type Bool struct {
	Value bool
	Valid bool
}

// Time is a nullable xsd:dateTime, exposed as an RFC 3339 string. A decoded value is written back with
// the fractional seconds it was sent with ("…19.773Z" stays "…19.773Z", "…19Z" stays "…19Z"); a value
// sent without a zone is UTC and written with "Z", and a zero offset is written "Z". A value built with
// TimeOf (from configuration) is written with as many fractional digits as it needs, usually none.
type Time struct {
	Value  time.Time
	Valid  bool
	digits int8 // fractional-second digits as sent; 0: as few as the value needs
}

func StringOf(v string) String  { return String{Value: v, Valid: true} }
func FloatOf(v float64) Float   { return Float{Value: v, Valid: true} }
func IntOf(v int64) Int         { return Int{Value: v, Valid: true} }
func BoolOf(v bool) Bool        { return Bool{Value: v, Valid: true} }
func TimeOf(v time.Time) Time   { return Time{Value: v, Valid: true} }
func (s String) String() string { return s.Value }
func (f Float) String() string {
	if f.decimal != "" {
		return f.decimal
	}
	return strconv.FormatFloat(f.Value, 'f', -1, 64)
}
func (i Int) String() string       { return strconv.FormatInt(i.Value, 10) }
func (b Bool) String() string      { return strconv.FormatBool(b.Value) }
func (t Time) String() string      { return t.format(t.Value) }
func (t Time) wireString() string  { return t.format(t.Value.UTC()) }
func (b Bool) wireString() string  { return b.String() }
func (i Int) wireString() string   { return i.String() }
func (f Float) wireString() string { return f.String() }

func (t Time) format(v time.Time) string {
	if t.digits == 0 {
		return v.Format(time.RFC3339Nano)
	}
	return v.Format("2006-01-02T15:04:05." + strings.Repeat("0", int(t.digits)) + "Z07:00")
}

// fractionDigits counts the fractional-second digits of an xsd:dateTime (Go keeps at most 9).
func fractionDigits(s string) int8 {
	_, frac, ok := strings.Cut(s, ".")
	if !ok {
		return 0
	}
	n := 0
	for n < len(frac) && frac[n] >= '0' && frac[n] <= '9' {
		n++
	}
	return int8(min(n, 9))
}

// dateTimeLayouts are the xsd:dateTime forms ChargePoint is known to send; a missing zone means UTC.
var dateTimeLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02"}

// ParseTime parses an xsd:dateTime (or xsd:date) value.
func ParseTime(s string) (time.Time, error) {
	for _, layout := range dateTimeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not an xsd:dateTime", s)
}

func parseBool(s string) (bool, error) {
	switch s {
	case "1", "true":
		return true, nil
	case "0", "false":
		return false, nil
	}
	return false, fmt.Errorf("%q is not a 0/1 or true/false flag", s)
}

// The scalars' text parser is their UnmarshalText (encoding.TextUnmarshaler): it receives an element's
// character data as sent, and both the decoder (soap/decode.go) and encoding/xml call it. String keeps
// surrounding whitespace; the others trim it, and read an empty element as null.

func (s *String) UnmarshalText(b []byte) error {
	*s = StringOf(string(b))
	return nil
}

func (f *Float) UnmarshalText(b []byte) error {
	v, err := parseFloat(trimmedText(b))
	*f = v
	return err
}

// parseFloat parses a decimal number, keeping the decimal it was sent as; "" is null.
func parseFloat(s string) (Float, error) {
	if s == "" {
		return Float{}, nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return Float{}, fmt.Errorf("%q is not a number", s)
	}
	return Float{Value: v, Valid: true, decimal: plainDecimal(s)}, nil
}

func (i *Int) UnmarshalText(b []byte) error {
	*i = Int{}
	s := trimmedText(b)
	if s == "" {
		return nil
	}
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return fmt.Errorf("%q is not an integer", s)
	}
	*i = IntOf(v)
	return nil
}

func (b *Bool) UnmarshalText(text []byte) error {
	*b = Bool{}
	s := trimmedText(text)
	if s == "" {
		return nil
	}
	v, err := parseBool(s)
	*b = Bool{Value: v, Valid: err == nil}
	return err
}

func (t *Time) UnmarshalText(b []byte) error {
	*t = Time{}
	s := trimmedText(b)
	if s == "" {
		return nil
	}
	v, err := ParseTime(s)
	if err != nil {
		return err
	}
	*t = Time{Value: v, Valid: true, digits: fractionDigits(s)}
	return nil
}

// trimmedText is an element's text without surrounding whitespace.
func trimmedText(b []byte) string { return string(bytes.TrimSpace(b)) }

// encodeScalar writes <name>text</name>, or nothing when the value is null.
func encodeScalar(e *xml.Encoder, start xml.StartElement, valid bool, text string) error {
	if !valid {
		return nil
	}
	return e.EncodeElement(text, start)
}

func (s String) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	return encodeScalar(e, start, s.Valid, s.Value)
}

func (f Float) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	return encodeScalar(e, start, f.Valid, f.wireString())
}

func (i Int) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	return encodeScalar(e, start, i.Valid, i.wireString())
}

func (b Bool) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	return encodeScalar(e, start, b.Valid, b.wireString())
}

func (t Time) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	return encodeScalar(e, start, t.Valid, t.wireString())
}
