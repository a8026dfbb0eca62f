package provider

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/simulator"
)

const stationStatusDS = "data.chargepoint_station_status.x"

// firstWithPortStatus returns the first station of the data set (in ID order) with a port in status.
func firstWithPortStatus(t *testing.T, d *simulator.Dataset, status string) simulator.Station {
	t.Helper()
	for _, st := range d.Stations() {
		for _, p := range st.Ports {
			if p.Status == status {
				return st
			}
		}
	}
	t.Fatalf("no station with a port %s in the data set", status)
	return simulator.Station{}
}

func TestAccStationStatus_byStationIDs(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{})
	unknown := firstWithPortStatus(t, sim.Dataset(), "UNKNOWN")
	order := []string{"1:81203", unknown.ID}
	sortBy(order, func(s string) string { return s })
	seed, other := 0, 1 // indexes in the sorted output
	if order[0] != "1:81203" {
		seed, other = 1, 0
	}
	at := func(steps []any, v knownvalue.Check) statecheck.StateCheck {
		return expectAt(stationStatusDS, stationsPath(steps...), v)
	}
	p := func(steps ...any) []any { return steps }
	checks := []statecheck.StateCheck{
		at(p(), knownvalue.ListSizeExact(2)),
		at(p(other, "station_id"), knownvalue.StringExact(unknown.ID)),
		at(p(other, "ports"), knownvalue.ListSizeExact(len(unknown.Ports))),
		at(p(other, "network_status"), knownvalue.StringExact(unknown.NetworkStatus)),
		at(p(seed, "station_id"), knownvalue.StringExact("1:81203")),
		at(p(seed, "network_status"), knownvalue.StringExact("Reachable")),
		at(p(seed, "record_number"), knownvalue.NotNull()),
		at(p(seed, "ports", 0, "port_number"), knownvalue.StringExact("1")),
		at(p(seed, "ports", 0, "status"), knownvalue.StringExact("AVAILABLE")),
		at(p(seed, "ports", 0, "fault_reason"), knownvalue.Null()),
		at(p(seed, "ports", 0, "time_stamp"), knownvalue.StringExact("2013-03-05T21:40:00Z")),
		at(p(seed, "ports", 1, "port_number"), knownvalue.StringExact("2")),
		at(p(seed, "ports", 1, "status"), knownvalue.StringExact("UNREACHABLE")),
		at(p(seed, "ports", 1, "fault_reason"), knownvalue.StringExact("Power Module Not Responding")),
		// Without port_details the simulator, like the API's flag suggests, leaves these out.
		at(p(seed, "ports", 1, "connector"), knownvalue.Null()),
		at(p(seed, "ports", 1, "power"), knownvalue.Null()),
		at(p(seed, "ports", 1, "connectors"), knownvalue.ListExact([]knownvalue.Check{})),
		expectAt("data.chargepoint_station_status.details", stationsPath(0, "ports", 1, "connector"), knownvalue.StringExact("J1772")),
		expectAt("data.chargepoint_station_status.details", stationsPath(0, "ports", 1, "power"), knownvalue.Float64Exact(7.2)),
	}
	for i, port := range unknown.Ports {
		checks = append(checks, at(p(other, "ports", i, "port_number"), knownvalue.StringExact(fmt.Sprint(port.Number))),
			at(p(other, "ports", i, "status"), knownvalue.StringExact(port.Status)))
		if port.FaultReason != "" {
			checks = append(checks, at(p(other, "ports", i, "fault_reason"), knownvalue.StringExact(port.FaultReason)))
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: sim.providerConfig() + fmt.Sprintf(`
data "chargepoint_station_status" "x" {
  station_ids = ["1:81203", %q]
}
data "chargepoint_station_status" "details" {
  station_id   = "1:81203"
  port_details = true
}
`, unknown.ID),
			ConfigStateChecks: checks,
		}},
	})
}

// Every station of the data set by ID: 301 IDs go out in batches of 100, 100, 100 and 1, and with the
// simulator's page size at 50 each batch of 100 takes two pages, the second exactly full.
func TestAccStationStatus_batchesAndPages(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{MaxPageSize: 50})
	var ids []string
	for _, st := range sim.Dataset().Stations() {
		ids = append(ids, st.ID)
	}
	if len(ids) <= 300 {
		t.Fatalf("%d stations: need more than 300 for four batches", len(ids))
	}
	sortBy(ids, func(s string) string { return s })
	const callsPerRead = 2 + 2 + 2 + 1
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config:            sim.sequentialProviderConfig() + "data \"chargepoint_station_status\" \"x\" {\n  station_ids = " + joinIDs(ids) + "\n}\n",
			ConfigStateChecks: stationIDsChecks(stationStatusDS, ids),
			Check: func(*terraform.State) error {
				if calls := sim.Calls("getStationStatus"); calls < callsPerRead || calls%callsPerRead != 0 {
					return fmt.Errorf("%d getStationStatus calls: want a multiple of %d per read", calls, callsPerRead)
				}
				return nil
			},
		}},
	})
}

// The search filters without IDs: status 3 (unknown) is every station with an UNKNOWN or UNREACHABLE
// port, paged in pages of 4.
func TestAccStationStatus_statusFilter(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{Stations: 60, MaxPageSize: 4})
	var ids []string
	for _, st := range sim.Dataset().Stations() {
		for _, p := range st.Ports {
			if p.Status == "UNKNOWN" || p.Status == "UNREACHABLE" {
				ids = append(ids, st.ID)
				break
			}
		}
	}
	if len(ids) <= 4 {
		t.Fatalf("only %d stations with unknown ports", len(ids))
	}
	sortBy(ids, func(s string) string { return s })
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config:            sim.providerConfig() + "data \"chargepoint_station_status\" \"x\" {\n  status = 3\n}\n",
			ConfigStateChecks: stationIDsChecks(stationStatusDS, ids),
		}},
	})
}

// An empty station_ids list (an empty group) matches nothing; it must not list every station.
func TestAccStationStatus_emptyIDListMatchesNothing(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{Stations: 20})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: sim.providerConfig() + "data \"chargepoint_station_status\" \"x\" {\n  station_ids = []\n}\n" +
				"data \"chargepoint_station_status\" \"nothing\" {\n  station_id = \"9:0\"\n}\n",
			ConfigStateChecks: []statecheck.StateCheck{
				expectAt(stationStatusDS, stationsPath(), knownvalue.ListExact([]knownvalue.Check{})),
				expectAt("data.chargepoint_station_status.nothing", stationsPath(), knownvalue.ListExact([]knownvalue.Check{})),
			},
			Check: func(*terraform.State) error {
				if calls := sim.Calls("getStationStatus"); calls == 0 || calls > 3 {
					return fmt.Errorf("%d getStationStatus calls: only the station_id lookup may call (once per read)", calls)
				}
				return nil
			},
		}},
	})
}

// The CI example (examples/data-sources/chargepoint_station_status) as written: its check block warns
// about the unreachable ports of UnreachableGroupID and stays quiet for HealthyGroupID. The provider is
// configured through the environment, as in CI.
func TestAccStationStatus_exampleCheckBlock(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{})
	t.Setenv(envEndpoint, sim.endpoint)
	t.Setenv(envLicenseKey, testLicenseKey)
	t.Setenv(envPassword, testPassword)
	example := config.StaticFile("../../examples/data-sources/chargepoint_station_status/data-source.tf")

	group, ok := sim.Dataset().Group(simulator.UnreachableGroupID)
	if !ok {
		t.Fatal("no UnreachableGroupID group")
	}
	var unreachable []string
	ids := append([]string(nil), group.StationIDs...)
	sortBy(ids, func(s string) string { return s })
	for _, id := range ids {
		st, _ := sim.Dataset().Station(id)
		for _, p := range st.Ports {
			if p.Status == "UNREACHABLE" {
				unreachable = append(unreachable, fmt.Sprintf("%s port %d", id, p.Number))
			}
		}
	}
	if len(unreachable) == 0 || unreachable[0] != "1:81203 port 2" {
		t.Fatalf("unexpected data set: unreachable ports %v", unreachable)
	}
	warning := regexp.MustCompile("^" + regexp.QuoteMeta("Unreachable ports in group "+group.Name+": "+strings.Join(unreachable, ", ")) + "$")
	failed := expectCheckBlock{name: "no_unreachable_ports", status: tfjson.CheckStatusFail, message: warning}
	passed := expectCheckBlock{name: "no_unreachable_ports", status: tfjson.CheckStatusPass}

	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				ConfigFile:        example,
				ConfigVariables:   config.Variables{"sg_id": config.IntegerVariable(simulator.UnreachableGroupID)},
				ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{failed}},
				ConfigStateChecks: []statecheck.StateCheck{failed},
			},
			{
				ConfigFile:        example,
				ConfigVariables:   config.Variables{"sg_id": config.IntegerVariable(simulator.HealthyGroupID)},
				ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{passed}},
				ConfigStateChecks: []statecheck.StateCheck{passed},
			},
		},
	})
}

func TestAccStationStatus_planTimeValidation(t *testing.T) {
	testAccPreCheck(t)
	testPlanTimeValidation(t, "station_status", "getStationStatus", map[string]planCase{
		"status too high": {`status = 4`, `Attribute status value must be between 1 and 3, got: 4`},
		"status zero":     {`status = 0`, `Attribute status value must be between 1 and 3, got: 0`},
		"proximity unit":  {`proximity_unit = "X"`, `Attribute proximity_unit value must be one of`},
		"longitude":       {`geo = { lat = 0, long = -200 }`, `Attribute geo.long value must be between -180\.0+ and 180\.0+`},
		"level":           {`level = "L3"`, `Attribute level value must be one of: \["L1" "L2" "DC"\]`},
	})
}
