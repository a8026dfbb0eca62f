package provider

import (
	"context"
	"fmt"
	"reflect"

	fwschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/tfreflect"
)

// populated returns a value of type t with every scalar, pointer and list filled, so that a state
// built from it exercises every attribute.
func populated(t reflect.Type) reflect.Value {
	v := reflect.New(t).Elem()
	fill(v)
	return v
}

func fill(v reflect.Value) {
	switch x := v.Addr().Interface().(type) {
	case *cpapi.String:
		*x = cpapi.StringOf("x")
		return
	case *cpapi.Float:
		*x = cpapi.FloatOf(1.5)
		return
	case *cpapi.Int:
		*x = cpapi.IntOf(2)
		return
	case *cpapi.Bool:
		*x = cpapi.BoolOf(true)
		return
	case *cpapi.Time:
		*x = cpapi.TimeOf(cpapi.Time{}.Value.AddDate(2000, 0, 0))
		return
	case *cpapi.Date:
		*x = cpapi.DateOf(cpapi.Date{}.Value.AddDate(2000, 0, 0))
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem())
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := 0; i < 2; i++ {
			fill(v.Index(i))
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i))
			}
		}
	}
}

// checkModelAgainstSchema builds the state the data source would write for a fully populated response
// and checks it against the schema's type, and that every input of the schema is a field of the query.
func (d *listDataSource[Q, T]) checkModelAgainstSchema(ctx context.Context, s fwschema.Schema) error {
	schemaType := s.Type().TerraformType(ctx).(tftypes.Object)
	query := tfreflect.Value(populated(reflect.TypeFor[Q]()), nil)
	var attrs map[string]tftypes.Value
	if err := query.As(&attrs); err != nil {
		return err
	}
	attrs[d.output] = tfreflect.Value(populated(reflect.TypeFor[[]T]()), nil)
	if len(attrs) != len(schemaType.AttributeTypes) {
		return fmt.Errorf("model has %d attributes, schema %d", len(attrs), len(schemaType.AttributeTypes))
	}
	types := map[string]tftypes.Type{}
	for k, v := range attrs {
		types[k] = v.Type()
	}
	state := tftypes.NewValue(tftypes.Object{AttributeTypes: types}, attrs)
	if !state.Type().Equal(schemaType) {
		return fmt.Errorf("model type %s\ndiffers from schema type %s", state.Type(), schemaType)
	}
	var decoded Q
	if err := tfreflect.Decode(state, &decoded); err != nil {
		return fmt.Errorf("decode inputs: %w", err)
	}
	if again := tfreflect.Value(reflect.ValueOf(decoded), nil); !again.Equal(tfreflect.Value(populated(reflect.TypeFor[Q]()), nil)) {
		return fmt.Errorf("inputs do not round-trip through the schema: %s", again)
	}
	return nil
}

// checkModelAgainstSchema checks that the schema is the query's inputs plus the item's outputs, and
// that an input and an output of the same name have the same type.
func (d *singleDataSource[Q, T]) checkModelAgainstSchema(ctx context.Context, s fwschema.Schema) error {
	schemaType := s.Type().TerraformType(ctx).(tftypes.Object)
	want := objectTypeOf[Q]().AttributeTypes
	for name, typ := range objectTypeOf[T]().AttributeTypes {
		if in, ok := want[name]; ok && !in.Equal(typ) {
			return fmt.Errorf("input %s has type %s but the output of that name has %s", name, in, typ)
		}
		want[name] = typ
	}
	if got := (tftypes.Object{AttributeTypes: want}); !got.Equal(schemaType) {
		return fmt.Errorf("model type %s\ndiffers from schema type %s", got, schemaType)
	}
	return nil
}

// objectTypeOf is the Terraform object type of struct type T, as tfreflect derives it.
func objectTypeOf[T any]() tftypes.Object {
	return tfreflect.Value(reflect.New(reflect.TypeFor[T]()).Elem(), nil).Type().(tftypes.Object) //nolint:forcetypeassert // T is a struct
}
