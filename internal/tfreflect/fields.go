// Package tfreflect derives Terraform schemas and values from the cpapi wire types, so that each API
// field is declared once: its wire name (xml tag), Terraform name (snake_case of the wire name unless a
// `tf` tag says otherwise), description (`desc` tag) and plan-time validation (`validate` tag) sit on
// one struct field, and the schema, the state value and the request decoding all follow from it.
//
// Tags:
//
//	xml:"postalCode"                wire name; a field without one is exposed only if tf names it
//	                                (a value cpapi derives after decoding, such as sg_ids)
//	tf:"name,required"              Terraform name override; "required" for inputs; tf:"-" hides a field
//	desc:"..."                      Markdown description
//	validate:"oneof=M N K"          also between=LO HI, atleast=N, clock (HH:MM:SS); a value with
//	                                spaces is single-quoted: oneof=APPROVED 'NOT MANAGED'
//
// An embedded struct without an xml name (a base type shared by several responses, such as
// getStationData inside stationDataExtended) contributes its fields as if they were declared in place,
// as encoding/xml does.
package tfreflect

import (
	"fmt"
	"reflect"
	"strings"
	"sync"
	"unicode"
)

type field struct {
	index    []int // for reflect.Value.FieldByIndex: more than one step for a field of an embedded struct
	name     string
	desc     string
	required bool
	validate string
	typ      reflect.Type
}

var fieldCache sync.Map // reflect.Type -> []field

// fields returns the exposed fields of struct type t in declaration order.
func fields(t reflect.Type) []field {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if cached, ok := fieldCache.Load(t); ok {
		return cached.([]field)
	}
	var out []field
	seen := map[string]bool{}
	add := func(f field) {
		if seen[f.name] {
			panic(fmt.Sprintf("tfreflect: %s has two fields named %s", t, f.name))
		}
		seen[f.name] = true
		out = append(out, f)
	}
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		wire, _, _ := strings.Cut(sf.Tag.Get("xml"), ",")
		tf := sf.Tag.Get("tf")
		name, opts, _ := strings.Cut(tf, ",")
		if embedded(sf) && wire == "" && tf == "" {
			for _, f := range fields(sf.Type) {
				f.index = append([]int{i}, f.index...)
				add(f)
			}
			continue
		}
		if wire == "-" {
			wire = ""
		}
		// Exposed: a wire field, or a field derived after decoding that names itself (xml:"-" tf:"sg_ids").
		if !sf.IsExported() || tf == "-" || (wire == "" && name == "") {
			continue
		}
		if name == "" {
			wire, _, _ = strings.Cut(wire, ">")
			name = SnakeCase(wire)
		}
		add(field{
			index:    []int{i},
			name:     name,
			desc:     sf.Tag.Get("desc"),
			required: opts == "required",
			validate: sf.Tag.Get("validate"),
			typ:      sf.Type,
		})
	}
	fieldCache.Store(t, out)
	return out
}

// embedded reports whether sf is an embedded struct whose fields are promoted (not a scalar such as
// cpapi.String, which is a struct too).
func embedded(sf reflect.StructField) bool {
	if !sf.Anonymous || sf.Type.Kind() != reflect.Struct {
		return false
	}
	switch sf.Type {
	case stringType, timeType, dateType, floatType, intType, boolType:
		return false
	}
	return true
}

// Names returns the Terraform attribute names of struct type t.
func Names(t reflect.Type) []string {
	var names []string
	for _, f := range fields(t) {
		names = append(names, f.name)
	}
	return names
}

// SnakeCase turns a wire name into a Terraform name: postalCode -> postal_code, stationID -> station_id,
// stationMacAddr -> station_mac_addr, stationIDs -> station_ids, TimeStamp -> time_stamp.
func SnakeCase(s string) string {
	s = strings.ReplaceAll(s, "IDs", "Ids")
	r := []rune(s)
	var b strings.Builder
	for i, c := range r {
		if unicode.IsUpper(c) && i > 0 {
			prevLower := unicode.IsLower(r[i-1]) || unicode.IsDigit(r[i-1])
			acronymEnd := unicode.IsUpper(r[i-1]) && i+1 < len(r) && unicode.IsLower(r[i+1])
			if prevLower || acronymEnd {
				b.WriteByte('_')
			}
		}
		b.WriteRune(unicode.ToLower(c))
	}
	return b.String()
}
