package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/simulator"
)

const activeFaultsDS = "data.chargepoint_station_active_faults.x"

// The seed station's documented fault (its port 2's power module), with both FRUs; a station without
// faults and an unknown ID are not reported.
func TestAccStationActiveFaults_seedStation(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{})
	var healthy string
	for _, st := range sim.Dataset().Stations() {
		if len(st.Faults) == 0 {
			healthy = st.ID
			break
		}
	}
	at := func(v knownvalue.Check, steps ...any) statecheck.StateCheck {
		return expectAt(activeFaultsDS, stationsPath(steps...), v)
	}
	f := func(steps ...any) []any { return append([]any{0, "faults", 0}, steps...) }
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: sim.providerConfig() + fmt.Sprintf(`
data "chargepoint_station_active_faults" "x" {
  station_ids = ["1:81203", %q, "9:0"]
}
`, healthy),
			ConfigStateChecks: []statecheck.StateCheck{
				at(knownvalue.ListSizeExact(1)),
				at(knownvalue.StringExact("1:81203"), 0, "station_id"),
				at(knownvalue.ListSizeExact(1), 0, "faults"),
				at(knownvalue.StringExact("3002"), f("fault_code")...),
				at(knownvalue.StringExact("Power Module Not Responding"), f("fault_name")...),
				at(knownvalue.StringExact("2013-03-05T21:37:00Z"), f("fault_time")...),
				at(knownvalue.StringExact("Critical"), f("fault_severity")...),
				at(knownvalue.StringExact("A port's power module stopped responding to the station controller."), f("fault_description")...),
				at(knownvalue.StringExact("Power-cycle the station; replace the power module if the fault persists."), f("remedy")...),
				at(knownvalue.ListSizeExact(2), f("frus")...),
				at(knownvalue.ObjectExact(map[string]knownvalue.Check{
					"fru_id":           knownvalue.StringExact("1211150072A4-1"),
					"fru_name":         knownvalue.StringExact("Power Module"),
					"part_number":      knownvalue.StringExact("75-000520-03"),
					"serial_number":    knownvalue.StringExact("PM1211150072A401"),
					"software_version": knownvalue.StringExact("2.4.1"),
					"hardware_version": knownvalue.StringExact("C1"),
					"fru_faults": knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectExact(map[string]knownvalue.Check{
						"fru_fault_code":        knownvalue.StringExact("PM-301"),
						"fru_fault_name":        knownvalue.StringExact("No Response"),
						"fru_fault_time":        knownvalue.StringExact("2013-03-05T21:36:59Z"),
						"fru_fault_severity":    knownvalue.StringExact("Critical"),
						"fru_fault_description": knownvalue.StringExact("The power module does not answer on the internal bus."),
						"fru_fault_remedy":      knownvalue.StringExact("Replace the power module."),
					})}),
				}), f("frus", 0)...),
				at(knownvalue.StringExact("1211150072A4-2"), f("frus", 1, "fru_id")...),
				at(knownvalue.StringExact("Control Board"), f("frus", 1, "fru_name")...),
				at(knownvalue.StringExact("CB-201"), f("frus", 1, "fru_faults", 0, "fru_fault_code")...),
				at(knownvalue.StringExact("2013-03-05T21:36:58Z"), f("frus", 1, "fru_faults", 0, "fru_fault_time")...),
			},
		}},
	})
}

// 250 IDs go out as 100 + 100 + 50 (ChargePoint refuses more than 100); the stations with faults come
// back merged and sorted, each with its faults oldest first.
func TestAccStationActiveFaults_batches(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{})
	stations := sim.Dataset().Stations()[:250]
	var ids, faulted []string
	for _, st := range stations {
		ids = append(ids, st.ID)
		if len(st.Faults) > 0 {
			faulted = append(faulted, st.ID)
		}
	}
	if len(faulted) < 3 {
		t.Fatalf("only %d stations with faults", len(faulted))
	}
	sortBy(faulted, func(s string) string { return s })
	checks := stationIDsChecks(activeFaultsDS, faulted)
	for i, id := range faulted {
		faults := sim.Dataset().ActiveFaults(id)
		checks = append(checks, expectAt(activeFaultsDS, stationsPath(i, "faults"), knownvalue.ListSizeExact(len(faults))))
		for j, f := range faults {
			checks = append(checks, expectAt(activeFaultsDS, stationsPath(i, "faults", j, "fault_code"), knownvalue.StringExact(f.Code)),
				expectAt(activeFaultsDS, stationsPath(i, "faults", j, "frus"), knownvalue.ListSizeExact(len(f.FRUs))))
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config:            sim.providerConfig() + "data \"chargepoint_station_active_faults\" \"x\" {\n  station_ids = " + joinIDs(ids) + "\n}\n",
			ConfigStateChecks: checks,
			Check: func(*terraform.State) error {
				if calls := sim.Calls("getStationActiveFaults"); calls < 3 || calls%3 != 0 {
					return fmt.Errorf("%d getStationActiveFaults calls: want a multiple of 3", calls)
				}
				return nil
			},
		}},
	})
}

func TestAccStationActiveFaults_planTimeValidation(t *testing.T) {
	testAccPreCheck(t)
	testPlanTimeValidation(t, "station_active_faults", "getStationActiveFaults", map[string]planCase{
		"missing station_ids": {``, `The argument "station_ids" is required`},
	})
}
