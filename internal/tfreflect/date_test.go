package tfreflect

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

type dated struct {
	Created cpapi.Date   `xml:"fleetVehicleCreateDate" desc:"day"`
	Status  cpapi.String `xml:"Status" validate:"oneof=APPROVED 'NOT CONNECTED' PENDING"`
}

func validateString(t *testing.T, a schema.Attribute, value string) bool {
	t.Helper()
	ok := true
	for _, v := range a.(schema.StringAttribute).Validators {
		var resp validator.StringResponse
		v.ValidateString(context.Background(), validator.StringRequest{Path: path.Root("x"), ConfigValue: types.StringValue(value)}, &resp)
		ok = ok && !resp.Diagnostics.HasError()
	}
	return ok
}

func TestDateIsAValidatedDayString(t *testing.T) {
	in := Attributes(reflect.TypeFor[dated](), Input)
	created := in["fleet_vehicle_create_date"]
	for value, want := range map[string]bool{
		"2026-01-31": true, "2024-02-29": true,
		"2026-02-30": false, "2026-1-31": false, "2026-01-31T00:00:00Z": false, "2026-01-31Z": false, "yesterday": false,
	} {
		if got := validateString(t, created, value); got != want {
			t.Errorf("date %q valid = %v, want %v", value, got, want)
		}
	}

	want := dated{Created: cpapi.DateOf(time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC))}
	v := Value(reflect.ValueOf(want), nil)
	var attrs map[string]tftypes.Value
	_ = v.As(&attrs)
	if !attrs["fleet_vehicle_create_date"].Equal(tftypes.NewValue(tftypes.String, "2024-02-29")) {
		t.Errorf("state value %s", attrs["fleet_vehicle_create_date"])
	}
	var got dated
	if err := Decode(v, &got); err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("round trip: %+v, %v", got, err)
	}
	if !Value(reflect.ValueOf(dated{}), nil).Equal(tftypes.NewValue(objectType(reflect.TypeFor[dated]()), map[string]tftypes.Value{
		"fleet_vehicle_create_date": tftypes.NewValue(tftypes.String, nil), "status": tftypes.NewValue(tftypes.String, nil),
	})) {
		t.Error("a null date must be a null string")
	}
}

func TestOneOfValuesWithSpaces(t *testing.T) {
	status := Attributes(reflect.TypeFor[dated](), Input)["status"]
	for value, want := range map[string]bool{"NOT CONNECTED": true, "APPROVED": true, "PENDING": true, "NOT": false, "CONNECTED": false, "'NOT": false} {
		if got := validateString(t, status, value); got != want {
			t.Errorf("status %q valid = %v, want %v", value, got, want)
		}
	}
}

func TestSplitArgs(t *testing.T) {
	for in, want := range map[string][]string{
		"M N  K":                   {"M", "N", "K"},
		"APPROVED 'NOT CONNECTED'": {"APPROVED", "NOT CONNECTED"},
		"'Verified (Power Values Matched)' Unknown 'Session Validated'": {"Verified (Power Values Matched)", "Unknown", "Session Validated"},
		"": nil,
	} {
		if got, err := splitArgs(in); err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("splitArgs(%q) = %q, %v, want %q", in, got, err, want)
		}
	}
	if got, err := splitArgs("A 'B C"); err == nil {
		t.Errorf("an unterminated quote was accepted: %q", got)
	}
}
