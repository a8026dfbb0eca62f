package tfreflect

import (
	"fmt"
	"reflect"

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
	switch t {
	case stringType, timeType, dateType:
		return kindString
	case floatType:
		return kindFloat
	case intType:
		return kindInt
	case boolType:
		return kindBool
	}
	switch {
	case t.Kind() == reflect.Struct, t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Struct:
		return kindObject
	case t.Kind() == reflect.Slice && t.Elem() == stringType:
		return kindStringList
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Struct:
		return kindObjectList
	}
	panic(fmt.Sprintf("tfreflect: unsupported field type %s", t))
}

func structType(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	return t
}
