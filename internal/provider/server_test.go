package provider

import (
	"context"
	"errors"
	"fmt"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"math/big"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/simulator"
)

// fastReadCases are configurations of every data source that return data from the simulator's default
// dataset; output names an attribute that must not be empty, so the comparison is never vacuous.
func fastReadCases(sim *testSim, sessionID int64) map[string]struct {
	inputs map[string]any
	output string
} {
	type c = struct {
		inputs map[string]any
		output string
	}
	return map[string]c{
		"chargepoint_public_stations":            {map[string]any{"address": "1692 Dell Avenue", "city": "Campbell", "state": "CA", "proximity": 5}, "stations"},
		"chargepoint_stations":                   {nil, "stations"},
		"chargepoint_station":                    {map[string]any{"station_id": "1:81203"}, "ports"},
		"chargepoint_station_status":             {nil, "stations"},
		"chargepoint_public_station_status":      {map[string]any{"station_ids": []string{"1:81203"}}, "stations"},
		"chargepoint_custom_group_stations":      {map[string]any{"sg_name": sim.groupName(simulator.UnreachableGroupID)}, "stations"},
		"chargepoint_station_active_faults":      {map[string]any{"station_ids": sim.someStationIDs(40)}, "stations"},
		"chargepoint_station_groups":             {map[string]any{"org_id": "1:ORG00001"}, "groups"},
		"chargepoint_station_group":              {map[string]any{"sg_id": 20002}, "stations"},
		"chargepoint_organizations":              {nil, "organizations"},
		"chargepoint_station_rights":             {nil, "rights"},
		"chargepoint_station_rights_profile":     {map[string]any{"sg_id": 20002}, "tasks"},
		"chargepoint_networks":                   {nil, "networks"},
		"chargepoint_load":                       {map[string]any{"sg_id": 20002}, "stations"},
		"chargepoint_charging_sessions":          {map[string]any{"station_id": "1:81203"}, "sessions"},
		"chargepoint_charging_session_intervals": {map[string]any{"session_id": sessionID}, "intervals"},
		"chargepoint_alarms":                     {map[string]any{"station_ids": sim.someStationIDs(40)}, "alarms"},
		"chargepoint_users":                      {nil, "users"},
		"chargepoint_transactions":               {nil, "transactions"},
		"chargepoint_fleet_vehicles":             {nil, "vehicles"},
		"chargepoint_fleet_usage":                {map[string]any{"from_time_stamp": "2026-01-01T00:00:00Z", "to_time_stamp": "2026-12-31T23:59:59Z"}, "usage"},
	}
}

// TestFastReadMatchesFramework reads every data source through the protocol-level path and through the
// framework path (framework_read_test.go), and requires equal state and equal diagnostics.
func TestFastReadMatchesFramework(t *testing.T) {
	sim := startSimulator(t, simulator.Options{Stations: 300})
	srv := configuredServer(t, sim)
	fw := frameworkPath(t, srv)
	ctx := context.Background()
	schemas, err := srv.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	session := seedSession(t, sim, "2026-11-14T16:05:11Z")
	cases := fastReadCases(sim, session.ID)
	for name := range schemas.DataSourceSchemas {
		if _, ok := cases[name]; !ok {
			t.Errorf("%s has no case in fastReadCases", name)
		}
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			typ := schemas.DataSourceSchemas[name].ValueType()
			config := configValue(t, typ, tc.inputs)
			dv, err := tfprotov6.NewDynamicValue(typ, config)
			if err != nil {
				t.Fatal(err)
			}
			req := &tfprotov6.ReadDataSourceRequest{TypeName: name, Config: &dv}
			fast, err := srv.ReadDataSource(ctx, req)
			if err != nil {
				t.Fatal(err)
			}
			framework, err := fw.ReadDataSource(ctx, req)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(fast.Diagnostics, framework.Diagnostics) {
				t.Fatalf("diagnostics differ:\nfast      %s\nframework %s", describe(fast.Diagnostics), describe(framework.Diagnostics))
			}
			if len(fast.Diagnostics) > 0 {
				t.Fatalf("unexpected diagnostics: %s", describe(fast.Diagnostics))
			}
			got, want := stateOf(t, fast, typ), stateOf(t, framework, typ)
			if !got.Equal(want) {
				diffs, _ := got.Diff(want)
				t.Fatalf("states differ in %d places, first: %v", len(diffs), diffs[0])
			}
			var attrs map[string]tftypes.Value
			if err := got.As(&attrs); err != nil {
				t.Fatal(err)
			}
			if out, ok := attrs[tc.output]; !ok || out.IsNull() || lengthOf(out) == 0 {
				t.Fatalf("%s is empty: the comparison proved nothing", tc.output)
			}
		})
	}
}

// TestFastReadDiagnosticsMatchFramework compares the failures: a query the API rejects, a singular
// lookup that matches nothing.
func TestFastReadDiagnosticsMatchFramework(t *testing.T) {
	sim := startSimulator(t, simulator.Options{Stations: 20})
	srv := configuredServer(t, sim)
	fw := frameworkPath(t, srv)
	ctx := context.Background()
	schemas, _ := srv.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	for name, inputs := range map[string]map[string]any{
		"chargepoint_charging_session_intervals": {"session_id": 1},
		"chargepoint_station":                    {"station_id": "9:404"},
		"chargepoint_station_group":              {"sg_id": 1},
	} {
		t.Run(name, func(t *testing.T) {
			typ := schemas.DataSourceSchemas[name].ValueType()
			dv, _ := tfprotov6.NewDynamicValue(typ, configValue(t, typ, inputs))
			req := &tfprotov6.ReadDataSourceRequest{TypeName: name, Config: &dv}
			fast, _ := srv.ReadDataSource(ctx, req)
			framework, _ := fw.ReadDataSource(ctx, req)
			if len(fast.Diagnostics) == 0 || fast.Diagnostics[0].Severity != tfprotov6.DiagnosticSeverityError {
				t.Fatalf("want an error, got %s", describe(fast.Diagnostics))
			}
			if !reflect.DeepEqual(fast.Diagnostics, framework.Diagnostics) {
				t.Fatalf("diagnostics differ:\nfast      %s\nframework %s", describe(fast.Diagnostics), describe(framework.Diagnostics))
			}
			if !stateOf(t, fast, typ).Equal(stateOf(t, framework, typ)) {
				t.Fatal("states differ")
			}
		})
	}
}

// TestUnconfiguredServerDefersToFramework: without a configured client the framework answers.
func TestUnconfiguredServerDefersToFramework(t *testing.T) {
	s, err := NewServer("test")()
	if err != nil {
		t.Fatal(err)
	}
	srv := s.(*server)
	ctx := context.Background()
	schemas, _ := srv.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	typ := schemas.DataSourceSchemas["chargepoint_stations"].ValueType()
	dv, _ := tfprotov6.NewDynamicValue(typ, configValue(t, typ, nil))
	resp, err := srv.ReadDataSource(ctx, &tfprotov6.ReadDataSourceRequest{TypeName: "chargepoint_stations", Config: &dv})
	if err != nil {
		t.Fatal(err)
	}
	if len(resp.Diagnostics) != 1 || resp.Diagnostics[0].Summary != "ChargePoint provider not configured" {
		t.Fatalf("got %s", describe(resp.Diagnostics))
	}
}

// TestConfiguredServerWithoutConfig: a read without a configuration (Terraform always sends one) is an
// error diagnostic, not a panic.
func TestConfiguredServerWithoutConfig(t *testing.T) {
	srv := configuredServer(t, startSimulator(t, simulator.Options{Stations: 1}))
	resp, err := srv.ReadDataSource(context.Background(), &tfprotov6.ReadDataSourceRequest{TypeName: "chargepoint_stations"})
	if err != nil {
		t.Fatal(err)
	}
	if len(resp.Diagnostics) != 1 || resp.Diagnostics[0].Summary != "Unable to read configuration" {
		t.Fatalf("got %s", describe(resp.Diagnostics))
	}
}

// flakySchemaServer fails GetProviderSchema the first times it is asked: with an error, or with an
// error diagnostic.
type flakySchemaServer struct {
	tfprotov6.ProviderServer
	failures  int
	asDiag    bool
	schemaRPC int
}

func (f *flakySchemaServer) GetProviderSchema(ctx context.Context, req *tfprotov6.GetProviderSchemaRequest) (*tfprotov6.GetProviderSchemaResponse, error) {
	f.schemaRPC++
	if f.failures > 0 {
		f.failures--
		if f.asDiag {
			return &tfprotov6.GetProviderSchemaResponse{Diagnostics: []*tfprotov6.Diagnostic{{Severity: tfprotov6.DiagnosticSeverityError, Summary: "schema unavailable"}}}, nil
		}
		return nil, errors.New("schema unavailable")
	}
	return f.ProviderServer.GetProviderSchema(ctx, req)
}

// TestSchemaTypeRetriesAfterFailure: a failure to read the schema fails that read only; the next one
// asks again, and a schema read once is kept.
func TestSchemaTypeRetriesAfterFailure(t *testing.T) {
	for name, asDiag := range map[string]bool{"error": false, "error diagnostic": true} {
		t.Run(name, func(t *testing.T) {
			p := &chargePointProvider{version: "test"}
			fw, err := providerserver.NewProtocol6WithError(p)()
			if err != nil {
				t.Fatal(err)
			}
			flaky := &flakySchemaServer{ProviderServer: fw, failures: 2, asDiag: asDiag}
			srv := newServer(flaky, p)
			ctx := context.Background()
			for i := range 2 {
				if _, err := srv.schemaType(ctx, "chargepoint_stations"); err == nil || !strings.Contains(err.Error(), "schema unavailable") {
					t.Fatalf("attempt %d: err = %v, want the schema failure", i+1, err)
				}
			}
			for range 2 {
				typ, err := srv.schemaType(ctx, "chargepoint_stations")
				if err != nil {
					t.Fatal(err)
				}
				if _, ok := typ.(tftypes.Object).AttributeTypes["stations"]; !ok {
					t.Fatalf("type %s has no stations", typ)
				}
			}
			if flaky.schemaRPC != 3 {
				t.Errorf("%d GetProviderSchema calls, want 3 (two failures, then one kept)", flaky.schemaRPC)
			}
		})
	}
}

func configuredServer(t *testing.T, sim *testSim) *server {
	t.Helper()
	return configuredServerAt(t, sim.endpoint)
}

func configuredServerAt(t testing.TB, endpoint string) *server {
	t.Helper()
	s, err := NewServer("test")()
	if err != nil {
		t.Fatal(err)
	}
	configureProvider(t, s, map[string]any{"endpoint": endpoint, "license_key": testLicenseKey, "password": testPassword})
	return s.(*server)
}

// configureProvider configures the provider of ps with the given attributes set, and fails on any
// diagnostic.
func configureProvider(t testing.TB, ps tfprotov6.ProviderServer, inputs map[string]any) {
	t.Helper()
	cfg := providerConfig(t, ps, inputs)
	resp, err := ps.ConfigureProvider(context.Background(), &tfprotov6.ConfigureProviderRequest{TerraformVersion: "1.11.4", Config: cfg})
	if err != nil || len(resp.Diagnostics) > 0 {
		t.Fatalf("configure: %v %s", err, describe(resp.Diagnostics))
	}
}

// providerConfig is a provider block of ps's schema with the given attributes set.
func providerConfig(t testing.TB, ps tfprotov6.ProviderServer, inputs map[string]any) *tfprotov6.DynamicValue {
	t.Helper()
	schemas, err := ps.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	typ := schemas.Provider.ValueType()
	cfg, err := tfprotov6.NewDynamicValue(typ, configValue(t, typ, inputs))
	if err != nil {
		t.Fatal(err)
	}
	return &cfg
}

// configValue builds an object of type typ with the given attributes set and every other one null.
func configValue(t testing.TB, typ tftypes.Type, inputs map[string]any) tftypes.Value {
	t.Helper()
	obj := typ.(tftypes.Object)
	attrs := map[string]tftypes.Value{}
	for name, at := range obj.AttributeTypes {
		attrs[name] = tftypes.NewValue(at, nil)
	}
	for name, v := range inputs {
		at, ok := obj.AttributeTypes[name]
		if !ok {
			t.Fatalf("no attribute %s", name)
		}
		switch v := v.(type) {
		case string, bool:
			attrs[name] = tftypes.NewValue(at, v)
		case int:
			attrs[name] = tftypes.NewValue(at, big.NewFloat(float64(v)))
		case int64:
			attrs[name] = tftypes.NewValue(at, new(big.Float).SetInt64(v))
		case []string:
			items := make([]tftypes.Value, len(v))
			for i, s := range v {
				items[i] = tftypes.NewValue(tftypes.String, s)
			}
			attrs[name] = tftypes.NewValue(at, items)
		default:
			t.Fatalf("configValue: %T", v)
		}
	}
	return tftypes.NewValue(typ, attrs)
}

func stateOf(t *testing.T, resp *tfprotov6.ReadDataSourceResponse, typ tftypes.Type) tftypes.Value {
	t.Helper()
	v, err := resp.State.Unmarshal(typ)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func lengthOf(v tftypes.Value) int {
	var items []tftypes.Value
	if err := v.As(&items); err != nil {
		return 1 // not a list: a non-null object or scalar
	}
	return len(items)
}

func describe(diags []*tfprotov6.Diagnostic) string {
	var parts []string
	for _, d := range diags {
		parts = append(parts, fmt.Sprintf("[%v] %s: %s", d.Severity, d.Summary, d.Detail))
	}
	sort.Strings(parts)
	return strings.Join(parts, "; ")
}

func (s *testSim) groupName(id int) string {
	g, _ := s.Dataset().Group(id)
	return g.Name
}

// someStationIDs returns the IDs of the first n stations of the simulator's dataset.
func (s *testSim) someStationIDs(n int) []string {
	var ids []string
	for _, st := range s.Dataset().Stations() {
		if len(ids) < n {
			ids = append(ids, st.ID)
		}
	}
	return ids
}

// TestSchemasHaveNoBlocksOrCustomTypes guards the premise of the protocol-level read: the framework's
// state post-processing (null collection blocks, semantic equality of custom types) has nothing to do.
// A block or a custom type added to any data source fails here, before it can make the paths differ.
func TestSchemasHaveNoBlocksOrCustomTypes(t *testing.T) {
	ctx := context.Background()
	for _, newDataSource := range dataSources {
		ds := newDataSource()
		var meta datasource.MetadataResponse
		ds.Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: "chargepoint"}, &meta)
		var resp datasource.SchemaResponse
		ds.Schema(ctx, datasource.SchemaRequest{}, &resp)
		if len(resp.Schema.Blocks) > 0 {
			t.Errorf("%s has blocks: ReadDataSource in server.go would skip the framework's block handling", meta.TypeName)
		}
		for name, attr := range resp.Schema.Attributes {
			if err := standardType(attr.GetType()); err != nil {
				t.Errorf("%s.%s: %v: ReadDataSource in server.go would skip its semantic equality", meta.TypeName, name, err)
			}
		}
	}
}

func standardType(typ attr.Type) error {
	switch typ := typ.(type) {
	case basetypes.StringType, basetypes.NumberType, basetypes.BoolType, basetypes.Int64Type, basetypes.Float64Type:
		return nil
	case basetypes.ListType:
		return standardType(typ.ElemType)
	case basetypes.ObjectType:
		for _, at := range typ.AttrTypes {
			if err := standardType(at); err != nil {
				return err
			}
		}
		return nil
	}
	return fmt.Errorf("type %T is not one of the framework's base types", typ)
}
