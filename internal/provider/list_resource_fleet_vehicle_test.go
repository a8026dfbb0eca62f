package provider

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/list"
	fwresource "github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/simulator"
)

// TestAccFleetVehicleListQuery: terraform query (Terraform 1.14 and later, which terraform-plugin-testing
// cannot run yet) finds the simulator's vehicles of a fleet and make, by fleet vehicle ID; the
// configuration it generates plans only imports, applies, and plans empty after. Like
// TestAccActionInvoke, the test runs the CLI itself with a provider binary it builds and a dev_overrides
// CLI configuration.
func TestAccFleetVehicleListQuery(t *testing.T) {
	testAccPreCheck(t)
	cli := actionsCLIPath(t)
	sim := startSimulator(t, simulator.Options{})

	all := sim.FleetVehicles()
	if len(all) == 0 {
		t.Fatal("the simulator's data set has no fleet vehicles")
	}
	// The fleet and make with the most vehicles, in a fleet with other makes too, so that both filters
	// are seen to work.
	fleet, vmake := fleetAndMake(all)
	if fleet == "" {
		t.Fatal("no fleet of the simulator's data set has two vehicles of a make and a vehicle of another")
	}
	var want []string // IDs, sorted (FleetVehicles is sorted by ID)
	var fleetIDs []string
	for _, v := range all {
		if !strings.EqualFold(v.FleetName, fleet) {
			continue
		}
		fleetIDs = append(fleetIDs, v.ID)
		if strings.EqualFold(v.Make, vmake) {
			if len(v.CredentialIDs) == 0 {
				t.Fatalf("vehicle %s has no card serial number: its generated configuration could not be valid", v.ID)
			}
			want = append(want, v.ID)
		}
	}

	dir := t.TempDir()
	bin := filepath.Join(dir, "bin")
	build := exec.Command("go", "build", "-o", filepath.Join(bin, "terraform-provider-chargepoint"), "../..")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	rc := filepath.Join(dir, "terraformrc")
	writeFile(t, rc, fmt.Sprintf(`provider_installation {
  dev_overrides {
    "registry.terraform.io/chargepoint-community/chargepoint" = %q
  }
  direct {}
}
`, bin))
	work := filepath.Join(dir, "work")
	writeFile(t, filepath.Join(work, "main.tf"), `terraform {
  required_providers {
    chargepoint = { source = "chargepoint-community/chargepoint" }
  }
}
`+sim.providerConfig())
	writeFile(t, filepath.Join(work, "vehicles.tfquery.hcl"), fmt.Sprintf(`
list "chargepoint_fleet_vehicle" "fleet" {
  provider = chargepoint
  config {
    fleet_name = %[1]q
  }
}

list "chargepoint_fleet_vehicle" "make" {
  provider         = chargepoint
  include_resource = true
  config {
    fleet_name = %[1]q
    make       = %[2]q
  }
}
`, fleet, vmake))
	example, err := os.ReadFile("../../examples/list-resources/chargepoint_fleet_vehicle/list-resource.tfquery.hcl")
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(work, "example.tfquery.hcl"), string(example)) // validated and run by the first query
	run := func(wantCode int, args ...string) string {
		t.Helper()
		cmd := exec.Command(cli, args...)
		cmd.Dir = work
		cmd.Env = append(os.Environ(), "TF_CLI_CONFIG_FILE="+rc, "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1")
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		err := cmd.Run()
		code := 0
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			code = exit.ExitCode()
		} else if err != nil {
			t.Fatalf("%s %s: %v\n%s", cli, strings.Join(args, " "), err, out.String())
		}
		if code != wantCode {
			t.Fatalf("%s %s: exit code %d, want %d\n%s", cli, strings.Join(args, " "), code, wantCode, out.String())
		}
		return out.String()
	}

	// terraform query -json: one list_resource_found message per vehicle, with its identity.
	found := map[string][]string{}
	out := run(0, "query", "-json", "-no-color")
	for line := range strings.Lines(out) {
		var msg struct {
			Type  string `json:"type"`
			Found struct {
				Address  string            `json:"address"`
				Identity map[string]string `json:"identity"`
			} `json:"list_resource_found"`
		}
		if json.Unmarshal([]byte(line), &msg) != nil || msg.Type != "list_resource_found" {
			continue
		}
		name := msg.Found.Address[strings.LastIndex(msg.Found.Address, ".")+1:]
		found[name] = append(found[name], msg.Found.Identity["id"])
	}
	for name, ids := range map[string][]string{"fleet": fleetIDs, "make": want} {
		got := slices.Sorted(slices.Values(found[name]))
		if !slices.Equal(got, ids) {
			t.Errorf("list.chargepoint_fleet_vehicle.%s: found %d vehicles %v, want the simulator's %d %v\n%s", name, len(got), got, len(ids), ids, out)
		}
	}
	if t.Failed() {
		t.FailNow()
	}

	// Only the list block with include_resource generates configuration.
	if err := os.Remove(filepath.Join(work, "example.tfquery.hcl")); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(work, "vehicles.tfquery.hcl"), fmt.Sprintf(`
list "chargepoint_fleet_vehicle" "make" {
  provider         = chargepoint
  include_resource = true
  config {
    fleet_name = %q
    make       = %q
  }
}
`, fleet, vmake))
	out = run(0, "query", "-no-color", "-generate-config-out=generated.tf")
	generated, err := os.ReadFile(filepath.Join(work, "generated.tf"))
	if err != nil {
		t.Fatalf("terraform query -generate-config-out wrote no generated.tf: %v\n%s", err, out)
	}
	if n := strings.Count(string(generated), "import {"); n != len(want) {
		t.Fatalf("generated.tf has %d import blocks, want %d:\n%s", n, len(want), generated)
	}
	for _, id := range want {
		if !strings.Contains(string(generated), fmt.Sprintf("%q", id)) {
			t.Errorf("generated.tf does not import %s:\n%s", id, generated)
		}
	}

	t.Logf("fleet %q: %d vehicles, %d of make %q imported", fleet, len(fleetIDs), len(want), vmake)

	// The generated configuration imports every vehicle and changes nothing.
	out = run(2, "plan", "-no-color", "-input=false", "-detailed-exitcode")
	if !regexp.MustCompile(fmt.Sprintf(`Plan: %d to import, 0 to add, 0 to change, 0 to destroy\.`, len(want))).MatchString(out) {
		t.Fatalf("plan of the generated configuration is not only imports:\n%s\n\ngenerated.tf:\n%s", out, generated)
	}
	out = run(0, "apply", "-no-color", "-input=false", "-auto-approve")
	if !strings.Contains(out, fmt.Sprintf("%d imported, 0 added, 0 changed, 0 destroyed", len(want))) {
		t.Fatalf("apply of the generated configuration:\n%s", out)
	}
	out = run(0, "plan", "-no-color", "-input=false", "-detailed-exitcode")
	if !strings.Contains(out, "No changes.") {
		t.Fatalf("plan after the import is not empty:\n%s", out)
	}
	state := run(0, "state", "list")
	if n := strings.Count(state, "chargepoint_fleet_vehicle."); n != len(want) {
		t.Fatalf("state has %d fleet vehicles, want %d:\n%s", n, len(want), state)
	}
	if got := len(sim.FleetVehicles()); got != len(all) {
		t.Fatalf("the simulator has %d vehicles after the import, had %d", got, len(all))
	}
}

// fleetAndMake: the fleet and make with the most vehicles (at least two) in a fleet that also has another
// make; "" if there is none.
func fleetAndMake(all []simulator.FleetVehicle) (fleet, vmake string) {
	perFleet, perMake := map[string]int{}, map[[2]string]int{}
	for _, v := range all {
		perFleet[strings.ToLower(v.FleetName)]++
		perMake[[2]string{strings.ToLower(v.FleetName), strings.ToLower(v.Make)}]++
	}
	best := 1
	for _, v := range all {
		k := [2]string{strings.ToLower(v.FleetName), strings.ToLower(v.Make)}
		if n := perMake[k]; n > best && perFleet[k[0]] > n {
			best, fleet, vmake = n, v.FleetName, v.Make
		}
	}
	return fleet, vmake
}

// listFleetVehicles runs the list resource's List directly against sim, as terraform query would.
func listFleetVehicles(t *testing.T, client *cpapi.Client, config map[string]tftypes.Value, includeResource bool, limit int64) []list.ListResult {
	t.Helper()
	ctx := context.Background()
	lr := newFleetVehicleListResource().(*fleetVehicleListResource)
	var cr fwresource.ConfigureResponse
	lr.Configure(ctx, fwresource.ConfigureRequest{ProviderData: client}, &cr)
	var sr list.ListResourceSchemaResponse
	lr.ListResourceConfigSchema(ctx, list.ListResourceSchemaRequest{}, &sr)
	var rs fwresource.SchemaResponse
	(&fleetVehicleResource{}).Schema(ctx, fwresource.SchemaRequest{}, &rs)
	var is fwresource.IdentitySchemaResponse
	(&fleetVehicleResource{}).IdentitySchema(ctx, fwresource.IdentitySchemaRequest{}, &is)
	typ := sr.Schema.Type().TerraformType(ctx).(tftypes.Object)
	vals := map[string]tftypes.Value{}
	for name, at := range typ.AttributeTypes {
		vals[name] = tftypes.NewValue(at, nil)
	}
	maps.Copy(vals, config)
	req := list.ListRequest{
		Config:          tfsdk.Config{Raw: tftypes.NewValue(typ, vals), Schema: sr.Schema},
		IncludeResource: includeResource, Limit: limit,
		ResourceSchema: rs.Schema, ResourceIdentitySchema: is.IdentitySchema,
	}
	var stream list.ListResultsStream
	lr.List(ctx, req, &stream)
	return slices.Collect(stream.Results)
}

func TestFleetVehicleList(t *testing.T) {
	sim := startSimulator(t, simulator.Options{})
	client, err := cpapi.New(cpapi.Config{Endpoint: sim.endpoint, LicenseKey: testLicenseKey, Password: testPassword})
	if err != nil {
		t.Fatal(err)
	}
	all := sim.FleetVehicles()
	fleet, vmake := fleetAndMake(all)
	var want []string
	for _, v := range all {
		if strings.EqualFold(v.FleetName, fleet) && strings.EqualFold(v.Make, vmake) {
			want = append(want, v.ID)
		}
	}
	ctx := context.Background()
	ids := func(results []list.ListResult, withResource bool) []string {
		t.Helper()
		var out []string
		for _, r := range results {
			if r.Diagnostics.HasError() {
				t.Fatalf("list result with errors: %v", r.Diagnostics)
			}
			var id fleetVehicleIdentity
			if d := r.Identity.Get(ctx, &id); d.HasError() {
				t.Fatal(d)
			}
			out = append(out, id.ID.ValueString())
			if r.DisplayName == "" {
				t.Errorf("%s: no display name", id.ID.ValueString())
			}
			if withResource {
				var m fleetVehicleModel
				if d := r.Resource.Get(ctx, &m); d.HasError() {
					t.Fatal(d)
				}
				v, _ := sim.FleetVehicle(id.ID.ValueString())
				if m.ID.ValueString() != v.ID || m.LicensePlate.ValueString() != v.License || m.Make.ValueString() != v.Make {
					t.Errorf("resource of %s: %+v, simulator has %+v", v.ID, m, v)
				}
			} else if !r.Resource.Raw.IsNull() {
				t.Errorf("%s: resource state without include_resource", id.ID.ValueString())
			}
		}
		return out
	}
	filters := map[string]tftypes.Value{
		"fleet_name": tftypes.NewValue(tftypes.String, strings.ToUpper(fleet)), // case-insensitive, as ChargePoint
		"make":       tftypes.NewValue(tftypes.String, vmake),
	}
	if got := ids(listFleetVehicles(t, client, filters, true, 0), true); !slices.Equal(got, want) {
		t.Errorf("fleet %q, make %q: got %v, want %v", fleet, vmake, got, want)
	}
	if got := ids(listFleetVehicles(t, client, filters, false, 1), false); !slices.Equal(got, want[:1]) {
		t.Errorf("limit 1: got %v, want %v", got, want[:1])
	}
	if got := ids(listFleetVehicles(t, client, nil, false, 0), false); len(got) != len(all) {
		t.Errorf("no filters: %d vehicles, the simulator has %d", len(got), len(all))
	}
	none := map[string]tftypes.Value{"fleet_name": tftypes.NewValue(tftypes.String, "No Such Fleet")}
	if got := ids(listFleetVehicles(t, client, none, true, 0), true); len(got) != 0 {
		t.Errorf("unknown fleet: got %v", got)
	}
	// Not configured: one error, no vehicles.
	results := listFleetVehicles(t, nil, nil, false, 0)
	if len(results) != 1 || !results[0].Diagnostics.HasError() {
		t.Errorf("unconfigured: want one error result, got %+v", results)
	}
}
