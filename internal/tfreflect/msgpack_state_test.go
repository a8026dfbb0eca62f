package tfreflect

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

// stateConfig is a data source configuration of the object type attrs plus an input "query": every
// attribute null but query and, when set is true, the first string attribute of attrs (an input that
// has the name of an output).
func stateConfig(attrs map[string]tftypes.Type, set bool) tftypes.Value {
	types := map[string]tftypes.Type{"query": tftypes.String}
	values := map[string]tftypes.Value{"query": tftypes.NewValue(tftypes.String, "asked")}
	for name, typ := range attrs {
		types[name] = typ
		values[name] = tftypes.NewValue(typ, nil)
	}
	for _, name := range slices.Sorted(maps.Keys(attrs)) {
		if set && attrs[name].Is(tftypes.String) {
			values[name] = tftypes.NewValue(tftypes.String, "configured")
			break
		}
	}
	return tftypes.NewValue(tftypes.Object{AttributeTypes: types}, values)
}

// TestAppendObjectMsgpackMatchesValue: a list data source's state is the configuration with the output
// attribute set to the items, as the value tree would have it.
func TestAppendObjectMsgpackMatchesValue(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	list := reflect.New(reflect.TypeFor[[]cpapi.Station]()).Elem()
	randomValue(rng, list)
	config := stateConfig(map[string]tftypes.Type{"stations": typeOf(list.Type())}, false)
	var nf, wantNF NonFinite
	got := decodeState(t, config.Type(), func() ([]byte, error) { return AppendObjectMsgpack(nil, config, "stations", list, &nf) })
	var attrs map[string]tftypes.Value
	if err := config.As(&attrs); err != nil {
		t.Fatal(err)
	}
	attrs["stations"] = Value(list, &wantNF, "stations")
	if want := roundTrip(t, tftypes.NewValue(config.Type(), attrs)); !got.Equal(want) {
		diffs, _ := got.Diff(want)
		t.Fatalf("state differs from the value tree: %v", diffs)
	}
	if !reflect.DeepEqual(nf, wantNF) {
		t.Fatalf("counted %v non-finite numbers, the value tree %v", nf, wantNF)
	}
}

// TestAppendItemObjectMsgpackMatchesValue: a single data source's state is the configuration with the
// item's attributes filled in where the configuration leaves them null, as the value tree would have it.
func TestAppendItemObjectMsgpackMatchesValue(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for _, typ := range []reflect.Type{reflect.TypeFor[cpapi.Station](), reflect.TypeFor[cpapi.Load](),
		reflect.TypeFor[cpapi.StationGroupDetails](), reflect.TypeFor[cpapi.SessionIntervals]()} {
		for _, set := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/input_set=%v", typ.Name(), set), func(t *testing.T) {
				item := reflect.New(typ).Elem()
				randomValue(rng, item)
				config := stateConfig(objectType(typ).AttributeTypes, set)
				var nf, wantNF NonFinite
				got := decodeState(t, config.Type(), func() ([]byte, error) { return AppendItemObjectMsgpack(nil, config, item, &nf) })
				var attrs, itemAttrs map[string]tftypes.Value
				if err := config.As(&attrs); err != nil {
					t.Fatal(err)
				}
				if err := Value(item, &wantNF).As(&itemAttrs); err != nil {
					t.Fatal(err)
				}
				for name, v := range itemAttrs {
					if attrs[name].IsNull() {
						attrs[name] = v
					}
				}
				if want := roundTrip(t, tftypes.NewValue(config.Type(), attrs)); !got.Equal(want) {
					diffs, _ := got.Diff(want)
					t.Fatalf("state differs from the value tree: %v", diffs)
				}
				if !set && !reflect.DeepEqual(nf, wantNF) {
					t.Fatalf("counted %v non-finite numbers, the value tree %v", nf, wantNF)
				}
			})
		}
	}
}

func decodeState(t *testing.T, typ tftypes.Type, write func() ([]byte, error)) tftypes.Value {
	t.Helper()
	data, err := write()
	if err != nil {
		t.Fatal(err)
	}
	v, err := (&tfprotov6.DynamicValue{MsgPack: data}).Unmarshal(typ)
	if err != nil {
		t.Fatal(err)
	}
	return v
}
