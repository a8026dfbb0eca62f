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

const publicStationStatusDS = "data.chargepoint_public_station_status.x"

func TestAccPublicStationStatus_seedStation(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{Stations: 20})
	at := func(v knownvalue.Check, steps ...any) statecheck.StateCheck {
		return expectAt(publicStationStatusDS, stationsPath(steps...), v)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: sim.providerConfig() + `
data "chargepoint_public_station_status" "x" {
  station_id   = "1:81203"
  port_details = true
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				at(knownvalue.ListSizeExact(1)),
				at(knownvalue.StringExact("1:81203"), 0, "station_id"),
				at(knownvalue.Int64Exact(1), 0, "record_number"),
				at(knownvalue.ListSizeExact(2), 0, "ports"),
				at(knownvalue.StringExact("AVAILABLE"), 0, "ports", 0, "status"),
				at(knownvalue.StringExact("UNREACHABLE"), 0, "ports", 1, "status"),
				at(knownvalue.StringExact("2013-03-05T21:40:00Z"), 0, "ports", 1, "time_stamp"),
				at(knownvalue.StringExact("J1772"), 0, "ports", 1, "connector"),
				at(knownvalue.Float64Exact(7.2), 0, "ports", 1, "power"),
			},
		}},
	})
}

// 250 public stations by ID go out as 100 + 100 + 50 (the operation has no paging), merged and sorted;
// a private station among the IDs is not public, so it is not in the answer.
func TestAccPublicStationStatus_batches(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{Stations: 400})
	var public []string
	var private string
	for _, st := range sim.Dataset().Stations() {
		switch {
		case st.Public && len(public) < 250:
			public = append(public, st.ID)
		case !st.Public && private == "":
			private = st.ID
		}
	}
	if len(public) < 250 || private == "" {
		t.Fatalf("data set too small: %d public stations", len(public))
	}
	want := append([]string(nil), public...)
	sortBy(want, func(s string) string { return s })
	// 251 IDs: three calls of 100, 100 and 51.
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: sim.providerConfig() + "data \"chargepoint_public_station_status\" \"x\" {\n  station_ids = " +
				joinIDs(append(public, private)) + "\n}\n",
			ConfigStateChecks: stationIDsChecks(publicStationStatusDS, want),
			Check: func(*terraform.State) error {
				if calls := sim.Calls("getPublicStationStatus"); calls < 3 || calls%3 != 0 {
					return fmt.Errorf("%d getPublicStationStatus calls: want a multiple of 3", calls)
				}
				return nil
			},
		}},
	})
}

func TestAccPublicStationStatus_noMatchIsEmpty(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{Stations: 20})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: sim.providerConfig() + `
data "chargepoint_public_station_status" "x" {
  station_ids = ["9:0", "9:1"]
}
`,
			ConfigStateChecks: []statecheck.StateCheck{expectAt(publicStationStatusDS, stationsPath(), knownvalue.ListExact([]knownvalue.Check{}))},
		}},
	})
}

func TestAccPublicStationStatus_planTimeValidation(t *testing.T) {
	testAccPreCheck(t)
	testPlanTimeValidation(t, "public_station_status", "getPublicStationStatus", map[string]planCase{
		"status":         {`status = 5`, `Attribute status value must be between 1 and 3, got: 5`},
		"latitude":       {`geo = { lat = 100, long = 0 }`, `Attribute geo.lat value must be between -90\.0+ and 90\.0+`},
		"proximity unit": {`proximity_unit = "miles"`, `Attribute proximity_unit value must be one of`},
		"pricing all or none": {`pricing = { start_time = "08:00:00" }`,
			`(?s)Inappropriate value for attribute "pricing".*are required`},
	})
}
