package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/simulator"
)

// expectedTasks is the sorted union of the tasks of the named profiles, each task once.
func expectedTasks(ds *simulator.Dataset, profiles ...string) knownvalue.Check {
	descriptions := map[string]string{}
	var names []string
	for _, p := range ds.RightsProfiles() {
		for _, want := range profiles {
			if p.Name != want {
				continue
			}
			for _, task := range p.Tasks {
				if _, seen := descriptions[task.Name]; !seen {
					descriptions[task.Name] = task.Description
					names = append(names, task.Name)
				}
			}
		}
	}
	sortBy(names, func(s string) string { return s })
	checks := []knownvalue.Check{}
	for _, n := range names {
		checks = append(checks, knownvalue.ObjectExact(map[string]knownvalue.Check{
			"task": knownvalue.StringExact(n), "description": knownvalue.StringExact(descriptions[n]),
		}))
	}
	return knownvalue.ListExact(checks)
}

func TestAccStationRightsProfile(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{Stations: 10})
	ds := sim.Dataset()
	hq, _ := ds.Group(campbellHQGroupID)
	if len(hq.RightsProfiles) != 2 {
		t.Fatalf("Campbell HQ has profiles %v, want two", hq.RightsProfiles)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: sim.providerConfig() + fmt.Sprintf(`
data "chargepoint_station_rights_profile" "all" {
  sg_id = %[1]d
}

data "chargepoint_station_rights_profile" "viewer" {
  sg_id                  = %[1]d
  station_rights_profile = "station_viewer"
}

data "chargepoint_station_rights_profile" "not_held" {
  sg_id                  = %[1]d
  station_rights_profile = "site_admin"
}
`, campbellHQGroupID),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.chargepoint_station_rights_profile.all", jsonPathOf("tasks"), expectedTasks(ds, hq.RightsProfiles...)),
				statecheck.ExpectKnownValue("data.chargepoint_station_rights_profile.viewer", jsonPathOf("tasks"), expectedTasks(ds, "station_viewer")),
				statecheck.ExpectKnownValue("data.chargepoint_station_rights_profile.viewer", jsonPathOf("tasks", 0, "task"), knownvalue.StringExact("View Session Data")),
				statecheck.ExpectKnownValue("data.chargepoint_station_rights_profile.not_held", jsonPathOf("tasks"), knownvalue.ListExact([]knownvalue.Check{})),
			},
		}},
	})
}

func TestAccStationRightsProfile_unknownGroupIsAnError(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{Stations: 10})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: sim.providerConfig() + fmt.Sprintf(`
data "chargepoint_station_rights_profile" "x" {
  sg_id = %d
}
`, unknownGroupID),
			ExpectError: wrapped(fmt.Sprintf(`(?s)ChargePoint getStationRightsProfile failed with responseCode 124.*`+
				`getStationRightsProfile returned responseCode 124 \(Invalid sgID\) for sg_id = %d\.`, unknownGroupID)),
		}},
	})
}

func TestAccStationRightsProfile_planTimeValidation(t *testing.T) {
	testAccPreCheck(t)
	testPlanTimeValidation(t, "station_rights_profile", "getStationRightsProfile", map[string]planCase{
		"sg_id missing": {`station_rights_profile = "network_manager"`, `The argument "sg_id" is required`},
	})
}
