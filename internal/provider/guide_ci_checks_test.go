package provider

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/simulator"
)

// The worked example of the CI inventory checks guide runs as written against the simulator: with
// the organization's real inventory it plans cleanly, and a station missing from ChargePoint fails
// the plan with the postcondition's message.
func TestAccGuideCIInventoryChecks(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{})
	t.Setenv(envEndpoint, sim.endpoint)
	t.Setenv(envLicenseKey, testLicenseKey)
	t.Setenv(envPassword, testPassword)
	// The example declares chargepoint-community/chargepoint, so that it runs when copied as it is.
	t.Setenv("TF_ACC_PROVIDER_NAMESPACE", "chargepoint-community")
	var ids []config.Variable
	for _, st := range sim.Dataset().Stations() {
		if st.OrgID == "1:ORG07225" {
			ids = append(ids, config.StringVariable(st.ID))
		}
	}
	if len(ids) == 0 {
		t.Fatal("the data set has no station in 1:ORG07225")
	}
	missing := append([]config.Variable{config.StringVariable("1:0000001"), config.StringVariable("1:0000002")}, ids...)
	example := config.StaticFile("../../examples/guides/ci-inventory-checks/main.tf")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				ConfigFile:      example,
				ConfigVariables: config.Variables{"expected_station_ids": config.SetVariable(ids...)},
				// A data source scoped to a check block is read again on every plan.
				ExpectNonEmptyPlan: true,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownOutputValue("station_count", knownvalue.Int64Exact(int64(len(ids)))),
				},
			},
			{
				ConfigFile:      example,
				ConfigVariables: config.Variables{"expected_station_ids": config.SetVariable(missing...)},
				ExpectError:     regexp.MustCompile(`Stations missing from ChargePoint: 1:0000001, 1:0000002\.`),
			},
			{ // the guide's second inventory, and the error the guide shows for it
				ConfigFile: example,
				ConfigVariables: config.Variables{"expected_station_ids": config.SetVariable(
					config.StringVariable("1:9000019"), config.StringVariable("1:9000022"),
					config.StringVariable("1:9000040"), config.StringVariable("1:9000041"))},
				ExpectError: regexp.MustCompile(`Stations missing from ChargePoint: 1:9000040\.`),
			},
		},
	})
}

// The output the guide shows is what its example prints against the simulator's default data set:
// the stations of 1:ORG07225, those not in the guide's inventories, and its unreachable ports.
func TestGuideCIInventoryChecksShowsSimulatorOutput(t *testing.T) {
	guide, err := os.ReadFile("../../templates/guides/ci-inventory-checks.md.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(guide)), " ") // the CLI wraps long messages
	var inventories [][]string
	for _, m := range regexp.MustCompile(`expected_station_ids = \[([^\]]*)\]`).FindAllStringSubmatch(text, -1) {
		inventories = append(inventories, regexp.MustCompile(`"([^"]+)"`).FindAllString(m[1], -1))
	}
	if len(inventories) != 2 {
		t.Fatalf("want the guide's two inventories, found %v", inventories)
	}
	for _, inv := range inventories {
		for i := range inv {
			inv[i] = strings.Trim(inv[i], `"`)
		}
	}
	d := simulator.New(simulator.Options{}).Dataset()
	var org []string // sorted: Stations() is in ID order
	var unreachable []string
	for _, st := range d.Stations() {
		if st.OrgID != "1:ORG07225" {
			continue
		}
		org = append(org, st.ID)
		for _, p := range st.Ports {
			if p.Status == "UNREACHABLE" {
				unreachable = append(unreachable, fmt.Sprintf("%s port %d", st.ID, p.Number))
			}
		}
	}
	notIn := func(a, b []string) (out []string) {
		for _, id := range a {
			if !slices.Contains(b, id) {
				out = append(out, id)
			}
		}
		slices.Sort(out)
		return out
	}
	first, second := inventories[0], inventories[1]
	if m := notIn(first, org); len(m) != 0 {
		t.Errorf("the first inventory names stations 1:ORG07225 does not have: %v", m)
	}
	unexpected := notIn(org, first)
	want := []string{
		fmt.Sprintf("with %d stations", len(org)),
		fmt.Sprintf("+ station_count = %d", len(org)),
		fmt.Sprintf("local.unexpected_station_ids is list of string with %d elements", len(unexpected)),
		"Stations in ChargePoint but not in the inventory: " + strings.Join(unexpected, ", ") + ".",
		fmt.Sprintf("data.chargepoint_station_status.fleet.stations is list of object with %d elements", len(org)),
		"Unreachable: " + strings.Join(unreachable, ", ") + ".",
		fmt.Sprintf("self.stations is list of object with %d elements", len(org)),
		fmt.Sprintf("var.expected_station_ids is set of string with %d elements", len(second)),
		"Stations missing from ChargePoint: " + strings.Join(notIn(second, org), ", ") + ".",
	}
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("the guide does not show %q", w)
		}
	}
}
