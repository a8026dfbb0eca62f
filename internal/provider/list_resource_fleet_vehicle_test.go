package provider

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

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
