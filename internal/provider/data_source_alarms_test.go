package provider

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/simulator"
)

const alarmsDS = "data.chargepoint_alarms.x"

// alarmChecks expects the alarms list to hold exactly these alarms, in this order.
func alarmChecks(alarms []simulator.Alarm) []statecheck.StateCheck {
	checks := []statecheck.StateCheck{expectAt(alarmsDS, attrPath("alarms"), knownvalue.ListSizeExact(len(alarms)))}
	for i, a := range alarms {
		port := ""
		if a.PortNumber != 0 {
			port = strconv.Itoa(a.PortNumber)
		}
		checks = append(checks,
			expectAt(alarmsDS, attrPath("alarms", i, "alarm_time"), timestamp(a.Time)),
			expectAt(alarmsDS, attrPath("alarms", i, "station_id"), knownvalue.StringExact(a.StationID)),
			expectAt(alarmsDS, attrPath("alarms", i, "port_number"), knownvalue.StringExact(port)),
			expectAt(alarmsDS, attrPath("alarms", i, "alarm_type"), knownvalue.StringExact(a.Type)))
	}
	return checks
}

func alarmsWhere(sim *testSim, keep func(simulator.Alarm) bool) []simulator.Alarm {
	var out []simulator.Alarm
	for _, a := range sim.Alarms() {
		if keep(a) {
			out = append(out, a)
		}
	}
	return out
}

// The seed station's alarms with every attribute; a station-level alarm has an empty port_number.
func TestAccAlarms_seedStation(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{Stations: 20})
	st, _ := sim.Dataset().Station("1:81203")
	alarms := alarmsWhere(sim, func(a simulator.Alarm) bool { return a.StationID == st.ID })
	if len(alarms) < 2 {
		t.Fatalf("%d seed alarms", len(alarms))
	}
	checks := alarmChecks(alarms)
	for i := range alarms {
		for name, v := range map[string]string{
			"station_name": st.Name, "station_model": st.Model, "org_id": st.OrgID, "company_id": st.CompanyID,
			"organization_name": st.OrganizationName, "station_manufacturer": st.Manufacturer, "station_serial_num": st.SerialNum,
		} {
			checks = append(checks, expectAt(alarmsDS, attrPath("alarms", i, name), knownvalue.StringExact(v)))
		}
		checks = append(checks, expectAt(alarmsDS, attrPath("alarms", i, "record_number"), knownvalue.Int64Exact(int64(i+1))))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config:            sim.providerConfig() + "data \"chargepoint_alarms\" \"x\" {\n  station_id = \"1:81203\"\n}\n",
			ConfigStateChecks: checks,
		}},
	})
}

// Small pages (numTransactions): every page is read, in order.
func TestAccAlarms_paging(t *testing.T) {
	testAccPreCheck(t)
	testAccPaging(t, "alarms", "getAlarms", "alarms", "record_number", func(sim *testSim) []knownvalue.Check {
		checks := make([]knownvalue.Check, len(sim.Alarms()))
		for i := range checks {
			checks[i] = knownvalue.Int64Exact(int64(i + 1))
		}
		return checks
	})
}

// More than 200 station IDs: calls of at most 100 IDs each (the simulator, like ChargePoint, answers
// 147 to more), merged and sorted by alarm_time, station_id and port_number: the order of all alarms.
func TestAccAlarms_manyStations(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{})
	var ids []string
	for _, st := range sim.Dataset().Stations() {
		ids = append(ids, st.ID)
	}
	batches := (len(ids) + 99) / 100
	if batches < 3 {
		t.Fatalf("%d stations: want at least three batches", len(ids))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: sim.sequentialProviderConfig() + fmt.Sprintf("data \"chargepoint_alarms\" \"x\" {\n  station_ids = [%s]\n}\n",
				`"`+strings.Join(ids, `", "`)+`"`),
			ConfigStateChecks: alarmChecks(sim.Alarms()),
			Check: func(*terraform.State) error {
				// One page per batch (the default page size exceeds any batch's alarms), per read.
				if calls := sim.Calls("getAlarms"); calls < batches || calls%batches != 0 {
					return fmt.Errorf("%d getAlarms calls for %d station IDs: want a multiple of %d", calls, len(ids), batches)
				}
				return nil
			},
		}},
	})
}

func TestAccAlarms_timeWindow(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{Stations: 100})
	week := alarmsWhere(sim, func(a simulator.Alarm) bool { return !a.Time.Before(lastWeek[0]) && !a.Time.After(lastWeek[1]) })
	if len(week) == 0 || len(week) == len(sim.Alarms()) {
		t.Fatalf("%d of %d alarms in the window: the window would not be tested", len(week), len(sim.Alarms()))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: sim.providerConfig() + fmt.Sprintf("data \"chargepoint_alarms\" \"x\" {\n  start_time = %q\n  end_time   = %q\n}\n",
				rfc3339(lastWeek[0]), rfc3339(lastWeek[1])),
			ConfigStateChecks: alarmChecks(week),
		}},
	})
}

// ChargePoint's 153 (no alarm) is an empty list.
func TestAccAlarms_noAlarmsIsEmpty(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{Stations: 20})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: sim.providerConfig() + fmt.Sprintf("data \"chargepoint_alarms\" \"x\" {\n  station_id = \"1:81203\"\n  start_time = %q\n}\n",
				rfc3339(simulator.Now.Add(time.Hour))),
			ConfigStateChecks: []statecheck.StateCheck{expectAt(alarmsDS, attrPath("alarms"), knownvalue.ListExact([]knownvalue.Check{}))},
		}},
	})
	if sim.Calls("getAlarms") == 0 {
		t.Error("the query never reached the simulator")
	}
}

func TestAccAlarms_planTimeValidation(t *testing.T) {
	testAccPreCheck(t)
	testPlanTimeValidation(t, "alarms", "getAlarms", map[string]planCase{
		"window reversed": {`start_time = "2026-11-20T12:00:00Z"
  end_time   = "2026-11-20T11:59:59Z"`,
			`(?s)Invalid time window.*start_time \(2026-11-20T12:00:00Z\) is after end_time\s+\(2026-11-20T11:59:59Z\)`},
		"bad start": {`start_time = "2026-11-20"`, `(?s)Invalid timestamp.*start_time must be an RFC 3339 timestamp`},
		"bad end":   {`end_time = "2026-13-01T00:00:00Z"`, `(?s)Invalid timestamp.*end_time must be an RFC 3339 timestamp`},
	})
}

// The documentation example as written: alarms of a group's stations counted per station and type.
func TestAccAlarms_example(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{})
	garage, _ := sim.Dataset().Group(20002)
	counts := map[string]map[string]int{}
	for _, a := range alarmsWhere(sim, func(a simulator.Alarm) bool { return slices.Contains(garage.StationIDs, a.StationID) }) {
		if counts[a.StationID] == nil {
			counts[a.StationID] = map[string]int{}
		}
		counts[a.StationID][a.Type]++
	}
	if len(counts) < 2 {
		t.Fatalf("alarms at %d stations of the example's group: too few", len(counts))
	}
	want := map[string]knownvalue.Check{}
	for id, byType := range counts {
		types := map[string]knownvalue.Check{}
		for typ, n := range byType {
			types[typ] = knownvalue.Int64Exact(int64(n))
		}
		want[id] = knownvalue.MapExact(types)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: sim.providerConfig() + exampleOf(t, "alarms"),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("garage_alarm_counts", knownvalue.MapExact(want)),
				// The last day of the wall clock, which the simulator's fixed history may not reach.
				statecheck.ExpectKnownOutputValue("gfci_trips_last_day", knownvalue.NotNull()),
			},
		}},
	})
}
