package provider

import (
	"fmt"
	"math"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/simulator"
)

const loadDS = "data.chargepoint_load.x"

// stationWithActiveSession returns the first station (in ID order) with a port charging at
// simulator.Now, and that station's load.
func stationWithActiveSession(t *testing.T, sim *testSim) simulator.StationLoad {
	t.Helper()
	for _, st := range sim.Dataset().Stations() {
		if l, ok := sim.LoadOf(st.ID); ok && len(l.Ports) > 1 {
			for _, p := range l.Ports {
				if p.SessionID != 0 {
					return l
				}
			}
		}
	}
	t.Fatal("no multi-port station with an active session in the simulator's data set")
	return simulator.StationLoad{}
}

// loadStationChecks expects stations[i] of the load data source to be l.
func loadStationChecks(i int, l simulator.StationLoad) []statecheck.StateCheck {
	at := func(steps ...any) tfjsonpath.Path { return attrPath(append([]any{"stations", i}, steps...)...) }
	checks := []statecheck.StateCheck{
		expectAt(loadDS, at("station_id"), knownvalue.StringExact(l.StationID)),
		expectAt(loadDS, at("station_name"), knownvalue.StringExact(l.StationName)),
		expectAt(loadDS, at("address"), knownvalue.StringExact(l.Address)),
		expectAt(loadDS, at("station_load"), decimals(l.Load, 3)),
		expectAt(loadDS, at("ports"), knownvalue.ListSizeExact(len(l.Ports))),
	}
	for j, p := range l.Ports {
		checks = append(checks,
			expectAt(loadDS, at("ports", j, "port_number"), knownvalue.StringExact(strconv.Itoa(p.PortNumber))),
			expectAt(loadDS, at("ports", j, "user_id"), knownvalue.StringExact(p.UserID)),
			expectAt(loadDS, at("ports", j, "credential_id"), knownvalue.StringExact(p.CredentialID)),
			expectAt(loadDS, at("ports", j, "shed_state"), knownvalue.Bool(p.Shed)),
			expectAt(loadDS, at("ports", j, "port_load"), decimals(p.Load, 3)),
			expectAt(loadDS, at("ports", j, "allowed_load"), decimals(p.AllowedLoad, 3)),
			expectAt(loadDS, at("ports", j, "percent_shed"), knownvalue.Int64Exact(int64(p.PercentShed))),
			expectAt(loadDS, at("ports", j, "session_id"), knownvalue.Int64Exact(p.SessionID)),
			expectAt(loadDS, at("ports", j, "last_battery_percent"), knownvalue.Float64Exact(p.LastBatteryPercent)),
		)
	}
	return checks
}

// By station: the station's and every port's live load; the group-level attributes are empty or null.
func TestAccLoad_station(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{})
	l := stationWithActiveSession(t, sim)
	checks := append(loadStationChecks(0, l),
		expectAt(loadDS, attrPath("stations"), knownvalue.ListSizeExact(1)),
		expectAt(loadDS, attrPath("sg_id"), knownvalue.Null()),
		expectAt(loadDS, attrPath("num_stations"), knownvalue.Null()),
		expectAt(loadDS, attrPath("group_name"), knownvalue.StringExact("")),
		expectAt(loadDS, attrPath("sg_load"), knownvalue.Null()),
	)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config:            sim.providerConfig() + fmt.Sprintf("data \"chargepoint_load\" \"x\" {\n  station_id = %q\n}\n", l.StationID),
			ConfigStateChecks: checks,
		}},
	})
}

// By session: the load of the station the session is charging at.
func TestAccLoad_session(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{})
	l := stationWithActiveSession(t, sim)
	var session int64
	for _, p := range l.Ports {
		if p.SessionID != 0 {
			session = p.SessionID
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: sim.providerConfig() + fmt.Sprintf("data \"chargepoint_load\" \"x\" {\n  session_id = %d\n}\n", session),
			ConfigStateChecks: append(loadStationChecks(0, l),
				expectAt(loadDS, attrPath("session_id"), knownvalue.Int64Exact(session)),
				expectAt(loadDS, attrPath("station_id"), knownvalue.Null())),
		}},
	})
}

// By group: the group's load (sg_load, a string on the wire) and each station's, sorted by station_id.
func TestAccLoad_group(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{})
	g, ok := sim.Dataset().Group(simulator.HealthyGroupID)
	if !ok || len(g.StationIDs) < 2 {
		t.Fatalf("group %d: %+v", simulator.HealthyGroupID, g)
	}
	ids := append([]string(nil), g.StationIDs...)
	sortBy(ids, func(s string) string { return s })
	checks := []statecheck.StateCheck{
		expectAt(loadDS, attrPath("sg_id"), knownvalue.Int64Exact(int64(g.ID))),
		expectAt(loadDS, attrPath("num_stations"), knownvalue.Int64Exact(int64(len(g.StationIDs)))),
		expectAt(loadDS, attrPath("group_name"), knownvalue.StringExact(g.Name)),
		expectAt(loadDS, attrPath("stations"), knownvalue.ListSizeExact(len(ids))),
	}
	total, active := 0.0, 0
	for i, id := range ids {
		l, _ := sim.LoadOf(id)
		total += l.Load
		if l.Load > 0 {
			active++
		}
		checks = append(checks, loadStationChecks(i, l)...)
	}
	if active == 0 {
		t.Fatal("no station of the group is charging: the group load would be a trivial 0")
	}
	checks = append(checks, expectAt(loadDS, attrPath("sg_load"), decimals(math.Round(total*1000)/1000, 3)))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config:            sim.providerConfig() + fmt.Sprintf("data \"chargepoint_load\" \"x\" {\n  sg_id = %d\n}\n", g.ID),
			ConfigStateChecks: checks,
		}},
	})
}

// A session that is over has no live load: ChargePoint answers 160, which is an error naming the
// operation, the code and its text.
func TestAccLoad_noDataIsAnError(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{Stations: 20})
	done := sim.Sessions()[0]
	if done.Active {
		t.Fatal("the first session is still active")
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: sim.providerConfig() + fmt.Sprintf("data \"chargepoint_load\" \"x\" {\n  session_id = %d\n}\n", done.ID),
			ExpectError: wrapped(fmt.Sprintf(`(?s)ChargePoint getLoad failed with responseCode 160.*`+
				`chargepoint_load: getLoad returned responseCode 160 \(No data found for given criteria\) for session_id = %d\.`, done.ID)),
		}},
	})
}

func TestAccLoad_planTimeValidation(t *testing.T) {
	testAccPreCheck(t)
	const exactlyOne = `Exactly\s+one\s+of\s+these\s+attributes\s+must\s+be\s+configured:\s+\[sg_id,station_id,session_id\]`
	testPlanTimeValidation(t, "load", "getLoad", map[string]planCase{
		"no selector": {``, `(?s)Missing Attribute Configuration.*` + exactlyOne},
		"two selectors": {`station_id = "1:81203"
  session_id = 53068029`, `(?s)Invalid Attribute Combination.*` + exactlyOne},
		"three selectors": {`sg_id = 20002
  station_id = "1:81203"
  session_id = 53068029`, `(?s)Invalid Attribute Combination.*` + exactlyOne},
	})
}

// The documentation example as written: a station's and a group's live load.
func TestAccLoad_example(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{})
	hq, _ := sim.LoadOf("1:81203")
	garage, _ := sim.Dataset().Group(20002)
	ids := append([]string(nil), garage.StationIDs...)
	sortBy(ids, func(s string) string { return s })
	total := 0.0
	var busy []knownvalue.Check
	for _, id := range ids {
		l, _ := sim.LoadOf(id)
		total += l.Load
		if l.Load > 0 {
			busy = append(busy, knownvalue.StringExact(l.StationName))
		}
	}
	if len(busy) == 0 {
		t.Fatal("no station of the example's group is charging")
	}
	ports := map[string]knownvalue.Check{}
	for _, p := range hq.Ports {
		ports[strconv.Itoa(p.PortNumber)] = decimals(p.Load, 3)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: sim.providerConfig() + exampleOf(t, "load"),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("hq_load_kw", decimals(hq.Load, 3)),
				statecheck.ExpectKnownOutputValue("hq_port_load_kw", knownvalue.MapExact(ports)),
				statecheck.ExpectKnownOutputValue("garage_load_kw", decimals(math.Round(total*1000)/1000, 3)),
				statecheck.ExpectKnownOutputValue("garage_busy_stations", knownvalue.ListExact(busy)),
			},
		}},
	})
}
