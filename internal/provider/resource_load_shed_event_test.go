package provider

import (
	"fmt"
	"net/http/httptest"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/simulator"
)

const loadShedEventRes = "chargepoint_load_shed_event.x"

func loadShedEventConfig(sim *testSim, body string) string {
	return sim.providerConfig() + "resource \"chargepoint_load_shed_event\" \"x\" {\n" + body + "\n}\n"
}

// expectEvents checks the simulator's events: exactly one per want, in ID order.
func expectEvents(sim *testSim, want ...func(simulator.LoadShedEvent) error) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		got := sim.LoadShedEvents()
		if len(got) != len(want) {
			return fmt.Errorf("the simulator has %d load shed events, want %d: %+v", len(got), len(want), got)
		}
		for i, w := range want {
			if err := w(got[i]); err != nil {
				return err
			}
		}
		if s != nil && len(got) == 1 {
			if rs, ok := s.RootModule().Resources[loadShedEventRes]; ok && rs.Primary.ID != strconv.Itoa(got[0].ID) {
				return fmt.Errorf("state id %s, simulator event %d", rs.Primary.ID, got[0].ID)
			}
		}
		return nil
	}
}

func eventIs(stationID string, start time.Time, minutes int, percent float64, optOut bool) func(simulator.LoadShedEvent) error {
	return func(e simulator.LoadShedEvent) error {
		if e.StationID != stationID || !e.Start.Equal(start) || e.Duration != minutes || e.AllowOptOut != optOut ||
			e.PercentShedPerStation == nil || *e.PercentShedPerStation != percent || e.AllowedLoadPerPort != nil {
			return fmt.Errorf("event %+v, want station %s start %s duration %d percent %v opt-out %v", e, stationID, start, minutes, percent, optOut)
		}
		return nil
	}
}

// Create (the simulator has the event), an empty plan after apply, replace on any change (the old event
// removed), destroy (no event left).
func TestAccLoadShedEvent_basic(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{})
	st := "1:81203"
	start := sim.Clock().Add(24 * time.Hour).Truncate(time.Hour)
	cfg := func(minutes int) string {
		return loadShedEventConfig(sim, fmt.Sprintf(`  station_id               = %q
  start_time               = %q
  duration_minutes         = %d
  allow_opt_out            = true
  percent_shed_per_station = 50`, st, start.Format(time.RFC3339), minutes))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             expectEvents(sim),
		Steps: []resource.TestStep{
			{
				Config: cfg(60),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(loadShedEventRes, plancheck.ResourceActionCreate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(loadShedEventRes, tfjsonpath.New("id"), knownvalue.StringExact("4001")),
					statecheck.ExpectKnownValue(loadShedEventRes, tfjsonpath.New("sg_id"), knownvalue.Null()),
				},
				Check: expectEvents(sim, eventIs(st, start, 60, 50, true)),
			},
			{
				Config: cfg(90),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(loadShedEventRes, plancheck.ResourceActionDestroyBeforeCreate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(loadShedEventRes, tfjsonpath.New("id"), knownvalue.StringExact("4002")),
				},
				Check: expectEvents(sim, eventIs(st, start, 90, 50, true)),
			},
			{
				// Removed in the portal: invisible (the API cannot read events), so the plan stays empty.
				PreConfig: func() {
					if !sim.RemoveLoadShedEvent(4002) {
						t.Fatal("no event 4002")
					}
				},
				Config:   cfg(90),
				PlanOnly: true,
			},
		},
	})
}

// Plan-time validation.
func TestAccLoadShedEvent_validation(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{})
	rows := []struct{ body, err string }{
		{"start_time = \"2030-01-01T00:00:00Z\"\n duration_minutes = 5\n percent_shed_per_station = 5", `(?s)Exactly one of these attributes must be configured:\s+\[station_id,sg_id\]`},
		{"sg_id = 20003\n start_time = \"2030-01-01T00:00:00Z\"\n duration_minutes = 5", `(?s)Exactly one of these attributes must be configured:\s+\[allowed_load_per_port,percent_shed_per_station\]`},
		{"sg_id = 20003\n start_time = \"tomorrow\"\n duration_minutes = 5\n percent_shed_per_station = 5", `Invalid start time`},
		{"sg_id = 20003\n start_time = \"2030-01-01T00:00:00Z\"\n duration_minutes = 0\n percent_shed_per_station = 5", `must be at least 1`},
		{"sg_id = 20003\n start_time = \"2030-01-01T00:00:00Z\"\n duration_minutes = 5\n percent_shed_per_station = 101", `must be between 0`},
	}
	steps := make([]resource.TestStep, len(rows))
	for i, r := range rows {
		steps[i] = resource.TestStep{Config: loadShedEventConfig(sim, r.body), PlanOnly: true, ExpectError: regexp.MustCompile(r.err)}
	}
	resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: testAccProviders, Steps: steps})
}

// The answer to createLoadShedEvent lost after the simulator created the event: an error that says it
// is not repeated, nothing in the state (the next plan creates it), and one request only.
func TestAccLoadShedEvent_lostCreate(t *testing.T) {
	testAccPreCheck(t)
	sim := simulator.New(simulator.Options{LicenseKey: testLicenseKey, Password: testPassword})
	faults, err := simulator.NewFaultInjector(sim, "")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(faults)
	t.Cleanup(srv.Close)
	t.Cleanup(faults.Close)
	ts := &testSim{Server: sim, endpoint: srv.URL + simulator.Path + "?fault=lost&op=createLoadShedEvent&first=1"}
	cfg := loadShedEventConfig(ts, fmt.Sprintf(`  sg_id                 = 20003
  start_time            = %q
  duration_minutes      = 30
  allowed_load_per_port = 3.3`, sim.Clock().Add(2*time.Hour).Format(time.RFC3339)))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{Config: cfg, ExpectError: regexp.MustCompile(`(?s)may have created the event: not repeated.*createLoadShedEvent\s+is\s+never\s+repeated`)},
			{Config: cfg, PlanOnly: true, ExpectNonEmptyPlan: true}, // nothing in the state: planned for creation
		},
	})
	if n := sim.Calls("createLoadShedEvent"); n != 1 {
		t.Errorf("createLoadShedEvent sent %d times, want once", n)
	}
	if n := len(sim.LoadShedEvents()); n != 1 {
		t.Errorf("the simulator has %d events, want the one created before the answer was lost", n)
	}
}
