package provider

import (
	"regexp"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/simulator"
)

// planCase is one invalid configuration body and the error Terraform must report for it at plan time.
type planCase struct{ body, err string }

// testPlanTimeValidation plans `data "chargepoint_<dataSource>" "x" { <body> }` for every case, expects
// the error, and checks that no invalid input reached the API operation op.
func testPlanTimeValidation(t *testing.T, dataSource, op string, cases map[string]planCase) {
	t.Helper()
	sim := startSimulator(t, simulator.Options{Stations: 20})
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProviders,
				Steps: []resource.TestStep{{
					Config:      sim.providerConfig() + "data \"chargepoint_" + dataSource + "\" \"x\" {\n  " + tc.body + "\n}\n",
					PlanOnly:    true,
					ExpectError: regexp.MustCompile(tc.err),
				}},
			})
		})
	}
	if !slices.Contains(simulator.Operations(), op) {
		t.Fatalf("the simulator does not implement %s, so the no-call assertion would prove nothing", op)
	}
	if calls := sim.Calls(op); calls != 0 {
		t.Errorf("invalid input reached %s: %d calls", op, calls)
	}
}
