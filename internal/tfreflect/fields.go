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
//	validate:"oneof=M N K"          also between=LO HI, atleast=N, clock (HH:MM:SS), notempty, and
//	                                stationid (a station ID input: a warning, not an error, unless the
//	                                value is <network>:<number>); a value with spaces is single-quoted:
//	                                oneof=APPROVED 'NOT MANAGED'
//
// No other tag key or tf option exists: Check (run by the provider's tests on every data source's
// types) rejects a misspelled one, a validate rule that does not fit the field, a field type that
// cannot become an attribute and a nested struct without attributes, naming the struct and the field.
//
// An embedded struct without an xml name (a base type shared by several responses, such as
// getStationData inside stationDataExtended) contributes its fields as if they were declared in place,
// as encoding/xml does.
package tfreflect

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
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
	where    string // the declaring struct and Go field name, for error messages: cpapi.Alarm.StationID
}

var (
	fieldCache sync.Map // reflect.Type -> []field
	tfName     = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
)

// fields returns the exposed fields of struct type t in declaration order. Tag mistakes are reported by
// Check (run by the provider's tests for every data source type); fields only panics on what would
// make the schema itself invalid.
func fields(t reflect.Type) []field {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if cached, ok := fieldCache.Load(t); ok {
		return cached.([]field) //nolint:forcetypeassert // fieldCache holds only []field
	}
	out, errs := parseFields(t)
	for _, err := range errs {
		if errors.Is(err, errDuplicate) {
			panic(err.Error())
		}
	}
	fieldCache.Store(t, out)
	return out
}

var errDuplicate = errors.New("two fields have the same Terraform name")

// parseFields reads the fields of struct type t and every tag mistake it can see without following the
// field types (Check does that).
func parseFields(t reflect.Type) (out []field, errs []error) {
	seen := map[string]string{} // Terraform name -> where
	add := func(f field) {
		if prev, dup := seen[f.name]; dup {
			errs = append(errs, fmt.Errorf("tfreflect: %s and %s are both named %s: %w", prev, f.where, f.name, errDuplicate))
			return
		}
		seen[f.name] = f.where
		out = append(out, f)
	}
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		where := fmt.Sprintf("%s.%s", t, sf.Name)
		fail := func(format string, args ...any) {
			errs = append(errs, fmt.Errorf("tfreflect: %s: "+format, append([]any{where}, args...)...))
		}
		if err := checkTag(sf.Tag); err != nil {
			fail("%v", err)
		}
		wire, _, _ := strings.Cut(sf.Tag.Get("xml"), ",")
		tf := sf.Tag.Get("tf")
		name, opts, hasOpts := strings.Cut(tf, ",")
		required := false
		if hasOpts {
			for _, opt := range strings.Split(opts, ",") {
				if opt == "required" {
					required = true
				} else {
					fail("unknown tf option %q (known: required)", opt)
				}
			}
		}
		if embedded(sf) && wire == "" && tf == "" {
			inner, innerErrs := parseFields(sf.Type)
			errs = append(errs, innerErrs...)
			for _, f := range inner {
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
			if sf.Tag.Get("desc") != "" || sf.Tag.Get("validate") != "" || required {
				fail("has a desc, validate or required tag but is not an attribute (it needs an xml or tf name)")
			}
			continue
		}
		if name == "" {
			wire, _, _ = strings.Cut(wire, ">")
			name = snakeCase(wire)
		} else if !tfName.MatchString(name) {
			fail("tf name %q is not snake_case", name)
		}
		add(field{
			index:    []int{i},
			name:     name,
			desc:     sf.Tag.Get("desc"),
			required: required,
			validate: sf.Tag.Get("validate"),
			typ:      sf.Type,
			where:    where,
		})
	}
	return out, errs
}

// embedded reports whether sf is an embedded struct whose fields are promoted (not a scalar such as
// cpapi.String, which is a struct too).
func embedded(sf reflect.StructField) bool {
	if !sf.Anonymous || sf.Type.Kind() != reflect.Struct {
		return false
	}
	return !isNullableScalar(sf.Type)
}

// snakeCase turns a wire name into a Terraform name: postalCode -> postal_code, stationID -> station_id,
// stationMacAddr -> station_mac_addr, stationIDs -> station_ids, TimeStamp -> time_stamp.
func snakeCase(s string) string {
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
