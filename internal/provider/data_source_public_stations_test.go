package provider

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/simulator"
)

const publicStations = "data.chargepoint_public_stations.x"

func stationsPath(steps ...any) tfjsonpath.Path {
	p := tfjsonpath.New("stations")
	for _, s := range steps {
		switch s := s.(type) {
		case int:
			p = p.AtSliceIndex(s)
		case string:
			p = p.AtMapKey(s)
		}
	}
	return p
}

func check(path tfjsonpath.Path, v knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(publicStations, path, v)
}

// The ChargePoint guide's sample call: public stations within one mile of 1692 Dell Avenue, Campbell.
func TestAccPublicStations_guideQuery(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: sim.providerConfig() + `
data "chargepoint_public_stations" "x" {
  address        = "1692 Dell Avenue"
  city           = "Campbell"
  state          = "CA"
  postal_code    = "95008"
  proximity      = 1
  proximity_unit = "M"
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				check(stationsPath(), knownvalue.ListSizeExact(1)),
				check(stationsPath(0, "station_id"), knownvalue.StringExact("1:81203")),
				check(stationsPath(0, "station_name"), knownvalue.StringExact("CHARGEPOINT / HQ 5")),
				check(stationsPath(0, "description"), knownvalue.StringExact("Front parking lot along Dell Ave.")),
				check(stationsPath(0, "station_manufacturer"), knownvalue.StringExact("Coulomb")),
				check(stationsPath(0, "station_model"), knownvalue.StringExact("CT2025-HD-GW1-CCR")),
				check(stationsPath(0, "address"), knownvalue.StringExact("1692 Dell Ave")),
				check(stationsPath(0, "city"), knownvalue.StringExact("Campbell")),
				check(stationsPath(0, "state"), knownvalue.StringExact("California")),
				check(stationsPath(0, "postal_code"), knownvalue.StringExact("95008")),
				check(stationsPath(0, "num_ports"), knownvalue.Int64Exact(2)),
				check(stationsPath(0, "main_phone"), knownvalue.StringExact("(888) 758-4389")),
				check(stationsPath(0, "mod_time_stamp"), knownvalue.StringExact("2012-11-15T01:29:16Z")),
				check(stationsPath(0, "timezone_offset"), knownvalue.StringExact("-08:00")),
				check(stationsPath(0, "currency_code"), knownvalue.StringExact("USD")),
				check(stationsPath(0, "ports"), knownvalue.ListSizeExact(2)),
				check(stationsPath(0, "ports", 0, "port_number"), knownvalue.StringExact("1")),
				check(stationsPath(0, "ports", 1, "port_number"), knownvalue.StringExact("2")),
				check(stationsPath(0, "ports", 0, "power"), knownvalue.Float64Exact(7.2)),
				check(stationsPath(0, "ports", 1, "power"), knownvalue.Float64Exact(7.2)),
				check(stationsPath(0, "ports", 0, "voltage"), knownvalue.Float64Exact(240)),
				check(stationsPath(0, "ports", 0, "current"), knownvalue.Float64Exact(30)),
				check(stationsPath(0, "ports", 0, "level"), knownvalue.StringExact("L2")),
				check(stationsPath(0, "ports", 0, "connector"), knownvalue.StringExact("J1772")),
				check(stationsPath(0, "ports", 0, "reservable"), knownvalue.Bool(false)),
				check(stationsPath(0, "ports", 0, "estimated_cost"), knownvalue.Float64Exact(0)),
				check(stationsPath(0, "ports", 0, "geo", "lat"), knownvalue.Float64Exact(37.26148986816406)),
				check(stationsPath(0, "ports", 0, "geo", "long"), knownvalue.Float64Exact(-121.95753479003906)),
				check(stationsPath(0, "pricing"), knownvalue.ListSizeExact(1)),
				check(stationsPath(0, "pricing", 0, "type"), knownvalue.StringExact("None")),
				check(stationsPath(0, "pricing", 0, "unit_price_per_hour"), knownvalue.Float64Exact(1.5)),
				check(stationsPath(0, "pricing", 0, "min_price"), knownvalue.Float64Exact(0.5)),
				check(stationsPath(0, "pricing", 0, "unit_price_per_kwh"), knownvalue.Float64Exact(0)),
				check(stationsPath(0, "pricing", 0, "start_time"), knownvalue.StringExact("00:00:00")),
				check(stationsPath(0, "pricing", 0, "end_time"), knownvalue.StringExact("23:59:59")),
				statecheck.ExpectKnownValue(publicStations, tfjsonpath.New("proximity"), knownvalue.Float64Exact(1)),
			},
		}},
	})
}

// Paging: with the simulator's page size capped at 7, a wide search needs several pages; the provider
// must return every station, sorted by station_id.
func TestAccPublicStations_paging(t *testing.T) {
	testAccPreCheck(t)
	const pageSize = 7
	sim := startSimulator(t, simulator.Options{Stations: 300, MaxPageSize: pageSize})
	const lat, long, miles = 37.3382, -121.8863, 12.0 // San Jose
	want := sim.Dataset().PublicWithin(lat, long, miles, "M")
	if len(want) <= 3*pageSize {
		t.Fatalf("dataset too small for a paging test: %d stations within %v miles", len(want), miles)
	}
	ids := make([]string, len(want))
	for i, s := range want {
		ids[i] = s.ID
	}
	sortBy(ids, func(s string) string { return s })
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: sim.sequentialProviderConfig() + fmt.Sprintf(`
data "chargepoint_public_stations" "x" {
  geo = {
    lat  = %v
    long = %v
  }
  proximity = %v
}
`, lat, long, miles),
			ConfigStateChecks: []statecheck.StateCheck{
				check(stationsPath(), knownvalue.ListSizeExact(len(want))),
				check(stationsPath(0, "station_id"), knownvalue.StringExact(ids[0])),
				check(stationsPath(len(ids)/2, "station_id"), knownvalue.StringExact(ids[len(ids)/2])),
				check(stationsPath(len(ids)-1, "station_id"), knownvalue.StringExact(ids[len(ids)-1])),
			},
			Check: func(*terraform.State) error {
				pages := (len(want) + pageSize - 1) / pageSize
				if calls := sim.Calls("getPublicStations"); calls < pages || calls%pages != 0 {
					return fmt.Errorf("%d getPublicStations calls for %d stations in pages of %d: want a multiple of %d", calls, len(want), pageSize, pages)
				}
				return nil
			},
		}},
	})
}

func TestAccPublicStations_noMatchIsEmpty(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{Stations: 20})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: sim.providerConfig() + `
data "chargepoint_public_stations" "x" {
  station_id = "9:0"
}
`,
			ConfigStateChecks: []statecheck.StateCheck{check(stationsPath(), knownvalue.ListExact([]knownvalue.Check{}))},
		}},
	})
}

func TestAccPublicStations_planTimeValidation(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{Stations: 20})
	cases := map[string]struct{ body, err string }{
		"proximity unit": {`proximity_unit = "X"`, `Attribute proximity_unit value must be one of: \["M" "N" "K" "F" "I"\]`},
		"latitude":       {`geo = { lat = 91, long = 0 }`, `Attribute geo.lat value must be between -90\.0+ and 90\.0+, got:\s+91\.0+`},
		"longitude":      {`geo = { lat = 0, long = -180.5 }`, `Attribute geo.long value must be between -180\.0+ and 180\.0+`},
		"pricing all or none": {`pricing = { start_time = "08:00:00", duration = 60 }`,
			`(?s)Inappropriate value for attribute "pricing".*attributes "energy_required" and\s+"vehicle_power" are required`},
		"pricing clock": {`pricing = { start_time = "8am", duration = 60, energy_required = 10, vehicle_power = 7 }`, `start_time must be a time of day, HH:MM:SS`},
		"level":         {`level = "L3"`, `Attribute level value must be one of: \["L1" "L2" "DC"\]`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProviders,
				Steps: []resource.TestStep{{
					Config:      sim.providerConfig() + "data \"chargepoint_public_stations\" \"x\" {\n  " + tc.body + "\n}\n",
					PlanOnly:    true,
					ExpectError: regexp.MustCompile(tc.err),
				}},
			})
			if calls := sim.Calls("getPublicStations"); calls != 0 {
				t.Errorf("invalid input reached the API: %d calls", calls)
			}
		})
	}
}

func TestAccPublicStations_pricingEstimate(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{Stations: 20})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: sim.providerConfig() + `
data "chargepoint_public_stations" "x" {
  station_id = "1:81203"
  pricing = {
    start_time      = "08:00:00"
    duration        = 120
    energy_required = 14
    vehicle_power   = 7.2
  }
}
`,
			// 2 hours at 1.50/hour, above the 0.50 minimum.
			ConfigStateChecks: []statecheck.StateCheck{check(stationsPath(0, "ports", 0, "estimated_cost"), knownvalue.Float64Exact(3))},
		}},
	})
}
