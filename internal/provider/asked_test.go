package provider

import (
	"context"
	"fmt"
	"math/big"
	"net/http/httptest"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/simulator"
)

// readBothPaths reads data source name with inputs on the protocol-level path and on the framework's,
// requires the same diagnostics and the same state from both, and returns them.
func readBothPaths(t *testing.T, srv *server, name string, inputs map[string]any) ([]*tfprotov6.Diagnostic, tftypes.Value) {
	t.Helper()
	ctx := context.Background()
	schemas, err := srv.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	typ := schemas.DataSourceSchemas[name].ValueType()
	dv, err := tfprotov6.NewDynamicValue(typ, configValue(t, typ, inputs))
	if err != nil {
		t.Fatal(err)
	}
	req := &tfprotov6.ReadDataSourceRequest{TypeName: name, Config: &dv}
	fast, err := srv.ReadDataSource(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	framework, err := frameworkPath(t, srv).ReadDataSource(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(fast.Diagnostics, framework.Diagnostics) {
		t.Fatalf("diagnostics differ:\nfast      %s\nframework %s", describe(fast.Diagnostics), describe(framework.Diagnostics))
	}
	state := stateOf(t, fast, typ)
	if !state.Equal(stateOf(t, framework, typ)) {
		t.Fatal("states differ")
	}
	return fast.Diagnostics, state
}

// stationIDsIn returns every station_id in v, at any depth, in order.
func stationIDsIn(v tftypes.Value) []string {
	var out []string
	_ = tftypes.Walk(v, func(p *tftypes.AttributePath, v tftypes.Value) (bool, error) {
		steps := p.Steps()
		if len(steps) > 1 && steps[len(steps)-1] == tftypes.AttributeName("station_id") && v.IsKnown() && !v.IsNull() {
			var s string
			_ = v.As(&s)
			out = append(out, s)
		}
		return true, nil
	})
	return out
}

// Station IDs asked for that do not come back are named in one warning, on both read paths, for every
// data source whose answer shows which stations came back; the state holds the stations found.
func TestMissingStationsWarnOnce(t *testing.T) {
	sim := startSimulator(t, simulator.Options{Stations: 30})
	srv := configuredServer(t, sim)
	known := sim.someStationIDs(3)
	var unknown []string
	for i := range 15 {
		unknown = append(unknown, fmt.Sprintf("9:%d", 400+i))
	}
	outside := "" // a station that is not in group 20002 (Garage West, which holds 1:81203 only)
	for _, id := range known {
		if id != "1:81203" {
			outside = id
			break
		}
	}
	garage := sim.groupName(20002)

	for _, tc := range []struct {
		name   string
		inputs map[string]any
		found  []string // station IDs the state must hold (each at least once)
		detail string   // the warning's detail
	}{
		{"chargepoint_station_status", map[string]any{"station_ids": []string{known[0], "9:404", known[1], "9:405", "9:404"}},
			[]string{known[0], known[1]},
			`chargepoint_station_status: no record came back for 2 of the 4 station IDs of station_ids: "9:404", "9:405".`},
		{"chargepoint_station_status", map[string]any{"station_ids": []string{known[0]}, "station_id": "9:404", "port_details": true},
			nil, // station_id and station_ids together select nothing
			`chargepoint_station_status: no record came back for 2 of the 2 station IDs of station_id and station_ids: "9:404", "` + known[0] + `".`},
		{"chargepoint_station_status", map[string]any{"station_ids": append([]string{known[2]}, unknown...)}, []string{known[2]},
			`chargepoint_station_status: no record came back for 15 of the 16 station IDs of station_ids: "9:400", "9:401", "9:402", ` +
				`"9:403", "9:404", "9:405", "9:406", "9:407", "9:408", "9:409", and 5 more.`},
		{"chargepoint_public_station_status", map[string]any{"station_ids": []string{"1:81203", "81203"}}, []string{"1:81203"},
			`chargepoint_public_station_status: no record came back for 1 of the 2 station IDs of station_ids: "81203".`},
		{"chargepoint_stations", map[string]any{"station_id": "9:404"}, nil,
			`chargepoint_stations: no record came back for 1 of the 1 station IDs of station_id: "9:404".`},
		{"chargepoint_public_stations", map[string]any{"station_id": "9:404"}, nil,
			`chargepoint_public_stations: no record came back for 1 of the 1 station IDs of station_id: "9:404".`},
		{"chargepoint_station_rights", map[string]any{"station_id": "9:404"}, nil,
			`chargepoint_station_rights: no record came back for 1 of the 1 station IDs of station_id: "9:404".`},
		{"chargepoint_custom_group_stations", map[string]any{"sg_name": garage, "station_id": outside}, nil,
			`chargepoint_custom_group_stations: no record came back for 1 of the 1 station IDs of station_id: "` + outside + `".`},
		{"chargepoint_station_group", map[string]any{"sg_id": 20002, "station_id": outside}, nil,
			`chargepoint_station_group: no record came back for 1 of the 1 station IDs of station_id: "` + outside + `".`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			diags, state := readBothPaths(t, srv, tc.name, tc.inputs)
			if len(diags) != 1 || diags[0].Severity != tfprotov6.DiagnosticSeverityWarning {
				t.Fatalf("want one warning, got %s", describe(diags))
			}
			if !strings.HasPrefix(diags[0].Detail, tc.detail) {
				t.Errorf("detail\n%s\nwant it to start with\n%s", diags[0].Detail, tc.detail)
			}
			if !strings.HasPrefix(diags[0].Summary, "ChargePoint get") || !strings.Contains(diags[0].Summary, "did not return") {
				t.Errorf("summary %q does not name the operation", diags[0].Summary)
			}
			got := stationIDsIn(state)
			for _, id := range tc.found {
				if !slices.Contains(got, id) {
					t.Errorf("state lacks %s: %v", id, got)
				}
			}
			if len(tc.found) == 0 && len(got) != 0 {
				t.Errorf("state holds stations %v, want none", got)
			}
		})
	}
}

// No warning where an answer does not show which stations came back: events (alarms, sessions), active
// faults (only stations with a fault come back), a filter besides the IDs that may rightly leave
// stations out (status), and every station found.
func TestMissingStationsQuietWhereAbsenceIsNormal(t *testing.T) {
	sim := startSimulator(t, simulator.Options{Stations: 30})
	srv := configuredServer(t, sim)
	ids := append(sim.someStationIDs(30), "9:404")
	for _, tc := range []struct {
		name   string
		inputs map[string]any
	}{
		{"chargepoint_alarms", map[string]any{"station_ids": ids}},
		{"chargepoint_charging_sessions", map[string]any{"station_ids": ids}},
		{"chargepoint_charging_sessions", map[string]any{"station_id": "9:404"}},
		{"chargepoint_station_active_faults", map[string]any{"station_ids": ids}},
		{"chargepoint_station_status", map[string]any{"station_ids": ids, "status": 1}},
		{"chargepoint_stations", map[string]any{"station_id": "9:404", "org_id": "1:ORG00001"}},
		{"chargepoint_station_status", map[string]any{"station_ids": ids[:30]}},
		{"chargepoint_station_status", map[string]any{"station_ids": []string{}}},
		{"chargepoint_station_status", map[string]any{"station_ids": []string{}, "station_id": "9:404"}}, // no call made
		{"chargepoint_load", map[string]any{"station_id": "1:81203"}},
		{"chargepoint_station_group", map[string]any{"sg_id": 20002, "station_id": "1:81203"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if diags, _ := readBothPaths(t, srv, tc.name, tc.inputs); len(diags) != 0 {
				t.Fatalf("want no diagnostics, got %s", describe(diags))
			}
		})
	}
}

// A part of a station's sg_id that is not a whole number is null in sg_ids, in its place, with one
// warning naming the operation, the stations and the values, on both read paths; nothing panics and no
// group is dropped.
func TestUnparsedSgIDsWarnOnce(t *testing.T) {
	faults, err := simulator.NewFaultInjector(simulator.New(simulator.Options{
		LicenseKey: testLicenseKey, Password: testPassword, Stations: 20,
	}), "fault=nan&element=sgID&value=20001, abc")
	if err != nil {
		t.Fatal(err)
	}
	sim := httptest.NewServer(faults)
	t.Cleanup(sim.Close)
	srv := configuredServerAt(t, sim.URL+simulator.Path)

	for _, tc := range []struct {
		name, output string
		inputs       map[string]any
	}{
		{"chargepoint_stations", "stations", nil},
		{"chargepoint_station", "", map[string]any{"station_id": "1:81203"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			diags, state := readBothPaths(t, srv, tc.name, tc.inputs)
			var attrs map[string]tftypes.Value
			if err := state.As(&attrs); err != nil {
				t.Fatal(err)
			}
			records := []map[string]tftypes.Value{attrs}
			if tc.output != "" {
				var list []tftypes.Value
				_ = attrs[tc.output].As(&list)
				records = make([]map[string]tftypes.Value, len(list))
				for i := range list {
					_ = list[i].As(&records[i])
				}
			}
			grouped := 0 // stations with an sgID, which the fault rewrote
			for _, r := range records {
				if !r["sg_id"].Equal(tftypes.NewValue(tftypes.String, "20001, abc")) {
					continue
				}
				grouped++
				var ids []tftypes.Value
				if err := r["sg_ids"].As(&ids); err != nil || len(ids) != 2 {
					t.Fatalf("sg_ids = %v, want [20001, null]", r["sg_ids"])
				}
				var first big.Float
				_ = ids[0].As(&first)
				if n, _ := first.Int64(); n != 20001 || !ids[1].IsNull() {
					t.Errorf("sg_ids = %v, want [20001, null]", r["sg_ids"])
				}
			}
			if len(diags) != 1 || diags[0].Severity != tfprotov6.DiagnosticSeverityWarning {
				t.Fatalf("want one warning, got %s", describe(diags))
			}
			d := diags[0]
			if d.Summary != "ChargePoint getStations sent values the provider cannot convert" {
				t.Errorf("summary %q", d.Summary)
			}
			if grouped == 0 || tc.output != "" && grouped <= maxNamed {
				t.Fatalf("%d stations in groups: the test proves too little", grouped)
			}
			want := fmt.Sprintf("%s: %d value(s) ChargePoint sent cannot be converted; they are null in the state", tc.name, grouped)
			example := `station 1:81203: "abc" of sg_id "20001, abc" is not a whole number (null in sg_ids)`
			if !strings.HasPrefix(d.Detail, want) || !strings.Contains(d.Detail, example) {
				t.Errorf("detail %q, want %q … %q", d.Detail, want, example)
			}
			if grouped > maxNamed && !strings.HasSuffix(d.Detail, fmt.Sprintf("; and %d more.", grouped-maxNamed)) {
				t.Errorf("detail %q does not count the values it leaves unnamed", d.Detail)
			}
		})
	}
}

// Errors name the query that was asked: a responseCode error (124, 160) and the singular data sources'
// "found 0", on both read paths.
func TestErrorsNameTheQuery(t *testing.T) {
	sim := startSimulator(t, simulator.Options{Stations: 20})
	srv := configuredServer(t, sim)
	for _, tc := range []struct {
		name            string
		inputs          map[string]any
		summary, detail string
	}{
		{"chargepoint_station_group", map[string]any{"sg_id": 999},
			"ChargePoint getStationGroupDetails failed with responseCode 124",
			"chargepoint_station_group: getStationGroupDetails returned responseCode 124 (Invalid sgID) for sg_id = 999."},
		{"chargepoint_station_group", map[string]any{"sg_id": 999, "station_id": "1:81203"},
			"ChargePoint getStationGroupDetails failed with responseCode 124",
			`chargepoint_station_group: getStationGroupDetails returned responseCode 124 (Invalid sgID) for sg_id = 999, station_id = "1:81203".`},
		{"chargepoint_load", map[string]any{"station_id": "9:404"},
			"ChargePoint getLoad failed with responseCode 160",
			`chargepoint_load: getLoad returned responseCode 160 (No data found for given criteria) for station_id = "9:404".`},
		{"chargepoint_station_rights_profile", map[string]any{"sg_id": 999, "station_rights_profile": "network_manager"},
			"ChargePoint getStationRightsProfile failed with responseCode 124",
			`chargepoint_station_rights_profile: getStationRightsProfile returned responseCode 124 (Invalid sgID) for sg_id = 999, station_rights_profile = "network_manager".`},
		{"chargepoint_station", map[string]any{"station_id": "9:404"},
			"Expected exactly one station, found 0",
			`chargepoint_station must match exactly one station; the query for station_id = "9:404" matched 0. Check the arguments, or use the plural data source to list several.`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			diags, _ := readBothPaths(t, srv, tc.name, tc.inputs)
			if len(diags) != 1 || diags[0].Severity != tfprotov6.DiagnosticSeverityError {
				t.Fatalf("want one error, got %s", describe(diags))
			}
			if diags[0].Summary != tc.summary || diags[0].Detail != tc.detail {
				t.Errorf("got\n%s\n%s\nwant\n%s\n%s", diags[0].Summary, diags[0].Detail, tc.summary, tc.detail)
			}
		})
	}
}

// Every station ID input of every data source warns at plan time (ValidateDataResourceConfig) about a
// value that is not <network>:<number>, naming the attribute and the value, and never fails the plan. An
// input named like a station ID without the rule fails here, so the rule cannot be forgotten.
func TestStationIDInputsWarnAtPlan(t *testing.T) {
	srv := configuredServer(t, startSimulator(t, simulator.Options{Stations: 5}))
	ctx := context.Background()
	schemas, err := srv.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for name, sch := range schemas.DataSourceSchemas {
		typ := sch.ValueType()
		for _, a := range sch.Block.Attributes {
			if a.Computed && !a.Optional || !strings.HasSuffix(a.Name, "station_id") && !strings.HasSuffix(a.Name, "station_ids") {
				continue
			}
			checked++
			value, path, at := any("81203"), a.Name, tftypes.NewAttributePath().WithAttributeName(a.Name)
			if strings.HasSuffix(a.Name, "_ids") {
				value, path, at = []string{"1:81203", "nope"}, a.Name+"[1]", at.WithElementKeyInt(1)
			}
			inputs := map[string]any{a.Name: value}
			for _, other := range sch.Block.Attributes { // the other required arguments, set validly
				if other.Required && other.Name != a.Name {
					switch {
					case other.Type.Is(tftypes.String):
						inputs[other.Name] = "Garage West"
					case other.Type.Is(tftypes.Number):
						inputs[other.Name] = 20002
					default:
						t.Fatalf("%s.%s: required %s", name, other.Name, other.Type)
					}
				}
			}
			dv, _ := tfprotov6.NewDynamicValue(typ, configValue(t, typ, inputs))
			resp, err := srv.ValidateDataResourceConfig(ctx, &tfprotov6.ValidateDataResourceConfigRequest{TypeName: name, Config: &dv})
			if err != nil {
				t.Fatal(err)
			}
			var warnings []*tfprotov6.Diagnostic
			for _, d := range resp.Diagnostics {
				if d.Severity == tfprotov6.DiagnosticSeverityError {
					t.Errorf("%s.%s: an error, not a warning: %s", name, a.Name, describe([]*tfprotov6.Diagnostic{d}))
				} else {
					warnings = append(warnings, d)
				}
			}
			bad := fmt.Sprint(value)
			if s, ok := value.([]string); ok {
				bad = s[1]
			}
			want := fmt.Sprintf("%s = %q is not a ChargePoint station ID, which has the form <network>:<number>", path, bad)
			if len(warnings) != 1 || warnings[0].Summary != "Not a ChargePoint station ID" || !strings.HasPrefix(warnings[0].Detail, want) {
				t.Errorf("%s.%s: want one warning starting %q, got %s", name, a.Name, want, describe(warnings))
				continue
			}
			if !warnings[0].Attribute.Equal(at) {
				t.Errorf("%s.%s: warning on %s, want %s", name, a.Name, warnings[0].Attribute, at)
			}
		}
	}
	if checked < 18 { // 13 station_id and 5 station_ids inputs
		t.Fatalf("only %d station ID inputs checked", checked)
	}
}
