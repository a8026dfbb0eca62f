package tfreflect

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

// stationQuery declares station ID inputs as the cpapi queries do.
type stationQuery struct {
	StationID  cpapi.String                           `xml:"stationID" validate:"stationid" desc:"d"`
	StationIDs cpapi.WrappedList[cpapi.StationIDItem] `xml:"stationIDs" validate:"stationid" desc:"d"`
	SgID       cpapi.Int                              `xml:"sgID" desc:"d"`
	Name       cpapi.String                           `xml:"stationName" desc:"d"`
	Geo        *struct {
		Lat cpapi.Float `xml:"Lat"`
	} `xml:"Geo" desc:"d"`
	Serials cpapi.WrappedList[cpapi.SerialNumberItem] `xml:"demoSerialNumber" tf:"demo_serial_numbers" desc:"d"`
}

func TestIsStationID(t *testing.T) {
	for s, want := range map[string]bool{
		"1:81203": true, "1:1": true, "9:404": true, "12:0012": true,
		"81203": false, "nope": false, "": false, " 1:81203": false, "1:81203 ": false, "1:": false, ":81203": false,
		"1:81203:2": false, "1;81203": false, "CP:81203": false, "1:8120a": false, "1: 81203": false,
	} {
		if got := isStationID(s); got != want {
			t.Errorf("isStationID(%q) = %v, want %v", s, got, want)
		}
	}
}

// Every attribute with validate:"stationid" warns, at plan time, about a value of another form, naming
// the attribute (and the list index) and the value; a station ID, null and unknown pass silently.
func TestStationIDRuleWarns(t *testing.T) {
	ctx := context.Background()
	attrs := Attributes(reflect.TypeFor[stationQuery](), Input)
	one := attrs["station_id"].(schema.StringAttribute).Validators
	list := attrs["station_ids"].(schema.ListAttribute).Validators
	if len(one) != 1 || len(list) != 1 {
		t.Fatalf("validators: station_id %d, station_ids %d; want one each", len(one), len(list))
	}
	if n := len(attrs["station_name"].(schema.StringAttribute).Validators); n != 0 {
		t.Fatalf("station_name has %d validators: the rule is only where it is declared", n)
	}
	for _, name := range []string{"station_id", "station_ids"} {
		if d := attrs[name].GetMarkdownDescription(); d != "d "+stationIDInputNote {
			t.Errorf("%s description %q lacks the note", name, d)
		}
	}
	if d := attrs["station_name"].GetMarkdownDescription(); d != "d" {
		t.Errorf("station_name description %q", d)
	}
	str := func(v types.String) diag.Diagnostics {
		var resp validator.StringResponse
		one[0].ValidateString(ctx, validator.StringRequest{Path: path.Root("station_id"), ConfigValue: v}, &resp)
		return resp.Diagnostics
	}
	lst := func(items ...attr.Value) diag.Diagnostics {
		var resp validator.ListResponse
		list[0].ValidateList(ctx, validator.ListRequest{Path: path.Root("station_ids"), ConfigValue: types.ListValueMust(types.StringType, items)}, &resp)
		return resp.Diagnostics
	}
	for _, quiet := range []diag.Diagnostics{
		str(types.StringValue("1:81203")), str(types.StringNull()), str(types.StringUnknown()),
		lst(types.StringValue("1:81203"), types.StringValue("2:7"), types.StringUnknown()), lst(),
	} {
		if len(quiet) != 0 {
			t.Errorf("unexpected diagnostics: %v", quiet)
		}
	}

	got := str(types.StringValue("81203"))
	if len(got) != 1 || got[0].Severity() != diag.SeverityWarning || got[0].Summary() != "Not a ChargePoint station ID" ||
		!strings.HasPrefix(got[0].Detail(), `station_id = "81203" is not a ChargePoint station ID, which has the form <network>:<number>`) {
		t.Errorf("station_id = \"81203\": %v", got)
	}
	got = lst(types.StringValue("1:81203"), types.StringValue("nope"), types.StringValue("81203"))
	if len(got) != 2 || got.HasError() {
		t.Fatalf("want two warnings, got %v", got)
	}
	for i, want := range []string{`station_ids[1] = "nope"`, `station_ids[2] = "81203"`} {
		if !strings.HasPrefix(got[i].Detail(), want) {
			t.Errorf("warning %d: %q, want it to start with %q", i, got[i].Detail(), want)
		}
		if wp, ok := got[i].(diag.DiagnosticWithPath); !ok || !wp.Path().Equal(path.Root("station_ids").AtListIndex(i+1)) {
			t.Errorf("warning %d is not on station_ids[%d]", i, i+1)
		}
	}
}

// SetInputs names what a query asks, in declaration order, as a configuration writes it; the station ID
// inputs carry their IDs.
func TestSetInputs(t *testing.T) {
	var ids cpapi.WrappedList[cpapi.StationIDItem]
	for _, id := range []string{"1:1", "1:2", "1:3", "1:4", "1:5", "1:6", "1:7", "1:8", "1:9", "1:10", "1:11", "1:12"} {
		ids = append(ids, cpapi.StringOf(id))
	}
	q := stationQuery{
		StationID: cpapi.StringOf("81203"), StationIDs: ids, SgID: cpapi.IntOf(999),
		Geo: &struct {
			Lat cpapi.Float `xml:"Lat"`
		}{Lat: cpapi.FloatOf(37.5)},
		Serials: cpapi.WrappedList[cpapi.SerialNumberItem]{},
	}
	got := SetInputs(reflect.ValueOf(q))
	want := `station_id = "81203", station_ids = ["1:1", "1:2", "1:3", "1:4", "1:5", "1:6", "1:7", "1:8", "1:9", "1:10", … 2 more], ` +
		`sg_id = 999, geo = { lat = 37.5 }, demo_serial_numbers = []`
	if d := DescribeInputs(got); d != want {
		t.Errorf("DescribeInputs =\n%s\nwant\n%s", d, want)
	}
	if len(got) != 5 || !reflect.DeepEqual(got[0].StationIDs, []string{"81203"}) || len(got[1].StationIDs) != 12 || got[2].StationIDs != nil {
		t.Errorf("station IDs: %+v", got)
	}
	if d := DescribeInputs(SetInputs(reflect.ValueOf(stationQuery{}))); d != "no arguments" {
		t.Errorf("empty query: %q", d)
	}
	if d := DescribeInputs(SetInputs(reflect.ValueOf(stationQuery{Geo: &struct {
		Lat cpapi.Float `xml:"Lat"`
	}{}}))); d != "no arguments" {
		t.Errorf("an object with nothing set is not set: %q", d)
	}
}
