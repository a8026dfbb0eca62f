package tfreflect

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

// SetInput is one attribute that a query sets: its Terraform name, its value as a configuration would
// write it, and, for a station ID input (validate:"stationid"), the station IDs it names.
type SetInput struct {
	Name       string
	Value      string
	StationIDs []string
}

func (in SetInput) String() string { return in.Name + " = " + in.Value }

// maxListedItems bounds the items of a list that SetInputs writes out; the rest are counted.
const maxListedItems = 10

// SetInputs returns the attributes that the query v (a struct, as Decode fills it) sets, in declaration
// order: what was asked, for messages that name it. A null scalar, a nil list or pointer and an object
// with nothing set are not set; an empty list is ("station_ids = []").
func SetInputs(v reflect.Value) []SetInput {
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return nil
		}
		v = v.Elem()
	}
	var out []SetInput
	for _, f := range fields(v.Type()) {
		fv := v.FieldByIndex(f.index)
		text, ok := inputText(fv)
		if !ok {
			continue
		}
		in := SetInput{Name: f.name, Value: text}
		if hasRule(f, "stationid") {
			in.StationIDs = stationIDsOf(fv)
		}
		out = append(out, in)
	}
	return out
}

// DescribeInputs writes inputs as a configuration would: `sg_id = 999, station_id = "1:81203"`, or
// "no arguments".
func DescribeInputs(inputs []SetInput) string {
	if len(inputs) == 0 {
		return "no arguments"
	}
	parts := make([]string, len(inputs))
	for i, in := range inputs {
		parts[i] = in.String()
	}
	return strings.Join(parts, ", ")
}

func hasRule(f field, name string) bool {
	rs, err := rules(f)
	if err != nil {
		return false
	}
	for _, r := range rs {
		if r.name == name {
			return true
		}
	}
	return false
}

// stationIDsOf returns the strings of a station ID input: a cpapi.String or a list of them.
func stationIDsOf(v reflect.Value) []string {
	if s, ok := reflect.TypeAssert[cpapi.String](v); ok {
		return []string{s.Value}
	}
	if v.Kind() != reflect.Slice {
		return nil
	}
	ids := make([]string, 0, v.Len())
	for i := 0; i < v.Len(); i++ {
		if s, ok := reflect.TypeAssert[cpapi.String](v.Index(i)); ok && s.Valid {
			ids = append(ids, s.Value)
		}
	}
	return ids
}

// inputText renders v as HCL would write it; ok is false when v is not set.
func inputText(v reflect.Value) (text string, ok bool) {
	switch x := v.Interface().(type) {
	case cpapi.String:
		return strconv.Quote(x.Value), x.Valid
	case cpapi.Time:
		return strconv.Quote(x.String()), x.Valid
	case cpapi.Date:
		return strconv.Quote(x.String()), x.Valid
	case cpapi.Float:
		return x.String(), x.Valid
	case cpapi.Int:
		return x.String(), x.Valid
	case cpapi.Bool:
		return x.String(), x.Valid
	}
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return "", false
		}
		return inputText(v.Elem())
	case reflect.Slice:
		if v.IsNil() {
			return "", false
		}
		n := v.Len()
		items := make([]string, 0, min(n, maxListedItems)+1)
		for i := 0; i < n && i < maxListedItems; i++ {
			text, ok := inputText(v.Index(i))
			if !ok {
				text = "null"
			}
			items = append(items, text)
		}
		if n > maxListedItems {
			items = append(items, fmt.Sprintf("… %d more", n-maxListedItems))
		}
		return "[" + strings.Join(items, ", ") + "]", true
	case reflect.Struct:
		set := SetInputs(v)
		if len(set) == 0 {
			return "", false
		}
		return "{ " + DescribeInputs(set) + " }", true
	}
	return "", false
}
