package provider

import (
	"maps"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/simulator"
)

// The documentation examples of the station inventory and status data sources run as written against
// the simulator (provider settings from the environment), so they cannot rot. The check block of the
// chargepoint_station_status example is tested in TestAccStationStatus_exampleCheckBlock.
func TestAccExamples_stationInventoryAndStatus(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{})
	t.Setenv(envEndpoint, sim.endpoint)
	t.Setenv(envLicenseKey, testLicenseKey)
	t.Setenv(envPassword, testPassword)
	fleet, parts := 0, map[string]bool{} // the examples' organization 1:ORG07225
	for _, st := range sim.Dataset().Stations() {
		if st.OrgID != "1:ORG07225" {
			continue
		}
		fleet++
		for _, f := range st.Faults {
			for _, fru := range f.FRUs {
				if len(fru.Faults) > 0 && fru.PartNumber != "" {
					parts[fru.PartNumber] = true
				}
			}
		}
	}
	if fleet == 0 || len(parts) == 0 {
		t.Fatal("the data set has no station or no fault in 1:ORG07225")
	}
	firmwareByGroup := map[string]knownvalue.Check{} // the stations example's join of sg_ids and sg_id
	for _, g := range sim.Dataset().Groups() {
		if g.OrgID != "1:ORG07225" {
			continue
		}
		seen := map[string]bool{}
		for _, id := range g.StationIDs {
			st, _ := sim.Dataset().Station(id)
			seen[st.Firmware] = true
		}
		versions := slices.Sorted(maps.Keys(seen))
		checks := make([]knownvalue.Check, len(versions))
		for i, v := range versions {
			checks[i] = knownvalue.StringExact(v)
		}
		firmwareByGroup[g.Name] = knownvalue.ListExact(checks)
	}
	if len(firmwareByGroup) < 2 {
		t.Fatalf("%d groups in 1:ORG07225: the join proves little", len(firmwareByGroup))
	}
	example := func(name string) config.TestStepConfigFunc {
		return config.StaticFile("../../examples/data-sources/chargepoint_" + name + "/data-source.tf")
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				ConfigFile: example("stations"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownOutputValue("fleet_inventory", knownvalue.MapSizeExact(fleet)),
					statecheck.ExpectKnownOutputValue("firmware_by_group", knownvalue.MapExact(firmwareByGroup)),
				},
			},
			{
				ConfigFile: example("station"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownOutputValueAtPath("lobby_station", tfjsonpath.New("groups").AtMapKey("20002"), knownvalue.StringExact("Garage West")),
					statecheck.ExpectKnownOutputValueAtPath("lobby_station", tfjsonpath.New("ports").AtMapKey("1"), knownvalue.StringExact("L2 J1772, 7.2 kW")),
				},
			},
			{
				ConfigFile:      example("station_status"),
				ConfigVariables: config.Variables{"sg_id": config.IntegerVariable(simulator.HealthyGroupID)},
			},
			{
				ConfigFile: example("public_station_status"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownOutputValueAtPath("campus_available_ports", tfjsonpath.New("1:81203"), knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("1")})),
				},
			},
			{ConfigFile: example("custom_group_stations")},
			{
				ConfigFile: example("station_active_faults"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownOutputValue("faulted_parts", knownvalue.ListSizeExact(len(parts))),
				},
			},
		},
	})
}
