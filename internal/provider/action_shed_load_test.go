package provider

import (
	"reflect"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

func TestShedRequestFrom(t *testing.T) {
	got := shedRequestFrom(shedLoadArgs{
		StationID:   types.StringValue("1:81203"),
		SgID:        types.Int64Null(),
		PercentShed: types.Int64Value(40),
		Ports: []shedPortArgs{
			{PortNumber: types.Int64Value(2), AllowedLoadKW: types.Float64Value(1.5), PercentShed: types.Int64Null()},
		},
		AllowedLoadKW:   types.Float64Null(),
		DurationMinutes: types.Int64Null(),
	})
	want := cpapi.ShedLoadRequest{
		StationID:    cpapi.StringOf("1:81203"),
		PercentShed:  cpapi.IntOf(40),
		Ports:        []cpapi.ShedPort{{PortNumber: cpapi.StringOf("2"), AllowedLoad: cpapi.FloatOf(1.5)}},
		TimeInterval: cpapi.IntOf(0),
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("station request:\n got %+v\nwant %+v", got, want)
	}

	got = shedRequestFrom(shedLoadArgs{
		SgID:            types.Int64Value(20006),
		StationID:       types.StringNull(),
		AllowedLoadKW:   types.Float64Value(3.3),
		PercentShed:     types.Int64Null(),
		DurationMinutes: types.Int64Value(90),
	})
	want = cpapi.ShedLoadRequest{SgID: cpapi.IntOf(20006), AllowedLoad: cpapi.FloatOf(3.3), TimeInterval: cpapi.IntOf(90)}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("group request:\n got %+v\nwant %+v", got, want)
	}
}

func TestShedLimitProblems(t *testing.T) {
	port := func(n int64, kW *float64, percent *int64) shedPortArgs {
		p := shedPortArgs{PortNumber: types.Int64Value(n), AllowedLoadKW: types.Float64PointerValue(kW), PercentShed: types.Int64PointerValue(percent)}
		return p
	}
	f, i := func(v float64) *float64 { return &v }, func(v int64) *int64 { return &v }
	for name, tc := range map[string]struct {
		args shedLoadArgs
		want string // "" when valid
	}{
		"station percent":        {shedLoadArgs{PercentShed: types.Int64Value(10)}, ""},
		"ports with own limits":  {shedLoadArgs{Ports: []shedPortArgs{port(1, f(1), nil), port(2, nil, i(5))}}, ""},
		"port inherits":          {shedLoadArgs{AllowedLoadKW: types.Float64Value(2), Ports: []shedPortArgs{port(1, nil, nil)}}, ""},
		"no limit":               {shedLoadArgs{}, "Missing shed limit"},
		"port without limit":     {shedLoadArgs{Ports: []shedPortArgs{port(1, nil, nil)}}, "Missing port limit"},
		"port with both":         {shedLoadArgs{Ports: []shedPortArgs{port(1, f(1), i(5))}}, "Conflicting port limits"},
		"duplicate port numbers": {shedLoadArgs{PercentShed: types.Int64Value(1), Ports: []shedPortArgs{port(1, nil, nil), port(1, nil, nil)}}, "Duplicate port number"},
		"unknown limit":          {shedLoadArgs{AllowedLoadKW: types.Float64Unknown()}, ""},
	} {
		t.Run(name, func(t *testing.T) {
			diags := shedLimitProblems(tc.args)
			var got []string
			for _, d := range diags {
				got = append(got, d.Summary())
			}
			switch {
			case tc.want == "" && diags.HasError():
				t.Errorf("want no error, got %v", got)
			case tc.want != "" && !strings.Contains(strings.Join(got, "\n"), tc.want):
				t.Errorf("want %q, got %v", tc.want, got)
			}
		})
	}
}
