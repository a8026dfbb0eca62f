package provider

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/simulator"
)

// getCPNInstances answers without a responseCode; the networks still come through, sorted by cpn_id.
func TestAccNetworks(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{Stations: 10})
	want := []knownvalue.Check{}
	for _, n := range sim.Dataset().CPNInstances() {
		want = append(want, knownvalue.ObjectExact(map[string]knownvalue.Check{
			"cpn_id":          knownvalue.StringExact(n.ID),
			"cpn_name":        knownvalue.StringExact(n.Name),
			"cpn_description": knownvalue.StringExact(n.Description),
		}))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: sim.providerConfig() + `
data "chargepoint_networks" "x" {}

output "network_of_seed_station" {
  value = one([for n in data.chargepoint_networks.x.networks : n.cpn_name if n.cpn_id == split(":", "1:81203")[0]])
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.chargepoint_networks.x", jsonPathOf("networks"), knownvalue.ListExact(want)),
				statecheck.ExpectKnownValue("data.chargepoint_networks.x", jsonPathOf("networks", 3, "cpn_name"), knownvalue.StringExact("CA")),
				statecheck.ExpectKnownOutputValue("network_of_seed_station", knownvalue.StringExact("NA")),
			},
		}},
	})
}

func TestAccNetworks_wrongPasswordIsAnError(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{Stations: 10})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config:      sim.providerConfigWith("wrong-password") + `data "chargepoint_networks" "x" {}`,
			ExpectError: regexp.MustCompile(`(?s)ChargePoint authentication failed.*getCPNInstances`),
		}},
	})
}
