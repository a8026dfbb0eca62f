package provider

import (
	"fmt"
	"strconv"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/simulator"
)

// rightsRecord is one expected rights record: a group, one of its profiles and the stations it covers.
type rightsRecord struct {
	group    simulator.Group
	profile  string
	stations []string
}

// expectedRights lists the records for the groups accepted by keep, with the group's stations that
// match station (all when nil), in the data source's order: by sg_id, then profile. Groups with no
// matching station are left out when station is set, as ChargePoint leaves them out.
func expectedRights(ds *simulator.Dataset, keep func(simulator.Group) bool, station func(simulator.Station) bool) []rightsRecord {
	var out []rightsRecord
	for _, g := range ds.Groups() { // sorted by ID
		if !keep(g) {
			continue
		}
		var ids []string
		for _, id := range g.StationIDs {
			if st, _ := ds.Station(id); station == nil || station(st) {
				ids = append(ids, id)
			}
		}
		if station != nil && len(ids) == 0 {
			continue
		}
		for _, p := range g.RightsProfiles { // sorted
			out = append(out, rightsRecord{group: g, profile: p, stations: sortedIDs(ids)})
		}
	}
	return out
}

func rightsChecks(ds *simulator.Dataset, address string, want []rightsRecord) []statecheck.StateCheck {
	expect := expectAttr(address)
	checks := []statecheck.StateCheck{expect(jsonPathOf("rights"), knownvalue.ListSizeExact(len(want)))}
	for i, r := range want {
		checks = append(checks,
			expect(jsonPathOf("rights", i, "sg_id"), knownvalue.Int64Exact(int64(r.group.ID))),
			expect(jsonPathOf("rights", i, "sg_name"), knownvalue.StringExact(r.group.Name)),
			expect(jsonPathOf("rights", i, "station_rights_profile"), knownvalue.StringExact(r.profile)),
			expect(jsonPathOf("rights", i, "stations"), knownvalue.ListSizeExact(len(r.stations))),
		)
		for j, id := range r.stations {
			st, _ := ds.Station(id)
			checks = append(checks, expect(jsonPathOf("rights", i, "stations", j), knownvalue.ObjectExact(map[string]knownvalue.Check{
				"station_id":         knownvalue.StringExact(id),
				"station_name":       knownvalue.StringExact(st.Name),
				"station_serial_num": knownvalue.StringExact(st.SerialNum),
				"station_mac_addr":   knownvalue.StringExact(st.MacAddr),
				"company_id":         knownvalue.StringExact(st.CompanyID),
			})))
		}
	}
	return checks
}

// getStationRights has no page size: the simulator, like ChargePoint, decides it. Every record must come
// back, whether the last page is exactly full or not.
func TestAccStationRights_paging(t *testing.T) {
	testAccPreCheck(t)
	probe := startSimulator(t, simulator.Options{Stations: groupsTestStations})
	all := expectedRights(probe.Dataset(), func(simulator.Group) bool { return true }, nil)
	n := len(all)
	exact := n / 2
	for n%exact != 0 {
		exact--
	}
	partial := n/3 + 1
	if n%partial == 0 {
		partial++
	}
	if n < 6 || n/exact < 2 || n%partial == 0 {
		t.Fatalf("dataset has %d rights records: no page sizes for this test", n)
	}
	seedRecords := 0
	for _, r := range all {
		for _, id := range r.stations {
			if id == seedStationID {
				seedRecords++
			}
		}
	}
	if seedRecords < 3 { // Campbell HQ with two profiles, Garage West with one
		t.Fatalf("the seed station is in %d rights records, want at least 3", seedRecords)
	}
	for _, pageSize := range []int{exact, partial} {
		t.Run(fmt.Sprintf("%d records in pages of %d", n, pageSize), func(t *testing.T) {
			sim := startSimulator(t, simulator.Options{Stations: groupsTestStations, MaxPageSize: pageSize})
			pages := (n + pageSize - 1) / pageSize
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProviders,
				Steps: []resource.TestStep{{
					Config:            sim.sequentialProviderConfig() + `data "chargepoint_station_rights" "x" {}`,
					ConfigStateChecks: rightsChecks(sim.Dataset(), "data.chargepoint_station_rights.x", all),
					Check: func(*terraform.State) error {
						if calls := sim.Calls("getStationRights"); calls < pages || calls%pages != 0 {
							return fmt.Errorf("%d getStationRights calls for %d records in pages of %d: want a multiple of %d", calls, n, pageSize, pages)
						}
						return nil
					},
				}},
			})
		})
	}
}

// Group filters pick groups; station filters (here the provisioning date range) pick stations and drop
// the groups left without any.
func TestAccStationRights_filters(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{Stations: groupsTestStations})
	ds := sim.Dataset()
	from, to := time.Date(2012, 10, 2, 0, 0, 0, 0, time.UTC), time.Date(2021, 6, 30, 0, 0, 0, 0, time.UTC)
	provisioned := func(st simulator.Station) bool {
		day := st.ActivationDate.Truncate(24 * time.Hour)
		return !day.Before(from) && !day.After(to)
	}
	inRange := expectedRights(ds, func(simulator.Group) bool { return true }, provisioned)
	stationsInRange := 0
	for _, st := range ds.Stations() {
		if provisioned(st) {
			stationsInRange++
		}
	}
	if stationsInRange < 2 || stationsInRange == ds.Len() {
		t.Fatalf("the range %s to %s holds %d of %d stations: not a useful filter", from, to, stationsInRange, ds.Len())
	}
	const goldenGate = "1:ORG04512"
	ofGoldenGate := expectedRights(ds, func(g simulator.Group) bool { return g.OrgID == goldenGate }, nil)
	hq := expectedRights(ds, func(g simulator.Group) bool { return g.ID == campbellHQGroupID }, nil)
	if len(hq) != 2 {
		t.Fatalf("Campbell HQ has %d rights profiles, want 2", len(hq))
	}
	checks := rightsChecks(ds, "data.chargepoint_station_rights.provisioned", inRange)
	checks = append(checks, rightsChecks(ds, "data.chargepoint_station_rights.golden_gate", ofGoldenGate)...)
	checks = append(checks, rightsChecks(ds, "data.chargepoint_station_rights.hq", hq)...)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: sim.providerConfig() + fmt.Sprintf(`
data "chargepoint_station_rights" "provisioned" {
  provision_date_range = {
    start_date = %q
    end_date   = %q
  }
}

data "chargepoint_station_rights" "golden_gate" {
  org_id = %q
}

# Both profiles the key holds on Campbell HQ, each with every station of the group.
data "chargepoint_station_rights" "hq" {
  sg_id = %s
}
`, from.Format("2006-01-02"), to.Format("2006-01-02"), goldenGate, strconv.Itoa(campbellHQGroupID)),
			ConfigStateChecks: checks,
		}},
	})
}

func TestAccStationRights_planTimeValidation(t *testing.T) {
	testAccPreCheck(t)
	testPlanTimeValidation(t, "station_rights", "getStationRights", map[string]planCase{
		"month 13": {`provision_date_range = { start_date = "2024-13-01" }`,
			`(?s)Invalid date.*provision_date_range\.start_date must be a date, YYYY-MM-DD.*got\s+"2024-13-01"`},
		"not ISO": {`provision_date_range = { end_date = "01/31/2024" }`,
			`(?s)Invalid date.*provision_date_range\.end_date must be a date, YYYY-MM-DD`},
		"a timestamp": {`provision_date_range = { start_date = "2024-01-31T00:00:00Z" }`,
			`(?s)Invalid date.*provision_date_range\.start_date must be a date`},
		"ends before it starts": {`provision_date_range = { start_date = "2024-02-01", end_date = "2024-01-31" }`,
			`(?s)Invalid date range.*provision_date_range.start_date \(2024-02-01\) is after\s+provision_date_range.end_date \(2024-01-31\)`},
		"proximity unit": {`proximity_unit = "X"`, `Attribute proximity_unit value must be one of: \["M" "N" "K" "F" "I"\]`},
		"sg_id":          {`sg_id = "Campbell HQ"`, `(?s)Inappropriate value for attribute "sg_id".*a number is required`},
	})
}
