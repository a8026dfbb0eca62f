package tfreflect

import (
	"fmt"
	"math/big"
	"reflect"
	"sync"
	"time"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

var typeCache sync.Map // reflect.Type -> tftypes.Type

// typeOf returns the Terraform type of a value of Go type t.
func typeOf(t reflect.Type) tftypes.Type {
	if cached, ok := typeCache.Load(t); ok {
		return cached.(tftypes.Type) //nolint:forcetypeassert // typeCache holds only tftypes.Type values
	}
	typ := deriveType(t)
	typeCache.Store(t, typ)
	return typ
}

func deriveType(t reflect.Type) tftypes.Type {
	switch kindOf(t) {
	case kindString:
		return tftypes.String
	case kindFloat, kindInt:
		return tftypes.Number
	case kindBool:
		return tftypes.Bool
	case kindStringList:
		return tftypes.List{ElementType: tftypes.String}
	case kindIntList:
		return tftypes.List{ElementType: tftypes.Number}
	case kindObjectList:
		return tftypes.List{ElementType: objectType(structType(t))}
	default:
		return objectType(structType(t))
	}
}

// objectType returns the Terraform object type of struct type t.
func objectType(t reflect.Type) tftypes.Object {
	if cached, ok := typeCache.Load(t); ok {
		return cached.(tftypes.Object) //nolint:forcetypeassert // a struct type's cached type is a tftypes.Object
	}
	attrs := map[string]tftypes.Type{}
	for _, f := range fields(t) {
		attrs[f.name] = typeOf(f.typ)
	}
	obj := tftypes.Object{AttributeTypes: attrs}
	typeCache.Store(t, obj)
	return obj
}

// Value converts v (a cpapi scalar, struct, pointer to struct or slice) to a Terraform value: the value
// tree the framework would be handed. Production writes the same state as MessagePack directly
// (AppendObjectMsgpack, AppendItemObjectMsgpack); Value is the reference that the encoder is tested
// against, and what the framework path of the provider's equality tests builds. Lists are never null: no
// items is an empty list, so configurations can use length() without a null check. Non-finite numbers
// become null and are counted in nf (which may be nil), by attribute path from path.
func Value(v reflect.Value, nf *NonFinite, path ...string) tftypes.Value {
	typ := typeOf(v.Type())
	switch x := v.Interface().(type) {
	case cpapi.String:
		return nullable(typ, x.Valid, x.Value)
	case cpapi.Time:
		return nullable(typ, x.Valid, x.String())
	case cpapi.Date:
		return nullable(typ, x.Valid, x.String())
	case cpapi.Float:
		if !x.Valid {
			return tftypes.NewValue(typ, nil)
		}
		decimal, f, finite := nf.number(x, path)
		if !finite {
			return tftypes.NewValue(typ, nil)
		}
		if decimal != "" {
			// parsed the way Terraform parses a number literal: base 10, 512 bits, to nearest even
			if n, _, err := big.ParseFloat(decimal, 10, 512, big.ToNearestEven); err == nil {
				return tftypes.NewValue(typ, n)
			}
		}
		return tftypes.NewValue(typ, big.NewFloat(f))
	case cpapi.Int:
		return nullable(typ, x.Valid, new(big.Float).SetInt64(x.Value))
	case cpapi.Bool:
		return nullable(typ, x.Valid, x.Value)
	}
	switch v.Kind() {
	case reflect.Slice:
		items := make([]tftypes.Value, v.Len())
		for i := range items {
			items[i] = Value(v.Index(i), nf, path...)
		}
		return tftypes.NewValue(typ, items)
	case reflect.Pointer:
		if v.IsNil() {
			return tftypes.NewValue(typ, nil)
		}
		return Value(v.Elem(), nf, path...)
	default:
		attrs := map[string]tftypes.Value{}
		for _, f := range fields(v.Type()) {
			attrs[f.name] = Value(v.FieldByIndex(f.index), nf, append(path[:len(path):len(path)], f.name)...)
		}
		return tftypes.NewValue(typ, attrs)
	}
}

func nullable(typ tftypes.Type, valid bool, v any) tftypes.Value {
	if !valid {
		return tftypes.NewValue(typ, nil)
	}
	return tftypes.NewValue(typ, v)
}

// Decode sets the fields of the struct that target points to from the attributes of obj that share
// their names; attributes without a field (outputs) are ignored.
func Decode(obj tftypes.Value, target any) error {
	v := reflect.ValueOf(target)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return fmt.Errorf("tfreflect: Decode needs a pointer to a struct, got %T", target)
	}
	return decodeStruct(obj, v.Elem())
}

func decodeStruct(obj tftypes.Value, dst reflect.Value) error {
	var attrs map[string]tftypes.Value
	if err := obj.As(&attrs); err != nil {
		return err
	}
	for _, f := range fields(dst.Type()) {
		val, ok := attrs[f.name]
		if !ok || val.IsNull() {
			continue
		}
		if !val.IsFullyKnown() {
			return fmt.Errorf("%s is not known yet", f.name)
		}
		if err := decodeField(val, dst.FieldByIndex(f.index)); err != nil {
			return fmt.Errorf("%s: %w", f.name, err)
		}
	}
	return nil
}

func decodeField(val tftypes.Value, dst reflect.Value) error {
	switch kindOf(dst.Type()) {
	case kindString:
		var s string
		if err := val.As(&s); err != nil {
			return err
		}
		if dst.Type() == timeType {
			t, err := time.Parse(time.RFC3339, s)
			if err != nil {
				return err
			}
			dst.Set(reflect.ValueOf(cpapi.TimeOf(t)))
			return nil
		}
		if dst.Type() == dateType {
			d, err := cpapi.ParseDate(s)
			if err != nil {
				return err
			}
			dst.Set(reflect.ValueOf(cpapi.DateOf(d)))
			return nil
		}
		dst.Set(reflect.ValueOf(cpapi.StringOf(s)))
	case kindFloat, kindInt:
		var n big.Float
		if err := val.As(&n); err != nil {
			return err
		}
		if dst.Type() == intType {
			i, _ := n.Int64()
			dst.Set(reflect.ValueOf(cpapi.IntOf(i)))
		} else {
			f, err := cpapi.ParseFloat(n.Text('g', -1))
			if err != nil {
				return err
			}
			dst.Set(reflect.ValueOf(f))
		}
	case kindBool:
		var b bool
		if err := val.As(&b); err != nil {
			return err
		}
		dst.Set(reflect.ValueOf(cpapi.BoolOf(b)))
	case kindObject:
		if dst.Kind() == reflect.Pointer {
			dst.Set(reflect.New(dst.Type().Elem()))
			dst = dst.Elem()
		}
		return decodeStruct(val, dst)
	default: // lists
		var items []tftypes.Value
		if err := val.As(&items); err != nil {
			return err
		}
		out := reflect.MakeSlice(dst.Type(), len(items), len(items))
		for i, item := range items {
			if err := decodeField(item, out.Index(i)); err != nil {
				return err
			}
		}
		dst.Set(out)
	}
	return nil
}
