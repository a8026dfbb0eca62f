package provider

import (
	"fmt"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/simulator"
)

const sessionsDS = "data.chargepoint_charging_sessions.x"

// lastWeek is the fixed window [Now-7d, Now] of the simulator's clock.
var lastWeek = [2]time.Time{simulator.Now.Add(-7 * 24 * time.Hour), simulator.Now}

func rfc3339(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// sessionsWhere returns the simulator's sessions that keep accepts, in session ID order.
func sessionsWhere(sim *testSim, keep func(simulator.Session) bool) []simulator.Session {
	var out []simulator.Session
	for _, s := range sim.Sessions() {
		if keep(s) {
			out = append(out, s)
		}
	}
	return out
}

// startedIn is the simulator's (and, as far as is known, ChargePoint's) window rule: the start time,
// both ends included.
func startedIn(s simulator.Session, window [2]time.Time) bool {
	return !s.Start.Before(window[0]) && !s.Start.After(window[1])
}

// sessionIDChecks expects the sessions list to hold exactly these sessions, in this order.
func sessionIDChecks(sessions []simulator.Session) []statecheck.StateCheck {
	checks := []statecheck.StateCheck{expectAt(sessionsDS, attrPath("sessions"), knownvalue.ListSizeExact(len(sessions)))}
	for i, s := range sessions {
		checks = append(checks, expectAt(sessionsDS, attrPath("sessions", i, "session_id"), knownvalue.Int64Exact(s.ID)))
	}
	return checks
}

// The documentation example as written, for the week before the simulator's clock: last week's energy
// per station, summed in Terraform, and the sessions in progress at a group's stations.
func TestAccChargingSessions_example(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{})
	const seed = "1:81203"
	week := sessionsWhere(sim, func(s simulator.Session) bool { return startedIn(s, lastWeek) })
	stations := map[string]bool{}
	var seedEnergy []float64
	for _, s := range week {
		stations[s.StationID] = true
		if s.StationID == seed {
			seedEnergy = append(seedEnergy, s.Energy)
		}
	}
	if len(seedEnergy) < 2 {
		t.Fatalf("the seed station has %d sessions in the window: too few to test a sum", len(seedEnergy))
	}
	// Exact comparison, no tolerance: Terraform adds numbers as big.Floats whose precision depends on
	// how each value reached it (53 bits from the provider, 512 bits when re-read from a JSON state), so
	// the expected sum is the exact sum of the values as sent, and the test first makes sure that
	// float64 arithmetic reaches the same value, so that every precision gives the same number.
	exact, float := new(big.Rat), 0.0
	for _, e := range seedEnergy {
		r, _ := new(big.Rat).SetString(strconv.FormatFloat(e, 'f', -1, 64))
		exact.Add(exact, r)
		float += e
	}
	want, _ := exact.Float64()
	if float != want {
		t.Fatalf("the seed station's energies do not add up exactly in float64 (%v vs %v): the comparison below would depend on Terraform's precision", float, want)
	}
	fleet, _ := sim.Dataset().Group(simulator.HealthyGroupID)
	charging := sessionsWhere(sim, func(s simulator.Session) bool { return s.Active && slices.Contains(fleet.StationIDs, s.StationID) })
	if len(charging) == 0 {
		t.Fatal("no session in progress in the example's group")
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config:          sim.providerConfig() + exampleOf(t, "charging_sessions"),
			ConfigVariables: config.Variables{"week_end": config.StringVariable(rfc3339(simulator.Now))},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValueAtPath("energy_kwh_by_station", tfjsonpath.New(seed), knownvalue.Float64Exact(want)),
				statecheck.ExpectKnownOutputValue("energy_kwh_by_station", knownvalue.MapSizeExact(len(stations))),
				statecheck.ExpectKnownValue("data.chargepoint_charging_sessions.last_week", attrPath("sessions"), knownvalue.ListSizeExact(len(week))),
				statecheck.ExpectKnownOutputValue("charging_now", knownvalue.MapSizeExact(len(charging))),
				statecheck.ExpectKnownOutputValueAtPath("charging_now", tfjsonpath.New(strconv.FormatInt(charging[0].ID, 10)).AtMapKey("since"),
					timestamp(charging[0].Start)),
			},
		}},
	})
}

// More than 200 sessions: ChargePoint's fixed pages of 100 are all read, and the list is sorted by
// session_id.
func TestAccChargingSessions_paging(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{})
	week := sessionsWhere(sim, func(s simulator.Session) bool { return startedIn(s, lastWeek) })
	if len(week) <= 200 || len(week)%100 == 0 {
		t.Fatalf("%d sessions in the window: want more than 200 and a last page that is not full", len(week))
	}
	pages := (len(week) + 99) / 100
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: sim.sequentialProviderConfig() + fmt.Sprintf(`
data "chargepoint_charging_sessions" "x" {
  from_time_stamp = %q
  to_time_stamp   = %q
}
`, rfc3339(lastWeek[0]), rfc3339(lastWeek[1])),
			ConfigStateChecks: sessionIDChecks(week),
			Check: func(*terraform.State) error {
				// Terraform reads the data source more than once; each read must cost exactly `pages` calls.
				if calls := sim.Calls("getChargingSessionData"); calls < pages || calls%pages != 0 {
					return fmt.Errorf("%d getChargingSessionData calls for %d sessions: want a multiple of %d", calls, len(week), pages)
				}
				return nil
			},
		}},
	})
}

// Every attribute of one session, from the seed station's 63-hour session (hours beyond 24).
func TestAccChargingSessions_everyAttribute(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{Stations: 20})
	long := sessionsWhere(sim, func(s simulator.Session) bool { return s.StationID == "1:81203" && s.Duration() > 24*time.Hour })
	if len(long) != 1 {
		t.Fatalf("%d long seed sessions", len(long))
	}
	s := long[0]
	st, _ := sim.Dataset().Station(s.StationID)
	at := func(name string) []any { return []any{"sessions", 0, name} }
	want := map[string]knownvalue.Check{
		"station_id":                      knownvalue.StringExact(st.ID),
		"station_name":                    knownvalue.StringExact(st.Name),
		"port_number":                     knownvalue.StringExact(strconv.Itoa(s.PortNumber)),
		"address":                         knownvalue.StringExact(fmt.Sprintf("%s, %s, %s, %s, %s", st.Address, st.City, st.State, st.PostalCode, st.Country)),
		"city":                            knownvalue.StringExact(st.City),
		"state":                           knownvalue.StringExact(st.State),
		"country":                         knownvalue.StringExact(st.Country),
		"postal_code":                     knownvalue.StringExact(st.PostalCode),
		"session_id":                      knownvalue.Int64Exact(s.ID),
		"energy":                          knownvalue.Float64Exact(s.Energy),
		"start_time":                      timestamp(s.Start),
		"end_time":                        timestamp(s.End),
		"total_charging_duration":         knownvalue.StringExact("05:12:00"),
		"total_charging_duration_seconds": seconds(s.Charging),
		"total_session_duration":          knownvalue.StringExact("63:45:20"),
		"total_session_duration_seconds":  knownvalue.Int64Exact(63*3600 + 45*60 + 20),
		"user_id":                         knownvalue.StringExact(s.UserID),
		"start_battery_percentage":        knownvalue.Float64Exact(s.StartBattery),
		"stop_battery_percentage":         knownvalue.Float64Exact(s.StopBattery),
		"record_number":                   knownvalue.Int64Exact(1),
		"credential_id":                   knownvalue.StringExact(s.CredentialID),
		"ended_by":                        knownvalue.StringExact("Timeout"),
		"vehicle_make":                    knownvalue.StringExact(s.VehicleMake),
		"vehicle_model":                   knownvalue.StringExact(s.VehicleModel),
		"vehicle_model_year":              knownvalue.StringExact(s.VehicleModelYear),
		"vehicle_type":                    knownvalue.StringExact(s.VehicleType),
		"vehicle_port_mac":                knownvalue.StringExact(s.VehiclePortMAC),
		"driver_opted_out":                knownvalue.Bool(false),
		"driver_opt_out_timestamp":        knownvalue.Null(),
		"payment_terminal_info":           knownvalue.Null(),
	}
	var checks []statecheck.StateCheck
	for name, v := range want {
		checks = append(checks, expectAt(sessionsDS, attrPath(at(name)...), v))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config:            sim.providerConfig() + fmt.Sprintf("data \"chargepoint_charging_sessions\" \"x\" {\n  session_id = %d\n}\n", s.ID),
			ConfigStateChecks: append(checks, expectAt(sessionsDS, attrPath("sessions"), knownvalue.ListSizeExact(1))),
		}},
	})
}

// Sessions in progress at more than 100 stations: the station IDs go out in calls of at most 100 (the
// simulator, like ChargePoint, answers 147 to more) and the answers are merged; in-progress sessions
// have no end time.
func TestAccChargingSessions_activeAtManyStations(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{})
	var ids []string
	for _, st := range sim.Dataset().Stations() {
		ids = append(ids, st.ID)
	}
	if len(ids) <= 200 {
		t.Fatalf("%d stations: want more than two batches", len(ids))
	}
	active := sessionsWhere(sim, func(s simulator.Session) bool { return s.Active })
	batches := (len(ids) + 99) / 100
	checks := append(sessionIDChecks(active),
		expectAt(sessionsDS, attrPath("sessions", 0, "end_time"), knownvalue.Null()),
		expectAt(sessionsDS, attrPath("sessions", len(active)-1, "ended_by"), knownvalue.Null()))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: sim.sequentialProviderConfig() + fmt.Sprintf(`
data "chargepoint_charging_sessions" "x" {
  station_ids          = [%s]
  active_sessions_only = true
}
`, `"`+strings.Join(ids, `", "`)+`"`),
			ConfigStateChecks: checks,
			Check: func(*terraform.State) error {
				// Each read: one call per batch, plus one more page for a batch with more than 100 sessions.
				if calls := sim.Calls("getChargingSessionData"); calls < batches {
					return fmt.Errorf("%d getChargingSessionData calls for %d batches", calls, batches)
				}
				return nil
			},
		}},
	})
}

func TestAccChargingSessions_noMatchIsEmpty(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{Stations: 20})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: sim.providerConfig() + fmt.Sprintf(`
data "chargepoint_charging_sessions" "x" {
  station_id      = "1:81203"
  from_time_stamp = %q
}
`, rfc3339(simulator.Now.Add(time.Hour))),
			ConfigStateChecks: []statecheck.StateCheck{expectAt(sessionsDS, attrPath("sessions"), knownvalue.ListExact([]knownvalue.Check{}))},
		}},
	})
	if sim.Calls("getChargingSessionData") == 0 {
		t.Error("the query never reached the simulator")
	}
}

func TestAccChargingSessions_planTimeValidation(t *testing.T) {
	testAccPreCheck(t)
	testPlanTimeValidation(t, "charging_sessions", "getChargingSessionData", map[string]planCase{
		"window reversed": {`from_time_stamp = "2026-11-20T12:00:00Z"
  to_time_stamp   = "2026-11-13T12:00:00Z"`,
			`(?s)Invalid time window.*from_time_stamp \(2026-11-20T12:00:00Z\) is after\s+to_time_stamp\s+\(2026-11-13T12:00:00Z\)`},
		// The same instant written with two offsets is not reversed; one hour later is.
		"window reversed across offsets": {`from_time_stamp = "2026-11-20T12:00:00+01:00"
  to_time_stamp   = "2026-11-20T10:30:00Z"`, `(?s)Invalid time window.*from_time_stamp`},
		"bad from timestamp": {`from_time_stamp = "2026-11-20 12:00:00"`,
			`(?s)Invalid timestamp.*from_time_stamp must be an RFC 3339 timestamp`},
		"bad to timestamp": {`to_time_stamp = "yesterday"`, `(?s)Invalid timestamp.*to_time_stamp must be an RFC 3339 timestamp`},
		"proximity unit":   {`proximity_unit = "X"`, `Attribute proximity_unit value must be one of`},
	})
}

// A window whose ends are the same instant written with different offsets is valid.
func TestAccChargingSessions_windowAcrossOffsets(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{Stations: 20})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: sim.providerConfig() + `
data "chargepoint_charging_sessions" "x" {
  station_id      = "1:81203"
  from_time_stamp = "2026-11-14T17:05:11+01:00"
  to_time_stamp   = "2026-11-14T16:05:11Z"
}
`,
			// Sent in UTC, both ends are 16:05:11Z: exactly the start of one seed session.
			ConfigStateChecks: []statecheck.StateCheck{
				expectAt(sessionsDS, attrPath("sessions"), knownvalue.ListSizeExact(1)),
				expectAt(sessionsDS, attrPath("sessions", 0, "start_time"), knownvalue.StringExact("2026-11-14T16:05:11Z")),
				expectAt(sessionsDS, attrPath("from_time_stamp"), knownvalue.StringExact("2026-11-14T17:05:11+01:00")),
			},
		}},
	})
}
