package provider

import (
	"fmt"
	"net/http/httptest"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/simulator"
)

// A station's sg_ids are numbers, like every other sg_id: a station joins its groups with contains(),
// without tostring. The join through Terraform gives each group of the organization the stations
// getStationGroups lists for it.
func TestAccStations_sgIDsJoinGroups(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{Stations: groupsTestStations})
	members := map[string]knownvalue.Check{}
	for _, g := range sim.Dataset().Groups() {
		if g.OrgID != chargePointOrgID {
			continue
		}
		ids := sortedIDs(g.StationIDs)
		checks := make([]knownvalue.Check, len(ids))
		for i, id := range ids {
			checks[i] = knownvalue.StringExact(id)
		}
		members[g.Name] = knownvalue.ListExact(checks)
	}
	if len(members) < 2 {
		t.Fatalf("%d groups in %s: the join proves little", len(members), chargePointOrgID)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: sim.providerConfig() + fmt.Sprintf(`
data "chargepoint_station_groups" "org" {
  org_id = %[1]q
}

data "chargepoint_stations" "org" {
  org_id = %[1]q
}

output "members" {
  value = {
    for g in data.chargepoint_station_groups.org.groups : g.sg_name => [
      for s in data.chargepoint_stations.org.stations : s.station_id if contains(s.sg_ids, g.sg_id)
    ]
  }
}

# == does not convert: "20001" == 20001 is false, so this join holds only with numbers.
output "members_by_equality" {
  value = {
    for g in data.chargepoint_station_groups.org.groups : g.sg_name => [
      for s in data.chargepoint_stations.org.stations : s.station_id if anytrue([for id in s.sg_ids : id == g.sg_id])
    ]
  }
}

output "seed_groups" {
  value = one([for s in data.chargepoint_stations.org.stations : s.sg_ids if s.station_id == %[2]q])
}
`, chargePointOrgID, seedStationID),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("members", knownvalue.MapExact(members)),
				statecheck.ExpectKnownOutputValue("members_by_equality", knownvalue.MapExact(members)),
				statecheck.ExpectKnownOutputValue("seed_groups", numberList(campbellHQGroupID, garageWestGroupID)),
			},
		}},
	})
}

// An sg_id part that is not a whole number (the simulator rewrites every sgID to "20001, abc") is null
// in sg_ids, in its place, and the read succeeds (with a warning, asserted in TestUnparsedSgIDsWarnOnce):
// the number before it still joins.
func TestAccStation_sgIDNotANumberIsNull(t *testing.T) {
	testAccPreCheck(t)
	faults, err := simulator.NewFaultInjector(simulator.New(simulator.Options{
		LicenseKey: testLicenseKey, Password: testPassword, Stations: 20,
	}), "fault=nan&element=sgID&value=20001, abc")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(faults)
	t.Cleanup(srv.Close)
	sim := &testSim{endpoint: srv.URL + simulator.Path}
	at := func(name string, v knownvalue.Check) statecheck.StateCheck {
		return expectAt("data.chargepoint_station.hq", tfjsonpath.New(name), v)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: sim.providerConfig() + `
data "chargepoint_station" "hq" {
  station_id = "1:81203"
}

output "in_campbell_hq" {
  value = contains(data.chargepoint_station.hq.sg_ids, 20001)
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				at("sg_id", knownvalue.StringExact("20001, abc")),
				at("sg_ids", knownvalue.ListExact([]knownvalue.Check{knownvalue.Int64Exact(20001), knownvalue.Null()})),
				at("sg_names", stringList("Campbell HQ", "Garage West")),
				statecheck.ExpectKnownOutputValue("in_campbell_hq", knownvalue.Bool(true)),
			},
		}},
	})
}

// Station IDs ChargePoint does not return are left out of the result, and the read succeeds (the
// warning that names them is asserted in TestMissingStationsWarnOnce). A station ID that is not
// <network>:<number> is a plan-time warning, not an error: the configuration plans and applies.
func TestAccStationStatus_missingAndMalformedStationIDs(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{Stations: 20})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: sim.providerConfig() + `
data "chargepoint_station_status" "x" {
  station_ids = ["1:81203", "9:404", "81203"]
}

data "chargepoint_public_station_status" "malformed" {
  station_ids = ["nope"]
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				expectAt(stationStatusDS, stationsPath(), knownvalue.ListSizeExact(1)),
				expectAt(stationStatusDS, stationsPath(0, "station_id"), knownvalue.StringExact("1:81203")),
				expectAt("data.chargepoint_public_station_status.malformed", stationsPath(), knownvalue.ListExact([]knownvalue.Check{})),
			},
		}},
	})
	if calls := sim.Calls("getPublicStationStatus"); calls == 0 {
		t.Error("the malformed ID never reached getPublicStationStatus: it must be a warning, not an error")
	}
}

// Errors say what was asked: the responseCode error of getLoad names the station_id, the singular
// station lookup that finds nothing names the station_id it looked for.
func TestAccErrorsNameTheQuery(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{Stations: 20})
	for name, tc := range map[string]struct{ config, err string }{
		"load by unknown station": {`data "chargepoint_load" "x" {
  station_id = "9:404"
}`, `(?s)ChargePoint getLoad failed with responseCode 160.*chargepoint_load: getLoad returned responseCode 160 \(No data found for given criteria\) for station_id = "9:404"\.`},
		"station group with station": {fmt.Sprintf(`data "chargepoint_station_group" "x" {
  sg_id      = %d
  station_id = "1:81203"
}`, unknownGroupID), fmt.Sprintf(`(?s)chargepoint_station_group: getStationGroupDetails returned responseCode 124 \(Invalid sgID\) for sg_id = %d, station_id = "1:81203"\.`, unknownGroupID)},
		"station not found": {`data "chargepoint_station" "x" {
  station_id = "9:404"
}`, `(?s)Expected exactly one station, found 0.*the query for station_id = "9:404" matched 0\.`},
	} {
		t.Run(name, func(t *testing.T) {
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProviders,
				Steps:                    []resource.TestStep{{Config: sim.providerConfig() + tc.config + "\n", ExpectError: wrapped(tc.err)}},
			})
		})
	}
}
