package provider

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/simulator"
)

// stationGroupChecks are the state checks for chargepoint_station_group at address describing group g
// with exactly these stations.
func stationGroupChecks(ds *simulator.Dataset, address string, g simulator.Group, stationIDs []string) []statecheck.StateCheck {
	expect := expectAttr(address)
	children := []knownvalue.Check{}
	for _, c := range ds.ChildGroups(g.ID) {
		children = append(children, knownvalue.ObjectExact(map[string]knownvalue.Check{
			"sg_id": knownvalue.Int64Exact(int64(c.ID)), "sg_name": knownvalue.StringExact(c.Name),
		}))
	}
	checks := []statecheck.StateCheck{
		expect(jsonPathOf("sg_id"), knownvalue.Int64Exact(int64(g.ID))),
		expect(jsonPathOf("group_name"), knownvalue.StringExact(g.Name)),
		expect(jsonPathOf("num_stations"), knownvalue.Int64Exact(int64(len(stationIDs)))),
		expect(jsonPathOf("groups"), knownvalue.ListExact(children)),
		expect(jsonPathOf("stations"), knownvalue.ListSizeExact(len(stationIDs))),
	}
	for i, id := range sortedIDs(stationIDs) {
		st, _ := ds.Station(id)
		checks = append(checks,
			expect(jsonPathOf("stations", i, "station_id"), knownvalue.StringExact(id)),
			expect(jsonPathOf("stations", i, "station_name"), knownvalue.StringExact(st.Name)),
			// The one-line address: street first, then the city.
			expect(jsonPathOf("stations", i, "address"), knownvalue.StringRegexp(regexp.MustCompile(
				`^`+regexp.QuoteMeta(st.Address)+`, .*`+regexp.QuoteMeta(st.City)))),
		)
	}
	return checks
}

// A group in the middle of a hierarchy (Campbell HQ > Garage West > Garage West Level 2), looked up
// directly and through chargepoint_station_groups by name.
func TestAccStationGroup_nested(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{Stations: groupsTestStations})
	ds := sim.Dataset()
	garageWest, _ := ds.Group(garageWestGroupID)
	if garageWest.Name != "Garage West" || garageWest.ParentID != campbellHQGroupID || len(ds.ChildGroups(garageWestGroupID)) != 1 {
		t.Fatalf("unexpected dataset: %+v", garageWest)
	}
	checks := stationGroupChecks(ds, "data.chargepoint_station_group.direct", garageWest, garageWest.StationIDs)
	checks = append(checks, stationGroupChecks(ds, "data.chargepoint_station_group.by_name", garageWest, garageWest.StationIDs)...)
	checks = append(checks, statecheck.ExpectKnownValue("data.chargepoint_station_group.direct", jsonPathOf("groups", 0, "sg_id"),
		knownvalue.Int64Exact(garageWestL2Group)))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: sim.providerConfig() + fmt.Sprintf(`
data "chargepoint_station_group" "direct" {
  sg_id = %d
}

data "chargepoint_station_groups" "org" {
  org_id = %q
}

data "chargepoint_station_group" "by_name" {
  sg_id = one([for g in data.chargepoint_station_groups.org.groups : g.sg_id if g.sg_name == "Garage West"])
}
`, garageWestGroupID, chargePointOrgID),
			ConfigStateChecks: checks,
		}},
	})
}

// With station_id, only that station of the group is listed; the child groups still are.
func TestAccStationGroup_oneStation(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{Stations: groupsTestStations})
	ds := sim.Dataset()
	hq, _ := ds.Group(campbellHQGroupID)
	if len(hq.StationIDs) < 2 || len(ds.ChildGroups(campbellHQGroupID)) != 2 {
		t.Fatalf("unexpected dataset: %+v", hq)
	}
	checks := stationGroupChecks(ds, "data.chargepoint_station_group.x", hq, []string{seedStationID})
	checks = append(checks, statecheck.ExpectKnownValue("data.chargepoint_station_group.x", jsonPathOf("station_id"), knownvalue.StringExact(seedStationID)))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: sim.providerConfig() + fmt.Sprintf(`
data "chargepoint_station_group" "x" {
  sg_id      = %d
  station_id = %q
}
`, campbellHQGroupID, seedStationID),
			ConfigStateChecks: checks,
		}},
	})
}

func TestAccStationGroup_unknownGroupIsAnError(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{Stations: groupsTestStations})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: sim.providerConfig() + fmt.Sprintf(`
data "chargepoint_station_group" "x" {
  sg_id = %d
}
`, unknownGroupID),
			ExpectError: wrapped(fmt.Sprintf(`(?s)ChargePoint getStationGroupDetails failed with responseCode 124.*`+
				`chargepoint_station_group: getStationGroupDetails returned responseCode 124 \(Invalid sgID\) for sg_id = %d\.`, unknownGroupID)),
		}},
	})
}

func TestAccStationGroup_planTimeValidation(t *testing.T) {
	testAccPreCheck(t)
	testPlanTimeValidation(t, "station_group", "getStationGroupDetails", map[string]planCase{
		"sg_id missing":    {`station_id = "1:81203"`, `The argument "sg_id" is required`},
		"sg_id not number": {`sg_id = "garage"`, `(?s)Inappropriate value for attribute "sg_id".*a number is required`},
	})
}
