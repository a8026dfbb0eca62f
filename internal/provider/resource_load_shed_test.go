package provider

import (
	"errors"
	"fmt"
	"net/http/httptest"
	"regexp"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/simulator"
)

const loadShedRes = "chargepoint_load_shed.x"

// unshedStations returns n stations (in ID order) of the healthy group with at least two ports and no
// port shed.
func unshedStations(t *testing.T, sim *testSim, n int) []simulator.Station {
	t.Helper()
	g, _ := sim.Dataset().Group(simulator.HealthyGroupID)
	var out []simulator.Station
	for _, id := range g.StationIDs {
		st, _ := sim.Dataset().Station(id)
		if len(st.Ports) >= 2 && len(sim.StationShed(id)) == 0 {
			out = append(out, st)
			if len(out) == n {
				return out
			}
		}
	}
	t.Fatalf("fewer than %d unshed multi-port stations in group %d", n, simulator.HealthyGroupID)
	return nil
}

func loadShedConfig(sim *testSim, body string) string {
	return sim.providerConfig() + "resource \"chargepoint_load_shed\" \"x\" {\n" + body + "\n}\n"
}

// expectStationShed checks the simulator: every port of the station shed with want (ports not in
// want: not shed).
func expectStationShed(sim *testSim, stationID string, want map[int]simulator.Shed) resource.TestCheckFunc {
	return func(*terraform.State) error {
		got := sim.StationShed(stationID)
		if len(got) != len(want) {
			return fmt.Errorf("station %s: %d ports shed, want %d: %+v", stationID, len(got), len(want), got)
		}
		for n, w := range want {
			g, ok := got[n]
			if !ok || g.ByPercent != w.ByPercent || g.PercentShed != w.PercentShed || g.AllowedLoad != w.AllowedLoad {
				return fmt.Errorf("station %s port %d: shed %+v, want %+v", stationID, n, g, w)
			}
		}
		return nil
	}
}

func allPorts(st simulator.Station, sh simulator.Shed) map[int]simulator.Shed {
	out := map[int]simulator.Shed{}
	for _, p := range st.Ports {
		out[p.Number] = sh
	}
	return out
}

func percentShed(p int) simulator.Shed { return simulator.Shed{ByPercent: true, PercentShed: p} }
func kWShed(kW float64) simulator.Shed { return simulator.Shed{AllowedLoad: kW} }

func stationsNotShed(sim *testSim, ids ...string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		for _, id := range ids {
			if got := sim.StationShed(id); len(got) != 0 {
				return fmt.Errorf("station %s still shed after destroy: %+v", id, got)
			}
		}
		return nil
	}
}

var emptyPlanAfterApply = resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}

func planAction(a plancheck.ResourceActionType) resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{
		PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(loadShedRes, a)},
		PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
	}
}

func lsAt(p string, v knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(loadShedRes, tfjsonpath.New(p), v)
}

// A station: create, import, update in place (percent to kW, then per port), drift made in the portal
// (cleared, and a port's limit changed) planned again, replace with another station, destroy.
func TestAccLoadShed_station(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{})
	sts := unshedStations(t, sim, 2)
	st, other := sts[0], sts[1]
	byPercent := loadShedConfig(sim, fmt.Sprintf("  station_id = %q\n  percent_shed = 40", st.ID))
	byKW := loadShedConfig(sim, fmt.Sprintf("  station_id = %q\n  allowed_load_kw = 3.5", st.ID))
	perPort := loadShedConfig(sim, fmt.Sprintf(`  station_id = %q
  ports = [
    { port_number = 1, percent_shed = 25 },
    { port_number = 2, allowed_load_kw = 2 },
  ]`, st.ID))
	portWant := map[int]simulator.Shed{1: percentShed(25), 2: kWShed(2)}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             stationsNotShed(sim, st.ID, other.ID),
		Steps: []resource.TestStep{
			{
				Config:           byPercent,
				ConfigPlanChecks: planAction(plancheck.ResourceActionCreate),
				ConfigStateChecks: []statecheck.StateCheck{
					lsAt("id", knownvalue.StringExact("station/"+st.ID)),
					lsAt("percent_shed", knownvalue.Int64Exact(40)),
					lsAt("allowed_load_kw", knownvalue.Null()),
					lsAt("ports", knownvalue.Null()),
				},
				Check: expectStationShed(sim, st.ID, allPorts(st, percentShed(40))),
			},
			{
				ResourceName:      loadShedRes,
				ImportState:       true,
				ImportStateId:     "station/" + st.ID,
				ImportStateVerify: true,
			},
			{
				Config:            byKW,
				ConfigPlanChecks:  planAction(plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{lsAt("allowed_load_kw", knownvalue.Float64Exact(3.5)), lsAt("percent_shed", knownvalue.Null())},
				Check:             expectStationShed(sim, st.ID, allPorts(st, kWShed(3.5))),
			},
			{
				Config:           perPort,
				ConfigPlanChecks: planAction(plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					lsAt("ports", knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectExact(map[string]knownvalue.Check{"port_number": knownvalue.Int64Exact(1), "percent_shed": knownvalue.Int64Exact(25), "allowed_load_kw": knownvalue.Null()}),
						knownvalue.ObjectExact(map[string]knownvalue.Check{"port_number": knownvalue.Int64Exact(2), "percent_shed": knownvalue.Null(), "allowed_load_kw": knownvalue.Float64Exact(2)}),
					})),
				},
				Check: expectStationShed(sim, st.ID, portWant),
			},
			{
				// A port's limit changed in the portal: drift, updated back in place.
				PreConfig: func() {
					if err := sim.SetPortShed(st.ID, 1, simulator.Shed{ByPercent: true, PercentShed: 60, PerPort: true}); err != nil {
						t.Fatal(err)
					}
				},
				Config:           perPort,
				ConfigPlanChecks: planAction(plancheck.ResourceActionUpdate),
				Check:            expectStationShed(sim, st.ID, portWant),
			},
			{
				// Cleared in the portal: gone from the state, planned and applied again.
				PreConfig: func() {
					if !sim.ClearShed(st.ID) {
						t.Fatal("ClearShed: no such station")
					}
				},
				Config:           byPercent,
				ConfigPlanChecks: planAction(plancheck.ResourceActionCreate),
				Check:            expectStationShed(sim, st.ID, allPorts(st, percentShed(40))),
			},
			{
				// Another station: replaced; the first one is cleared.
				Config:            loadShedConfig(sim, fmt.Sprintf("  station_id = %q\n  percent_shed = 40", other.ID)),
				ConfigPlanChecks:  planAction(plancheck.ResourceActionDestroyBeforeCreate),
				ConfigStateChecks: []statecheck.StateCheck{lsAt("id", knownvalue.StringExact("station/"+other.ID))},
				Check: resource.ComposeAggregateTestCheckFunc(
					stationsNotShed(sim, st.ID),
					expectStationShed(sim, other.ID, allPorts(other, percentShed(40))),
				),
			},
		},
	})
}

// A group: create, import, update, expiry (duration_minutes passed on the simulator's clock) planned
// again, replace with another group, destroy (the simulator has no group shed and no station shed).
func TestAccLoadShed_group(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{})
	const sg, sg2 = 20003, 20007
	groupShed := func(id int, sh simulator.Shed) resource.TestCheckFunc {
		return func(*terraform.State) error {
			g, ok := sim.GroupShed(id)
			if !ok || g.ByPercent != sh.ByPercent || g.PercentShed != sh.PercentShed || g.AllowedLoad != sh.AllowedLoad {
				return fmt.Errorf("group %d: shed %+v (%v), want %+v", id, g, ok, sh)
			}
			return nil
		}
	}
	notShed := func(*terraform.State) error {
		for _, id := range []int{sg, sg2} {
			if g, ok := sim.GroupShed(id); ok {
				return fmt.Errorf("group %d still shed: %+v", id, g)
			}
			grp, _ := sim.Dataset().Group(id)
			if err := stationsNotShed(sim, grp.StationIDs...)(nil); err != nil {
				return err
			}
		}
		return nil
	}
	cfg := func(id int, limit string) string {
		return loadShedConfig(sim, fmt.Sprintf("  sg_id = %d\n  %s", id, limit))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             notShed,
		Steps: []resource.TestStep{
			{
				Config:            cfg(sg, "percent_shed = 30"),
				ConfigPlanChecks:  planAction(plancheck.ResourceActionCreate),
				ConfigStateChecks: []statecheck.StateCheck{lsAt("id", knownvalue.StringExact(fmt.Sprintf("group/%d", sg)))},
				Check:             groupShed(sg, percentShed(30)),
			},
			{ResourceName: loadShedRes, ImportState: true, ImportStateId: fmt.Sprintf("group/%d", sg), ImportStateVerify: true},
			{
				Config:           cfg(sg, "allowed_load_kw = 5\n  duration_minutes = 30"),
				ConfigPlanChecks: planAction(plancheck.ResourceActionUpdate),
				Check:            groupShed(sg, kWShed(5)),
			},
			{
				// The shed expired: removed from the state and planned again.
				PreConfig:        func() { sim.AdvanceClock(31 * time.Minute) },
				Config:           cfg(sg, "allowed_load_kw = 5\n  duration_minutes = 30"),
				ConfigPlanChecks: planAction(plancheck.ResourceActionCreate),
				Check:            groupShed(sg, kWShed(5)),
			},
			{
				Config:           cfg(sg2, "allowed_load_kw = 5"),
				ConfigPlanChecks: planAction(plancheck.ResourceActionDestroyBeforeCreate),
				Check:            groupShed(sg2, kWShed(5)),
			},
		},
	})
}

// Plan-time validation: each mistake is refused before any request.
func TestAccLoadShed_validation(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{})
	rows := []struct{ body, err string }{
		{`percent_shed = 10`, `Exactly one of these attributes must be configured: \[sg_id,station_id\]`},
		{"sg_id = 20003\n station_id = \"1:81203\"\n percent_shed = 10", `(?s)Invalid Attribute Combination.*sg_id`},
		{"sg_id = 20003\n percent_shed = 10\n allowed_load_kw = 1", `(?s)cannot be configured\s+together.*allowed_load_kw,percent_shed`},
		{"sg_id = 20003", `Missing shed limit`},
		{"sg_id = 20003\n percent_shed = 101", `must be between 0 and 100`},
		{"sg_id = 20003\n allowed_load_kw = -1", `must be at least 0`},
		{"sg_id = 20003\n percent_shed = 5\n ports = [{ port_number = 1 }]", `(?s)cannot be configured\s+together.*ports`},
		{"station_id = \"1:81203\"\n ports = [{ port_number = 1, percent_shed = 5 }, { port_number = 1, percent_shed = 6 }]", `Duplicate port number`},
		{"station_id = \"1:81203\"\n ports = [{ port_number = 1, percent_shed = 5, allowed_load_kw = 1 }]", `Conflicting port limits`},
		{"station_id = \"1:81203\"\n ports = [{ port_number = 1 }]", `Missing port limit`},
	}
	steps := make([]resource.TestStep, len(rows))
	for i, r := range rows {
		steps[i] = resource.TestStep{Config: loadShedConfig(sim, r.body), PlanOnly: true, ExpectError: regexp.MustCompile(r.err)}
	}
	resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: testAccProviders, Steps: steps})
	if n := sim.Calls("shedLoad"); n != 0 {
		t.Errorf("shedLoad called %d times during validation", n)
	}
}

// A responseCode error names the operation, the code, ChargePoint's text and what to do.
func TestAccLoadShed_responseCode(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config:      loadShedConfig(sim, "sg_id = 999\n percent_shed = 10"),
			ExpectError: regexp.MustCompile(`(?s)ChargePoint shedLoad failed with responseCode 160.*No data found.*sg_id\s+=\s+999`),
		}, {
			// getLoad answers 160 for an unknown group: nothing to import.
			Config:        loadShedConfig(sim, "sg_id = 999\n percent_shed = 10"),
			ResourceName:  loadShedRes,
			ImportState:   true,
			ImportStateId: "group/999",
			ExpectError:   regexp.MustCompile(`Cannot import non-existent remote object`),
		}},
	})
}

// shedLoad's answer lost after it was applied: shedLoad sets a state, so it is retried, and the state
// matches the simulator.
func TestAccLoadShed_lostAnswer(t *testing.T) {
	testAccPreCheck(t)
	sim := simulator.New(simulator.Options{LicenseKey: testLicenseKey, Password: testPassword})
	faults, err := simulator.NewFaultInjector(sim, "")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(faults)
	t.Cleanup(srv.Close)
	t.Cleanup(faults.Close)
	ts := &testSim{Server: sim, endpoint: srv.URL + simulator.Path + "?fault=lost&op=shedLoad&first=1"}
	st := unshedStations(t, ts, 1)[0]
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             stationsNotShed(ts, st.ID),
		Steps: []resource.TestStep{{
			Config:            loadShedConfig(ts, fmt.Sprintf("  station_id = %q\n  percent_shed = 20", st.ID)),
			ConfigPlanChecks:  emptyPlanAfterApply,
			ConfigStateChecks: []statecheck.StateCheck{lsAt("percent_shed", knownvalue.Int64Exact(20))},
			Check: func(s *terraform.State) error {
				if n := sim.Calls("shedLoad"); n < 2 {
					return errors.New("shedLoad was not retried after its answer was lost")
				}
				return expectStationShed(ts, st.ID, allPorts(st, percentShed(20)))(s)
			},
		}},
	})
}

// The "Demand response as code" guide's example runs as written: it sheds Garage West, a shed cleared
// by hand is planned again, and destroying it clears the group.
func TestAccLoadShed_guideDemandResponse(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{})
	t.Setenv(envEndpoint, sim.endpoint)
	t.Setenv(envLicenseKey, testLicenseKey)
	t.Setenv(envPassword, testPassword)
	// The example declares chargepoint-community/chargepoint, so that it runs when copied as it is.
	t.Setenv("TF_ACC_PROVIDER_NAMESPACE", "chargepoint-community")
	const garage = simulator.UnreachableGroupID // 20002, Garage West
	example := config.StaticFile("../../examples/guides/demand-response/main.tf")
	shedAt50 := func(*terraform.State) error {
		if g, ok := sim.GroupShed(garage); !ok || !g.ByPercent || g.PercentShed != 50 {
			return fmt.Errorf("group %d: shed %+v (%v), want 50%%", garage, g, ok)
		}
		return nil
	}
	garageRes := "chargepoint_load_shed.garage"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy: func(*terraform.State) error {
			if g, ok := sim.GroupShed(garage); ok {
				return fmt.Errorf("group %d still shed: %+v", garage, g)
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				ConfigFile: example,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(garageRes, plancheck.ResourceActionCreate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: shedAt50,
			},
			{
				PreConfig:  func() { sim.ClearGroupShed(garage) },
				ConfigFile: example,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(garageRes, plancheck.ResourceActionCreate)},
				},
				Check: shedAt50,
			},
		},
	})
}
