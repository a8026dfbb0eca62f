package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/simulator"
)

func TestAccStation_byID(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{Stations: 20})
	at := func(name string, v knownvalue.Check) statecheck.StateCheck {
		return expectAt("data.chargepoint_station.hq", tfjsonpath.New(name), v)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: sim.providerConfig() + `
data "chargepoint_station" "hq" {
  station_id = "1:81203"
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				at("station_id", knownvalue.StringExact("1:81203")),
				at("station_name", knownvalue.StringExact("CHARGEPOINT / HQ 5")),
				at("organization_name", knownvalue.StringExact("ChargePoint")),
				at("sg_ids", numberList(20001, 20002)),
				at("sg_names", stringList("Campbell HQ", "Garage West")),
				at("service_plan_expiry_date", knownvalue.StringExact("2027-10-01")),
				at("managed_by", knownvalue.Null()),
				expectAt("data.chargepoint_station.hq", tfjsonpath.New("ports").AtSliceIndex(1).AtMapKey("status"), knownvalue.StringExact("UNREACHABLE")),
				expectAt("data.chargepoint_station.hq", tfjsonpath.New("ports").AtSliceIndex(0).AtMapKey("port_number"), knownvalue.StringExact("1")),
			},
		}},
	})
}

func TestAccStation_notFound(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{Stations: 20})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: sim.providerConfig() + `
data "chargepoint_station" "x" {
  station_id = "1:1"
}
`,
			ExpectError: wrapped(`(?s)Expected exactly one station, found 0.*chargepoint_station must match exactly one station; the query for station_id = "1:1" matched 0\.`),
		}},
	})
	if sim.Calls("getStations") == 0 {
		t.Error("the lookup never reached getStations")
	}
}

func TestAccStation_planTimeValidation(t *testing.T) {
	testAccPreCheck(t)
	testPlanTimeValidation(t, "station", "getStations", map[string]planCase{
		"missing station_id": {``, `The argument "station_id" is required`},
		"empty station_id":   {`station_id = ""`, `Attribute station_id string length must be at least 1`},
	})
}
