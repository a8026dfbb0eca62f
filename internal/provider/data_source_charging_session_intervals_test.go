package provider

import (
	"fmt"
	"math"
	"strconv"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/simulator"
)

const intervalsDS = "data.chargepoint_charging_session_intervals.x"

// seedSession returns the seed station's session that starts at start (RFC 3339).
func seedSession(t *testing.T, sim *testSim, start string) simulator.Session {
	t.Helper()
	for _, s := range sim.Sessions() {
		if s.StationID == "1:81203" && rfc3339(s.Start) == start {
			return s
		}
	}
	t.Fatalf("no seed session starting at %s", start)
	return simulator.Session{}
}

// intervalChecks expects the intervals attribute to be ivs, with energy(k) as the energy of interval k.
func intervalChecks(ivs []simulator.Interval, energy func(k int) float64) []statecheck.StateCheck {
	checks := []statecheck.StateCheck{expectAt(intervalsDS, attrPath("intervals"), knownvalue.ListSizeExact(len(ivs)))}
	for k, iv := range ivs {
		checks = append(checks,
			expectAt(intervalsDS, attrPath("intervals", k, "station_time"), timestamp(iv.StationTime)),
			expectAt(intervalsDS, attrPath("intervals", k, "energy_consumed"), knownvalue.Float64Exact(energy(k))),
			expectAt(intervalsDS, attrPath("intervals", k, "peak_power"), decimals(iv.PeakPower, 3)),
			expectAt(intervalsDS, attrPath("intervals", k, "rolling_power_avg"), decimals(iv.RollingPowerAvg, 3)))
	}
	return checks
}

func TestAccChargingSessionIntervals_cumulativeAndPerInterval(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{Stations: 20})
	s := seedSession(t, sim, "2026-11-14T16:05:11Z")
	ivs, _ := sim.FifteenMinuteData(s.ID)
	if len(ivs) < 3 {
		t.Fatalf("%d intervals: too few", len(ivs))
	}
	top := []statecheck.StateCheck{
		expectAt(intervalsDS, attrPath("session_id"), knownvalue.Int64Exact(s.ID)),
		expectAt(intervalsDS, attrPath("station_id"), knownvalue.StringExact(s.StationID)),
		expectAt(intervalsDS, attrPath("port_number"), knownvalue.StringExact(strconv.Itoa(s.PortNumber))),
	}
	// energy_consumed_interval = true: the simulator sends each interval's own energy, to 6 decimals.
	perInterval := func(k int) float64 {
		previous := 0.0
		if k > 0 {
			previous = ivs[k-1].EnergyConsumed
		}
		return math.Round((ivs[k].EnergyConsumed-previous)*1e6) / 1e6
	}
	config := func(extra string) string {
		return sim.providerConfig() + fmt.Sprintf("data \"chargepoint_charging_session_intervals\" \"x\" {\n  session_id = %d\n%s}\n", s.ID, extra)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config:            config(""),
				ConfigStateChecks: append(top, intervalChecks(ivs, func(k int) float64 { return ivs[k].EnergyConsumed })...),
			},
			{
				Config:            config("  energy_consumed_interval = true\n"),
				ConfigStateChecks: append(top, intervalChecks(ivs, perInterval)...),
			},
		},
	})
}

// A session of less than 15 minutes has one fifteenminData element: still a list, of one.
func TestAccChargingSessionIntervals_oneInterval(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{Stations: 20})
	s := seedSession(t, sim, "2026-11-18T13:40:02Z")
	ivs, _ := sim.FifteenMinuteData(s.ID)
	if len(ivs) != 1 || s.Duration() >= 15*time.Minute {
		t.Fatalf("session of %s has %d intervals", s.Duration(), len(ivs))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: sim.providerConfig() + fmt.Sprintf("data \"chargepoint_charging_session_intervals\" \"x\" {\n  session_id = %d\n}\n", s.ID),
			ConfigStateChecks: append(intervalChecks(ivs, func(int) float64 { return s.Energy }),
				expectAt(intervalsDS, attrPath("intervals", 0, "energy_consumed"), knownvalue.Float64Exact(1.203311))),
		}},
	})
}

func TestAccChargingSessionIntervals_unknownSessionIsAnError(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{Stations: 20})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: sim.providerConfig() + "data \"chargepoint_charging_session_intervals\" \"x\" {\n  session_id = 1\n}\n",
			ExpectError: wrapped(`(?s)ChargePoint get15minChargingSessionData failed with responseCode 160.*` +
				`chargepoint_charging_session_intervals: get15minChargingSessionData returned responseCode 160 \(No data found for given criteria\) for session_id = 1\.`),
		}},
	})
}

func TestAccChargingSessionIntervals_planTimeValidation(t *testing.T) {
	testAccPreCheck(t)
	testPlanTimeValidation(t, "charging_session_intervals", "get15minChargingSessionData", map[string]planCase{
		"no session": {``, `(?s)The argument "session_id" is required`},
	})
}

// The documentation example as written: the profile of the seed station's latest session.
func TestAccChargingSessionIntervals_example(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{})
	latest := sessionsWhere(sim, func(s simulator.Session) bool { return s.StationID == "1:81203" })
	s := latest[len(latest)-1]
	ivs, _ := sim.FifteenMinuteData(s.ID)
	peak := 0.0
	for _, iv := range ivs {
		peak = max(peak, iv.PeakPower)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: sim.providerConfig() + exampleOf(t, "charging_session_intervals"),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.chargepoint_charging_session_intervals.latest", attrPath("session_id"), knownvalue.Int64Exact(s.ID)),
				statecheck.ExpectKnownOutputValue("latest_session_peak_kw", decimals(peak, 3)),
				statecheck.ExpectKnownOutputValue("latest_session_kwh_per_quarter_hour", knownvalue.MapSizeExact(len(ivs))),
				statecheck.ExpectKnownOutputValueAtPath("latest_session_kwh_per_quarter_hour", tfjsonpath.New(rfc3339(ivs[0].StationTime)),
					knownvalue.Float64Exact(ivs[0].EnergyConsumed)),
			},
		}},
	})
}
