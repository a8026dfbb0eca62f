package provider

import (
	"context"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/simulator"
)

// TestNonFiniteNumbersWarnOnce: a simulator that sends NaN for every Power gives null powers and one
// warning naming the operation, the attribute and the count, on both read paths.
func TestNonFiniteNumbersWarnOnce(t *testing.T) {
	for _, value := range []string{"NaN", "INF", "-Infinity"} {
		t.Run(value, func(t *testing.T) {
			faults, err := simulator.NewFaultInjector(simulator.New(simulator.Options{
				LicenseKey: testLicenseKey, Password: testPassword, Stations: 20,
			}), "fault=nan&element=Power&value="+value)
			if err != nil {
				t.Fatal(err)
			}
			sim := httptest.NewServer(faults)
			t.Cleanup(sim.Close)
			srv := configuredServerAt(t, sim.URL+simulator.Path)
			ctx := context.Background()
			schemas, _ := srv.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
			name := "chargepoint_public_stations"
			typ := schemas.DataSourceSchemas[name].ValueType()
			dv, _ := tfprotov6.NewDynamicValue(typ, configValue(t, typ, map[string]any{
				"address": "1692 Dell Avenue", "city": "Campbell", "state": "CA", "proximity": 5}))
			req := &tfprotov6.ReadDataSourceRequest{TypeName: name, Config: &dv}
			for path, read := range map[string]func(context.Context, *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error){
				"protocol": srv.ReadDataSource, "framework": frameworkPath(t, srv).ReadDataSource,
			} {
				resp, err := read(ctx, req)
				if err != nil {
					t.Fatal(err)
				}
				if len(resp.Diagnostics) != 1 || resp.Diagnostics[0].Severity != tfprotov6.DiagnosticSeverityWarning {
					t.Fatalf("%s: want one warning, got %s", path, describe(resp.Diagnostics))
				}
				d := resp.Diagnostics[0]
				ports := countPorts(t, stateOf(t, resp, typ))
				want := "chargepoint_public_stations: " + strconv.Itoa(ports) + " value(s) of stations > ports > power were not finite"
				if !strings.Contains(d.Summary, "getPublicStations") || !strings.Contains(d.Detail, want) {
					t.Fatalf("%s: warning %q / %q, want the operation and %q", path, d.Summary, d.Detail, want)
				}
			}
		})
	}
}

// countPorts counts the ports in a public stations state, checking that every power is null.
func countPorts(t *testing.T, state tftypes.Value) int {
	t.Helper()
	var attrs map[string]tftypes.Value
	_ = state.As(&attrs)
	var stations []tftypes.Value
	_ = attrs["stations"].As(&stations)
	n := 0
	for _, s := range stations {
		var st map[string]tftypes.Value
		_ = s.As(&st)
		var ports []tftypes.Value
		_ = st["ports"].As(&ports)
		for _, p := range ports {
			var port map[string]tftypes.Value
			_ = p.As(&port)
			if !port["power"].IsNull() {
				t.Fatalf("a non-finite power is not null: %v", port["power"])
			}
			n++
		}
	}
	if n == 0 {
		t.Fatal("no ports: the test proved nothing")
	}
	return n
}

type panickingReader struct{}

func (panickingReader) readState(context.Context, *cpapi.Client, tftypes.Value) ([]byte, diag.Diagnostics) {
	var stations []cpapi.Station
	_ = stations[3] // an index out of range, as a bug would
	return nil, nil
}

// TestReadPanicBecomesDiagnostic: a panic in a read is one error diagnostic, not a crashed plugin.
func TestReadPanicBecomesDiagnostic(t *testing.T) {
	sim := startSimulator(t, simulator.Options{Stations: 1})
	srv := configuredServer(t, sim)
	srv.readers["chargepoint_stations"] = panickingReader{}
	ctx := context.Background()
	typ, _ := srv.schemaType(ctx, "chargepoint_stations")
	dv, _ := tfprotov6.NewDynamicValue(typ, configValue(t, typ, nil))
	resp, err := srv.ReadDataSource(ctx, &tfprotov6.ReadDataSourceRequest{TypeName: "chargepoint_stations", Config: &dv})
	if err != nil {
		t.Fatal(err)
	}
	if len(resp.Diagnostics) != 1 || resp.Diagnostics[0].Severity != tfprotov6.DiagnosticSeverityError ||
		!strings.Contains(resp.Diagnostics[0].Summary, "please report") || !strings.Contains(resp.Diagnostics[0].Detail, "index out of range") {
		t.Fatalf("got %s", describe(resp.Diagnostics))
	}
}

// TestEveryDataSourceNamesItsOperation: the warnings name the ChargePoint operation, a field of the data
// source; its description names the same operation, as `getXxx`.
func TestEveryDataSourceNamesItsOperation(t *testing.T) {
	operation := regexp.MustCompile("^get[A-Za-z0-9]+$")
	for _, newDataSource := range dataSources {
		ds, ok := newDataSource().(interface{ operationAndDescription() (string, string) })
		if !ok {
			t.Fatalf("%T has no operation", ds)
		}
		op, desc := ds.operationAndDescription()
		if !operation.MatchString(op) {
			t.Errorf("operation %q is not a ChargePoint operation name (getXxx)", op)
		}
		if !strings.Contains(desc, "`"+op+"`") {
			t.Errorf("description %q does not name its operation `%s`", desc, op)
		}
	}
}

func (d *listDataSource[Q, T]) operationAndDescription() (string, string) {
	return d.operation, d.description
}
func (d *singleDataSource[Q, T]) operationAndDescription() (string, string) {
	return d.operation, d.description
}
