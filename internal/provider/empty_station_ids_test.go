package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/simulator"
)

// station_ids = [] (for example the IDs of an empty group) means "no stations" on every data source
// that takes a station ID list: an empty result, and the simulator sees no request for it.
func TestAccEmptyStationIDs_noStationsNoCall(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{Stations: 20})
	sources := []struct{ typ, output, op string }{
		{"chargepoint_charging_sessions", "sessions", "getChargingSessionData"},
		{"chargepoint_station_status", "stations", "getStationStatus"},
		{"chargepoint_public_station_status", "stations", "getPublicStationStatus"},
		{"chargepoint_alarms", "alarms", "getAlarms"},
		{"chargepoint_station_active_faults", "stations", "getStationActiveFaults"},
	}
	config := sim.providerConfig()
	var checks []statecheck.StateCheck
	for _, s := range sources {
		config += fmt.Sprintf("data %q \"none\" {\n  station_ids = []\n}\n", s.typ)
		checks = append(checks, statecheck.ExpectKnownValue("data."+s.typ+".none",
			tfjsonpath.New(s.output), knownvalue.ListExact([]knownvalue.Check{})))
	}
	// A list computed from another data source's empty result is "no stations" too.
	config += `
data "chargepoint_charging_sessions" "computed" {
  station_ids = [for s in data.chargepoint_station_status.none.stations : s.station_id]
}
`
	checks = append(checks,
		statecheck.ExpectKnownValue("data.chargepoint_charging_sessions.computed", tfjsonpath.New("sessions"), knownvalue.ListExact([]knownvalue.Check{})),
		statecheck.ExpectKnownValue("data.chargepoint_charging_sessions.computed", tfjsonpath.New("station_ids"), knownvalue.ListExact([]knownvalue.Check{})),
		// The configured empty list stays an empty list in state, not null.
		statecheck.ExpectKnownValue("data.chargepoint_station_status.none", tfjsonpath.New("station_ids"), knownvalue.ListExact([]knownvalue.Check{})),
	)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config:            config,
			ConfigStateChecks: checks,
			Check: func(*terraform.State) error {
				for _, s := range sources {
					if n := sim.Calls(s.op); n != 0 {
						return fmt.Errorf("%s: the simulator saw %d %s requests, want none", s.typ, n, s.op)
					}
				}
				return nil
			},
		}},
	})
}
