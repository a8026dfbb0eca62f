package tfreflect

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

// kind classifies a Go field type into the Terraform shape it becomes.
type kind int

const (
	kindString     kind = iota // cpapi.String, cpapi.Time, cpapi.Date
	kindFloat                  // cpapi.Float
	kindInt                    // cpapi.Int
	kindBool                   // cpapi.Bool
	kindObject                 // struct or *struct: a single nested attribute
	kindObjectList             // []struct: a list nested attribute
	kindStringList             // []cpapi.String
	kindIntList                // []cpapi.Int: a list of numbers (sg_ids)
)

var (
	stringType = reflect.TypeFor[cpapi.String]()
	timeType   = reflect.TypeFor[cpapi.Time]()
	dateType   = reflect.TypeFor[cpapi.Date]()
	floatType  = reflect.TypeFor[cpapi.Float]()
	intType    = reflect.TypeFor[cpapi.Int]()
	boolType   = reflect.TypeFor[cpapi.Bool]()
)

func kindOf(t reflect.Type) kind {
	k, err := classify(t)
	if err != nil {
		panic("tfreflect: " + err.Error())
	}
	return k
}

// modulePath prefixes the packages whose struct types may become nested attributes: a struct from
// elsewhere (time.Time, xml.Name) has no tags to derive attributes from.
const modulePath = "github.com/chargepoint-community/terraform-provider-chargepoint/"

// classify returns the kind of a field type, or why tfreflect cannot represent it.
func classify(t reflect.Type) (kind, error) {
	switch t {
	case stringType, timeType, dateType:
		return kindString, nil
	case floatType:
		return kindFloat, nil
	case intType:
		return kindInt, nil
	case boolType:
		return kindBool, nil
	}
	switch {
	case t.Kind() == reflect.Slice && t.Elem() == stringType:
		return kindStringList, nil
	case t.Kind() == reflect.Slice && t.Elem() == intType:
		return kindIntList, nil
	case t.Kind() == reflect.Struct && nestable(t):
		return kindObject, nil
	case t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Struct && nestable(t.Elem()):
		return kindObject, nil
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Struct && nestable(t.Elem()):
		return kindObjectList, nil
	}
	return 0, fmt.Errorf("unsupported field type %s: use cpapi.String, Float, Int, Bool, Time or Date, "+
		"a struct of this module, a pointer to one, a slice of them, or a slice of cpapi.String or cpapi.Int", t)
}

// nestable reports whether struct type t can be a nested object: a struct of this module (or an
// anonymous one) that is not one of the scalars.
func nestable(t reflect.Type) bool {
	if isNullableScalar(t) {
		return false
	}
	return t.PkgPath() == "" || strings.HasPrefix(t.PkgPath()+"/", modulePath)
}

// isNullableScalar reports whether t is one of cpapi's nullable scalars (String, Time, Date, Float, Int,
// Bool): a struct in Go, one value in Terraform.
func isNullableScalar(t reflect.Type) bool {
	switch t {
	case stringType, timeType, dateType, floatType, intType, boolType:
		return true
	}
	return false
}

// structType returns the struct type that a nested attribute's field type (a struct, a pointer to one or
// a slice of them) holds.
func structType(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	return t
}
