package provider

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/simulator"
)

const stationsDS = "data.chargepoint_stations.x"

// expectAt checks the value at a path (built like stationsPath: names and list indexes) of a data source.
func expectAt(address string, path tfjsonpath.Path, v knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(address, path, v)
}

// stationIDsChecks expects the list attribute `stations` of address to hold exactly ids, in that order.
func stationIDsChecks(address string, ids []string) []statecheck.StateCheck {
	checks := []statecheck.StateCheck{expectAt(address, stationsPath(), knownvalue.ListSizeExact(len(ids)))}
	for i, id := range ids {
		checks = append(checks, expectAt(address, stationsPath(i, "station_id"), knownvalue.StringExact(id)))
	}
	return checks
}

func stringList(values ...string) knownvalue.Check {
	checks := make([]knownvalue.Check, len(values))
	for i, v := range values {
		checks[i] = knownvalue.StringExact(v)
	}
	return knownvalue.ListExact(checks)
}

// numberList checks a list of whole numbers, such as sg_ids.
func numberList(values ...int64) knownvalue.Check {
	checks := make([]knownvalue.Check, len(values))
	for i, v := range values {
		checks[i] = knownvalue.Int64Exact(v)
	}
	return knownvalue.ListExact(checks)
}

// The seed station (the ChargePoint guide's 1:81203) with every getStations attribute; its values are
// the simulator's documented seed data.
func TestAccStations_seedStationEveryAttribute(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{Stations: 20})
	at := func(path tfjsonpath.Path, v knownvalue.Check) statecheck.StateCheck {
		return expectAt(stationsDS, path, v)
	}
	s := func(steps ...any) tfjsonpath.Path { return stationsPath(append([]any{0}, steps...)...) }
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: sim.providerConfig() + `
data "chargepoint_stations" "x" {
  station_id = "1:81203"
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				at(stationsPath(), knownvalue.ListSizeExact(1)),
				at(s("record_number"), knownvalue.Int64Exact(1)),
				at(s("station_id"), knownvalue.StringExact("1:81203")),
				at(s("station_manufacturer"), knownvalue.StringExact("Coulomb")),
				at(s("station_model"), knownvalue.StringExact("CT2025-HD-GW1-CCR")),
				at(s("station_mac_addr"), knownvalue.StringExact("000D:6F00:0154:2B8D")),
				at(s("station_serial_num"), knownvalue.StringExact("1211150072A4")),
				at(s("station_name"), knownvalue.StringExact("CHARGEPOINT / HQ 5")),
				at(s("description"), knownvalue.StringExact("Front parking lot along Dell Ave.")),
				at(s("station_activation_date"), knownvalue.StringExact("2012-10-02T18:00:00Z")),
				at(s("address"), knownvalue.StringExact("1692 Dell Ave")),
				at(s("city"), knownvalue.StringExact("Campbell")),
				at(s("state"), knownvalue.StringExact("California")),
				at(s("country"), knownvalue.StringExact("United States")),
				at(s("postal_code"), knownvalue.StringExact("95008")),
				at(s("num_ports"), knownvalue.Int64Exact(2)),
				at(s("ports"), knownvalue.ListSizeExact(2)),
				at(s("ports", 0, "port_number"), knownvalue.StringExact("1")),
				at(s("ports", 0, "status"), knownvalue.StringExact("AVAILABLE")),
				at(s("ports", 1, "port_number"), knownvalue.StringExact("2")),
				at(s("ports", 1, "status"), knownvalue.StringExact("UNREACHABLE")),
				at(s("ports", 1, "level"), knownvalue.StringExact("L2")),
				at(s("ports", 1, "power"), knownvalue.Float64Exact(7.2)),
				at(s("ports", 1, "time_stamp"), knownvalue.StringExact("2013-03-05T21:40:00Z")),
				at(s("pricing", 0, "unit_price_per_hour"), knownvalue.Float64Exact(1.5)),
				at(s("driver_name"), knownvalue.Null()),
				at(s("last_modified_date"), knownvalue.StringExact("2012-11-15T01:29:16Z")),
				at(s("main_phone"), knownvalue.StringExact("(888) 758-4389")),
				at(s("mod_time_stamp"), knownvalue.StringExact("2012-11-15T01:29:16Z")),
				at(s("timezone_offset"), knownvalue.StringExact("-08:00")),
				at(s("currency_code"), knownvalue.StringExact("USD")),
				at(s("warranty_expiration_date"), knownvalue.StringExact("2027-10-02T00:00:00Z")),
				at(s("warranty_service"), knownvalue.StringExact("Assure")),
				at(s("warranty_type"), knownvalue.StringExact("Parts and Labor")),
				at(s("service_plan_expiry_date"), knownvalue.StringExact("2027-10-01")),
				at(s("service_plan_auto_renew_date"), knownvalue.StringExact("2027-09-01")),
				at(s("demo"), knownvalue.StringExact("0")),
				at(s("org_id"), knownvalue.StringExact("1:ORG00001")),
				at(s("company_id"), knownvalue.StringExact("1")),
				at(s("organization_name"), knownvalue.StringExact("ChargePoint")),
				at(s("sg_id"), knownvalue.StringExact("20001, 20002")),
				at(s("sg_name"), knownvalue.StringExact("Campbell HQ, Garage West")),
				at(s("sg_ids"), numberList(20001, 20002)),
				at(s("sg_names"), stringList("Campbell HQ", "Garage West")),
				at(s("site_validated"), knownvalue.Bool(true)),
				at(s("site_validation_date"), knownvalue.StringExact("2012-10-05T16:00:00Z")),
				at(s("wan_ip_address"), knownvalue.StringExact("198.51.100.23")),
				at(s("network_status"), knownvalue.StringExact("Reachable")),
				at(s("station_firmware"), knownvalue.StringExact("4.10.2.14")),
				at(s("station_reception"), knownvalue.Int64Exact(4)),
				at(s("radio_group_id"), knownvalue.StringExact("1000")),
				at(s("managed_by"), knownvalue.Null()),
			},
		}},
	})
}

// A station managed by a partner organization, and private stations, which getPublicStations hides.
func TestAccStations_managedByAndPrivate(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{})
	var managed, private *simulator.Station
	for _, st := range sim.Dataset().Stations() {
		if managed == nil && st.ManagedBy != "" {
			managed = &st
		}
		if private == nil && !st.Public {
			private = &st
		}
	}
	if managed == nil || private == nil {
		t.Fatal("the data set has no managed or no private station")
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: sim.providerConfig() + fmt.Sprintf(`
data "chargepoint_stations" "managed" {
  station_id = %q
}
data "chargepoint_stations" "private" {
  station_id = %q
}
`, managed.ID, private.ID),
			ConfigStateChecks: []statecheck.StateCheck{
				expectAt("data.chargepoint_stations.managed", stationsPath(0, "managed_by"), knownvalue.ObjectExact(map[string]knownvalue.Check{
					"org_id":            knownvalue.StringExact("1:ORG00001"),
					"company_id":        knownvalue.StringExact("1"),
					"organization_name": knownvalue.StringExact("ChargePoint"),
				})),
				expectAt("data.chargepoint_stations.managed", stationsPath(0, "org_id"), knownvalue.StringExact(managed.OrgID)),
				expectAt("data.chargepoint_stations.private", stationsPath(0, "station_id"), knownvalue.StringExact(private.ID)),
				expectAt("data.chargepoint_stations.private", stationsPath(0, "station_name"), knownvalue.StringExact(private.Name)),
			},
		}},
	})
}

// The organization and group filters, against the data set.
func TestAccStations_organizationAndGroupFilters(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{})
	var orgIDs []string
	for _, st := range sim.Dataset().Stations() {
		if st.OrgID == "1:ORG07225" {
			orgIDs = append(orgIDs, st.ID)
		}
	}
	group, ok := sim.Dataset().Group(simulator.UnreachableGroupID)
	if !ok || len(orgIDs) == 0 {
		t.Fatal("the data set lacks the organization or the group")
	}
	sortBy(orgIDs, func(s string) string { return s })
	groupIDs := append([]string(nil), group.StationIDs...)
	sortBy(groupIDs, func(s string) string { return s })
	checks := stationIDsChecks("data.chargepoint_stations.org", orgIDs)
	checks = append(checks, stationIDsChecks("data.chargepoint_stations.group", groupIDs)...)
	checks = append(checks, stationIDsChecks("data.chargepoint_stations.group_by_name", groupIDs)...)
	checks = append(checks, expectAt("data.chargepoint_stations.nothing", stationsPath(), knownvalue.ListExact([]knownvalue.Check{})))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: sim.providerConfig() + fmt.Sprintf(`
data "chargepoint_stations" "org" {
  org_id = "1:ORG07225"
}
data "chargepoint_stations" "group" {
  sg_id = "%d"
}
data "chargepoint_stations" "group_by_name" {
  sg_name = %q
}
data "chargepoint_stations" "nothing" {
  station_id = "9:0"
}
`, group.ID, group.Name),
			ConfigStateChecks: checks,
		}},
	})
}

// Paging: every station, in pages of 7 (42 stations: the last page is exactly full) and of 5.
func TestAccStations_paging(t *testing.T) {
	testAccPreCheck(t)
	for _, pageSize := range []int{7, 5} {
		t.Run(fmt.Sprint(pageSize), func(t *testing.T) {
			sim := startSimulator(t, simulator.Options{Stations: 41, MaxPageSize: pageSize})
			var ids []string
			for _, st := range sim.Dataset().Stations() {
				ids = append(ids, st.ID)
			}
			sortBy(ids, func(s string) string { return s })
			pages := (len(ids) + pageSize - 1) / pageSize
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProviders,
				Steps: []resource.TestStep{{
					Config:            sim.sequentialProviderConfig() + "data \"chargepoint_stations\" \"x\" {}\n",
					ConfigStateChecks: stationIDsChecks(stationsDS, ids),
					Check: func(*terraform.State) error {
						if calls := sim.Calls("getStations"); calls < pages || calls%pages != 0 {
							return fmt.Errorf("%d getStations calls for %d stations in pages of %d: want a multiple of %d", calls, len(ids), pageSize, pages)
						}
						return nil
					},
				}},
			})
		})
	}
}

func TestAccStations_planTimeValidation(t *testing.T) {
	testAccPreCheck(t)
	testPlanTimeValidation(t, "stations", "getStations", map[string]planCase{
		"proximity unit":  {`proximity_unit = "km"`, `Attribute proximity_unit value must be one of: \["M" "N" "K" "F" "I"\]`},
		"latitude":        {`geo = { lat = -90.5, long = 0 }`, `Attribute geo.lat value must be between -90\.0+ and 90\.0+`},
		"longitude":       {`geo = { lat = 0, long = 181 }`, `Attribute geo.long value must be between -180\.0+ and 180\.0+`},
		"level":           {`level = "2"`, `Attribute level value must be one of: \["L1" "L2" "DC"\]`},
		"proximity":       {`proximity = -1`, `Attribute proximity value must be at least 0`},
		"activation date": {`station_activation_date = "2024-01-01"`, `station_activation_date must be an RFC 3339 timestamp`},
		"pricing clock":   {`pricing = { start_time = "25:00:00", duration = 60, energy_required = 10, vehicle_power = 7 }`, `start_time must be a time of day, HH:MM:SS`},
	})
}

func joinIDs(ids []string) string {
	quoted := make([]string, len(ids))
	for i, id := range ids {
		quoted[i] = fmt.Sprintf("%q", id)
	}
	return "[" + strings.Join(quoted, ", ") + "]"
}
