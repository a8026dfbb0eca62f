package tfreflect

import (
	"context"
	"math/big"
	"reflect"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

func TestSnakeCase(t *testing.T) {
	for wire, want := range map[string]string{
		"postalCode": "postal_code", "stationMacAddr": "station_mac_addr", "stationID": "station_id", "stationIDs": "station_ids",
		"Geo": "geo", "Lat": "lat", "TimeStamp": "time_stamp", "modTimeStamp": "mod_time_stamp", "sgID": "sg_id",
		"VIN": "vin", "cpnID": "cpn_id", "fleetVehicleID": "fleet_vehicle_id", "wanIpAddress": "wan_ip_address",
		"HTTPServer": "http_server", "numPorts": "num_ports", "Address": "address",
	} {
		if got := snakeCase(wire); got != want {
			t.Errorf("snakeCase(%q) = %q, want %q", wire, got, want)
		}
	}
}

type inner struct {
	Label cpapi.String `xml:"connectorLabel" desc:"label"`
}

type sample struct {
	Name    cpapi.String                              `xml:"stationName" tf:",required" validate:"notempty" desc:"the name"`
	Power   cpapi.Float                               `xml:"Power" validate:"between=0 500"`
	Count   cpapi.Int                                 `xml:"numPorts"`
	Flag    cpapi.Bool                                `xml:"Reservable"`
	When    cpapi.Time                                `xml:"modTimeStamp"`
	Hidden  cpapi.String                              `xml:"secret" tf:"-"`
	NoWire  cpapi.String                              `desc:"not on the wire"`
	Geo     *inner                                    `xml:"Geo"`
	Items   []inner                                   `xml:"Connectors>Connector" tf:"connectors"`
	Serials cpapi.WrappedList[cpapi.SerialNumberItem] `xml:"demoSerialNumber" tf:"demo_serial_numbers"`
}

func TestAttributesFollowTheStruct(t *testing.T) {
	in := Attributes(reflect.TypeFor[sample](), Input)
	if got, want := len(in), 8; got != want {
		t.Fatalf("%d attributes, want %d: %v", got, want, names(reflect.TypeFor[sample]()))
	}
	name := in["station_name"].(schema.StringAttribute)
	if !name.Required || name.Optional || name.MarkdownDescription != "the name" || len(name.Validators) != 1 {
		t.Errorf("station_name = %+v", name)
	}
	if a := in["power"].(schema.Float64Attribute); !a.Optional || len(a.Validators) != 1 {
		t.Errorf("power = %+v", a)
	}
	if a := in["mod_time_stamp"].(schema.StringAttribute); len(a.Validators) != 1 {
		t.Error("time inputs must be validated as RFC 3339")
	}
	if a := in["connectors"].(schema.ListNestedAttribute); a.NestedObject.Attributes["connector_label"] == nil {
		t.Errorf("connectors = %+v", a)
	}
	if _, ok := in["demo_serial_numbers"].(schema.ListAttribute); !ok {
		t.Errorf("demo_serial_numbers = %T", in["demo_serial_numbers"])
	}
	out := Attributes(reflect.TypeFor[sample](), Output)
	for name, a := range out {
		if !a.IsComputed() || a.IsOptional() || a.IsRequired() {
			t.Errorf("output %s is not computed-only", name)
		}
	}
	if geo := out["geo"].(schema.SingleNestedAttribute); !geo.Attributes["connector_label"].IsComputed() {
		t.Error("nested outputs must be computed too")
	}
}

func TestValueMatchesSchemaType(t *testing.T) {
	full := sample{
		Name: cpapi.StringOf("n"), Power: cpapi.FloatOf(7.2), Count: cpapi.IntOf(2), Flag: cpapi.BoolOf(true),
		Geo: &inner{Label: cpapi.StringOf("1A")}, Items: []inner{{}, {Label: cpapi.StringOf("1B")}},
		Serials: cpapi.WrappedList[cpapi.SerialNumberItem]{cpapi.StringOf("s")},
	}
	s := schema.Schema{Attributes: Attributes(reflect.TypeFor[sample](), Output)}
	want := s.Type().TerraformType(context.Background())
	for name, v := range map[string]sample{"full": full, "zero": {}} {
		got := Value(reflect.ValueOf(v), nil)
		if !got.Type().Equal(want) {
			t.Fatalf("%s: value type %s, schema type %s", name, got.Type(), want)
		}
	}
	var attrs map[string]tftypes.Value
	_ = Value(reflect.ValueOf(sample{}), nil).As(&attrs)
	var items []tftypes.Value
	if err := attrs["connectors"].As(&items); err != nil || attrs["connectors"].IsNull() || len(items) != 0 {
		t.Error("no items must be an empty list, not null")
	}
	if !attrs["geo"].IsNull() || !attrs["power"].IsNull() {
		t.Error("absent values must be null")
	}
	_ = Value(reflect.ValueOf(full), nil).As(&attrs)
	var power big.Float
	_ = attrs["power"].As(&power)
	if f, _ := power.Float64(); f != 7.2 {
		t.Errorf("power = %v", f)
	}
}

func TestDecodeRoundTrip(t *testing.T) {
	want := sample{
		Name: cpapi.StringOf("n"), Power: decimalOf("7.2"), Count: cpapi.IntOf(2), Flag: cpapi.BoolOf(false),
		Geo: &inner{Label: cpapi.StringOf("1A")}, Items: []inner{{Label: cpapi.StringOf("1B")}},
		Serials: cpapi.WrappedList[cpapi.SerialNumberItem]{cpapi.StringOf("s1"), cpapi.StringOf("s2")},
	}
	var got sample
	if err := Decode(Value(reflect.ValueOf(want), nil), &got); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, want)
	}
}

func TestDecodeRejectsUnknown(t *testing.T) {
	typ := objectType(reflect.TypeFor[inner]())
	v := tftypes.NewValue(typ, map[string]tftypes.Value{"connector_label": tftypes.NewValue(tftypes.String, tftypes.UnknownValue)})
	var got inner
	if err := Decode(v, &got); err == nil {
		t.Error("an unknown value decoded silently")
	}
}

type derived struct {
	Raw  cpapi.String   `xml:"sgID"`
	IDs  []cpapi.String `xml:"-" tf:"sg_ids" desc:"split"`
	Skip cpapi.String
}

func TestDerivedFieldsAreExposedByName(t *testing.T) {
	if got := names(reflect.TypeFor[derived]()); !reflect.DeepEqual(got, []string{"sg_id", "sg_ids"}) {
		t.Errorf("names %v", got)
	}
}

// Every returned timestamp documents its fidelity; inputs keep their own description.
func TestTimeOutputsDocumentFidelity(t *testing.T) {
	out := Attributes(reflect.TypeFor[sample](), Output)["mod_time_stamp"].GetMarkdownDescription()
	if !strings.HasSuffix(out, timeOutputNote) {
		t.Errorf("output description %q lacks the fidelity note", out)
	}
	if in := Attributes(reflect.TypeFor[sample](), Input)["mod_time_stamp"].GetMarkdownDescription(); strings.Contains(in, timeOutputNote) {
		t.Errorf("input description %q has the output note", in)
	}
}

// names returns the Terraform attribute names of struct type t, in declaration order.
func names(t reflect.Type) []string {
	var out []string
	for _, f := range fields(t) {
		out = append(out, f.name)
	}
	return out
}
