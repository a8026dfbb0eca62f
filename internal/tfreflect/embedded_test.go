package tfreflect

import (
	"reflect"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

type embeddedBase struct {
	ID    cpapi.String `xml:"stationID" desc:"id"`
	Ports []inner      `xml:"Port" tf:"ports" desc:"ports"`
}

type embeddedExtension struct {
	Org cpapi.String `xml:"orgID" validate:"notempty" desc:"org"`
}

// extended is built like stationDataExtended: a shared base, an extension and fields of its own.
type extended struct {
	embeddedBase
	embeddedExtension
	Name   cpapi.String `xml:"stationName" desc:"name"`
	Hidden embeddedBase `tf:"-"`
	Named  embeddedBase `xml:"Geo"` // a named struct field stays nested
}

func TestEmbeddedStructFieldsArePromoted(t *testing.T) {
	attrNames := names(reflect.TypeFor[extended]())
	slices.Sort(attrNames)
	if want := []string{"geo", "org_id", "ports", "station_id", "station_name"}; !slices.Equal(attrNames, want) {
		t.Fatalf("names %v, want %v", attrNames, want)
	}
	in := Attributes(reflect.TypeFor[extended](), Input)
	if a := in["org_id"].(schema.StringAttribute); a.MarkdownDescription != "org" || len(a.Validators) != 1 {
		t.Errorf("org_id = %+v: the embedded field's tags must carry over", a)
	}
	if _, ok := in["geo"].(schema.SingleNestedAttribute).Attributes["station_id"]; !ok {
		t.Error("a named struct field must stay a nested attribute")
	}

	want := extended{
		embeddedBase:      embeddedBase{ID: cpapi.StringOf("1:5"), Ports: []inner{{Label: cpapi.StringOf("1A")}}},
		embeddedExtension: embeddedExtension{Org: cpapi.StringOf("1:ORG1")},
		Name:              cpapi.StringOf("ORG / A"),
		Named:             embeddedBase{ID: cpapi.StringOf("1:6"), Ports: []inner{}},
	}
	v := Value(reflect.ValueOf(want), nil)
	if !v.Type().Equal(objectType(reflect.TypeFor[extended]())) {
		t.Fatalf("value type %s", v.Type())
	}
	var attrs map[string]tftypes.Value
	_ = v.As(&attrs)
	if !attrs["org_id"].Equal(tftypes.NewValue(tftypes.String, "1:ORG1")) || !attrs["station_id"].Equal(tftypes.NewValue(tftypes.String, "1:5")) {
		t.Errorf("promoted values: %v", attrs)
	}
	var got extended
	if err := Decode(v, &got); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, want)
	}
}

type clash struct {
	embeddedBase
	Other cpapi.String `xml:"x" tf:"station_id"`
}

func TestEmbeddedNameClashPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("two attributes named station_id were accepted")
		}
	}()
	names(reflect.TypeFor[clash]())
}
