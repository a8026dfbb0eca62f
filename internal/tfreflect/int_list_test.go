package tfreflect

import (
	"context"
	"math/big"
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

// numbers has a derived list of numbers, as a station's sg_ids.
type numbers struct {
	Raw cpapi.String `xml:"sgID" desc:"as sent"`
	IDs []cpapi.Int  `xml:"-" tf:"sg_ids" validate:"between=0 5" desc:"split"`
}

// A []cpapi.Int field is a list(number) attribute everywhere tfreflect derives one: schema, type, value,
// MessagePack and decoding; a null item (a value that was not a number) stays null, in its place.
func TestIntListIsAListOfNumbers(t *testing.T) {
	out := Attributes(reflect.TypeFor[numbers](), Output)["sg_ids"]
	list, ok := out.(schema.ListAttribute)
	if !ok || list.ElementType != types.Int64Type || !list.Computed {
		t.Fatalf("sg_ids = %#v, want a computed list of Int64", out)
	}
	if in := Attributes(reflect.TypeFor[numbers](), Input)["sg_ids"].(schema.ListAttribute); len(in.Validators) != 1 {
		t.Errorf("the list's validate rule was dropped: %+v", in)
	}
	want := tftypes.List{ElementType: tftypes.Number}
	if got := typeOf(reflect.TypeFor[[]cpapi.Int]()); !got.Equal(want) {
		t.Fatalf("Type = %s, want %s", got, want)
	}
	schemaType := schema.Schema{Attributes: Attributes(reflect.TypeFor[numbers](), Output)}.Type().TerraformType(context.Background())

	for name, v := range map[string]numbers{
		"numbers":   {Raw: cpapi.StringOf("48981, 49683"), IDs: []cpapi.Int{cpapi.IntOf(48981), cpapi.IntOf(49683)}},
		"with null": {Raw: cpapi.StringOf("48981, abc"), IDs: []cpapi.Int{cpapi.IntOf(48981), {}}},
		"large":     {IDs: []cpapi.Int{cpapi.IntOf(-1 << 63), cpapi.IntOf(1<<63 - 1), cpapi.IntOf(0)}},
		"empty":     {IDs: []cpapi.Int{}},
	} {
		t.Run(name, func(t *testing.T) {
			value := Value(reflect.ValueOf(v), nil)
			if !value.Type().Equal(schemaType) {
				t.Fatalf("value type %s, schema type %s", value.Type(), schemaType)
			}
			var attrs map[string]tftypes.Value
			var items []tftypes.Value
			if err := value.As(&attrs); err != nil {
				t.Fatal(err)
			}
			if err := attrs["sg_ids"].As(&items); err != nil || len(items) != len(v.IDs) {
				t.Fatalf("sg_ids = %v (%v)", attrs["sg_ids"], err)
			}
			for i, item := range items {
				if !v.IDs[i].Valid {
					if !item.IsNull() {
						t.Errorf("item %d = %v, want null", i, item)
					}
					continue
				}
				var n big.Float
				if err := item.As(&n); err != nil {
					t.Fatal(err)
				}
				if got, acc := n.Int64(); acc != big.Exact || got != v.IDs[i].Value {
					t.Errorf("item %d = %v, want %d", i, &n, v.IDs[i].Value)
				}
			}

			var nf NonFinite
			packed, err := (&tfprotov6.DynamicValue{MsgPack: appendMsgpack(nil, reflect.ValueOf(v), &nf, nil)}).Unmarshal(value.Type())
			if err != nil {
				t.Fatal(err)
			}
			if !packed.Equal(value) || len(nf) != 0 {
				t.Fatalf("MessagePack %v differs from Value %v (non-finite %v)", packed, value, nf)
			}

			if name != "with null" { // Decode reads configuration; a null item is the output's concern only
				var back numbers
				if err := Decode(value, &back); err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(back, v) {
					t.Errorf("Decode = %+v, want %+v", back, v)
				}
			}
		})
	}
}
