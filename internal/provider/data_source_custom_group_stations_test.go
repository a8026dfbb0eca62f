package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/simulator"
)

const customGroupStationsDS = "data.chargepoint_custom_group_stations.x"

func sortedStationIDs(g simulator.Group) []string {
	ids := append([]string(nil), g.StationIDs...)
	sortBy(ids, func(s string) string { return s })
	return ids
}

func TestAccCustomGroupStations_byName(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{})
	group, ok := sim.Dataset().Group(simulator.UnreachableGroupID)
	if !ok {
		t.Fatal("no UnreachableGroupID group")
	}
	ids := sortedStationIDs(group)
	seed := -1
	for i, id := range ids {
		if id == "1:81203" {
			seed = i
		}
	}
	if seed < 0 {
		t.Fatal("the seed station is not in UnreachableGroupID")
	}
	at := func(v knownvalue.Check, steps ...any) statecheck.StateCheck {
		return expectAt(customGroupStationsDS, stationsPath(append([]any{seed}, steps...)...), v)
	}
	checks := append(stationIDsChecks(customGroupStationsDS, ids),
		at(knownvalue.StringExact("CHARGEPOINT / HQ 5"), "station_name"),
		at(knownvalue.StringExact("1:ORG00001"), "org_id"),
		at(knownvalue.StringExact("1"), "company_id"),
		at(knownvalue.StringExact("ChargePoint"), "organization_name"),
		at(numberList(20001, 20002), "sg_ids"),
		at(stringList("Campbell HQ", "Garage West"), "sg_names"),
		at(knownvalue.StringExact("4.10.2.14"), "station_firmware"),
		at(knownvalue.Int64Exact(4), "station_reception"),
		at(knownvalue.StringExact("2027-10-01"), "service_plan_expiry_date"),
		at(knownvalue.StringExact("UNREACHABLE"), "ports", 1, "status"),
	)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: sim.providerConfig() + fmt.Sprintf(`
data "chargepoint_custom_group_stations" "x" {
  sg_name = %q
}
data "chargepoint_custom_group_stations" "one" {
  sg_name    = %q
  station_id = "1:81203"
}
data "chargepoint_custom_group_stations" "unknown" {
  sg_name = "No Such Group"
}
`, group.Name, group.Name),
			ConfigStateChecks: append(checks,
				expectAt("data.chargepoint_custom_group_stations.one", stationsPath(), knownvalue.ListSizeExact(1)),
				expectAt("data.chargepoint_custom_group_stations.one", stationsPath(0, "station_id"), knownvalue.StringExact("1:81203")),
				expectAt("data.chargepoint_custom_group_stations.unknown", stationsPath(), knownvalue.ListExact([]knownvalue.Check{})),
			),
		}},
	})
}

// Paging through a group in pages that divide its size (the last page exactly full) and in pages that do not.
func TestAccCustomGroupStations_paging(t *testing.T) {
	testAccPreCheck(t)
	sim0 := startSimulator(t, simulator.Options{})
	var group simulator.Group
	exact := 0
	for _, g := range sim0.Dataset().Groups() {
		for d := 2; d <= len(g.StationIDs)/2; d++ {
			if len(g.StationIDs)%d == 0 && len(g.StationIDs)%(d+1) != 0 {
				group, exact = g, d
				break
			}
		}
		if exact > 0 {
			break
		}
	}
	if exact == 0 {
		t.Fatal("no group whose size has a divisor")
	}
	ids := sortedStationIDs(group)
	for _, pageSize := range []int{exact, exact + 1} {
		t.Run(fmt.Sprint(pageSize), func(t *testing.T) {
			sim := startSimulator(t, simulator.Options{MaxPageSize: pageSize})
			pages := (len(ids) + pageSize - 1) / pageSize
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProviders,
				Steps: []resource.TestStep{{
					Config:            sim.sequentialProviderConfig() + fmt.Sprintf("data \"chargepoint_custom_group_stations\" \"x\" {\n  sg_name = %q\n}\n", group.Name),
					ConfigStateChecks: stationIDsChecks(customGroupStationsDS, ids),
					Check: func(*terraform.State) error {
						if calls := sim.Calls("getCustomGroupStations"); calls < pages || calls%pages != 0 {
							return fmt.Errorf("%d getCustomGroupStations calls for %d stations in pages of %d: want a multiple of %d", calls, len(ids), pageSize, pages)
						}
						return nil
					},
				}},
			})
		})
	}
}

func TestAccCustomGroupStations_planTimeValidation(t *testing.T) {
	testAccPreCheck(t)
	testPlanTimeValidation(t, "custom_group_stations", "getCustomGroupStations", map[string]planCase{
		"missing sg_name": {`station_id = "1:81203"`, `The argument "sg_name" is required`},
		"empty sg_name":   {`sg_name = ""`, `Attribute sg_name string length must be at least 1`},
	})
}
