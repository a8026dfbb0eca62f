package provider

import (
	"regexp"
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
		},
	})
}
