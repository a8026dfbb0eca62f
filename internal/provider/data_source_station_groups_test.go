package provider

import (
	"fmt"
	"math"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/simulator"
)

// Facts of the simulator's fixed group layout that these tests build on.
const (
	seedStationID      = "1:81203" // in "Campbell HQ" (20001) and its child "Garage West" (20002)
	chargePointOrgID   = "1:ORG00001"
	campbellHQGroupID  = 20001
	garageWestGroupID  = simulator.UnreachableGroupID // 20002, child of 20001, parent of 20007
	garageWestL2Group  = 20007
	unknownGroupID     = 999999
	stateTolerance     = 1e-9
	groupsTestStations = 80
)

// jsonPathOf builds a state path from attribute names (string) and list indexes (int).
func jsonPathOf(root string, steps ...any) tfjsonpath.Path {
	p := tfjsonpath.New(root)
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

// expectAttr returns a state check constructor for the data source at address.
func expectAttr(address string) func(tfjsonpath.Path, knownvalue.Check) statecheck.StateCheck {
	return func(p tfjsonpath.Path, v knownvalue.Check) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(address, p, v)
	}
}

// sortedIDs returns a sorted copy of station IDs, in the data sources' order.
func sortedIDs(ids []string) []string {
	out := append([]string(nil), ids...)
	sortBy(out, func(s string) string { return s })
	return out
}

// float64Near matches a number within stateTolerance of want (coordinates pass through a decimal string).
func float64Near(want float64) knownvalue.Check {
	return knownvalue.Float64Func(func(got float64) error {
		if math.Abs(got-want) > stateTolerance {
			return fmt.Errorf("%v is not %v", got, want)
		}
		return nil
	})
}

func TestAccStationGroups_organization(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{Stations: groupsTestStations})
	ds := sim.Dataset()
	var want []simulator.Group
	for _, g := range ds.Groups() {
		if g.OrgID == chargePointOrgID {
			want = append(want, g)
		}
	}
	if len(want) != 7 || len(ds.GroupsOf(seedStationID)) < 2 {
		t.Fatalf("unexpected dataset: %d ChargePoint groups, seed station in %d groups", len(want), len(ds.GroupsOf(seedStationID)))
	}
	expect := expectAttr("data.chargepoint_station_groups.x")
	checks := []statecheck.StateCheck{expect(jsonPathOf("groups"), knownvalue.ListSizeExact(len(want)))}
	seed, _ := ds.Station(seedStationID)
	for i, g := range want {
		checks = append(checks,
			expect(jsonPathOf("groups", i, "sg_id"), knownvalue.Int64Exact(int64(g.ID))),
			expect(jsonPathOf("groups", i, "sg_name"), knownvalue.StringExact(g.Name)),
			expect(jsonPathOf("groups", i, "org_id"), knownvalue.StringExact(chargePointOrgID)),
			expect(jsonPathOf("groups", i, "organization_name"), knownvalue.StringExact("ChargePoint")),
			expect(jsonPathOf("groups", i, "stations"), knownvalue.ListSizeExact(len(g.StationIDs))),
		)
		for j, id := range sortedIDs(g.StationIDs) {
			checks = append(checks, expect(jsonPathOf("groups", i, "stations", j, "station_id"), knownvalue.StringExact(id)))
			if id == seedStationID { // in Campbell HQ and Garage West, with its location in both
				checks = append(checks,
					expect(jsonPathOf("groups", i, "stations", j, "geo", "lat"), float64Near(seed.Lat)),
					expect(jsonPathOf("groups", i, "stations", j, "geo", "long"), float64Near(seed.Long)))
			}
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: sim.providerConfig() + fmt.Sprintf(`
data "chargepoint_station_groups" "x" {
  org_id = %q
}
`, chargePointOrgID),
			ConfigStateChecks: checks,
		}},
	})
}

func TestAccStationGroups_organizationWithoutGroups(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{Stations: groupsTestStations})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: sim.providerConfig() + `
data "chargepoint_station_groups" "x" {
  org_id = "1:ORG99999"
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.chargepoint_station_groups.x", jsonPathOf("groups"), knownvalue.ListExact([]knownvalue.Check{})),
			},
		}},
	})
}

func TestAccStationGroups_planTimeValidation(t *testing.T) {
	testAccPreCheck(t)
	testPlanTimeValidation(t, "station_groups", "getStationGroups", map[string]planCase{
		"org_id missing": {``, `The argument "org_id" is required`},
		"org_id empty":   {`org_id = ""`, `Attribute org_id string length must be at least 1`},
	})
}
