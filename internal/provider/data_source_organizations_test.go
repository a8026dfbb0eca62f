package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/simulator"
)

// orgGroup is the expected state of one group of an organization.
func orgGroup(g simulator.Group) knownvalue.Check {
	return knownvalue.ObjectExact(map[string]knownvalue.Check{
		"sg_id":           knownvalue.Int64Exact(int64(g.ID)),
		"sg_name":         knownvalue.StringExact(g.Name),
		"parent_group_id": knownvalue.Int64Exact(int64(g.ParentID)),
	})
}

func TestAccOrganizations_all(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{Stations: groupsTestStations})
	ds := sim.Dataset()
	orgs := ds.Organizations()
	sortBy(orgs, func(o simulator.Organization) string { return o.ID })
	want := make([]knownvalue.Check, len(orgs))
	nested := 0
	for i, o := range orgs {
		groups := []knownvalue.Check{}
		for _, g := range ds.Groups() { // sorted by ID
			if g.OrgID == o.ID {
				groups = append(groups, orgGroup(g))
				if g.ParentID != 0 {
					nested++
				}
			}
		}
		want[i] = knownvalue.ObjectExact(map[string]knownvalue.Check{
			"org_id":            knownvalue.StringExact(o.ID),
			"organization_name": knownvalue.StringExact(o.Name),
			"groups":            knownvalue.ListExact(groups),
		})
	}
	if len(orgs) < 2 || nested == 0 {
		t.Fatalf("unexpected dataset: %d organizations, %d nested groups", len(orgs), nested)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: sim.providerConfig() + `
data "chargepoint_organizations" "x" {}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.chargepoint_organizations.x", jsonPathOf("organizations"), knownvalue.ListExact(want)),
				// "1:ORG04512" sorts before "2:ORG01950": by network, then by number.
				statecheck.ExpectKnownValue("data.chargepoint_organizations.x", jsonPathOf("organizations", 1, "org_id"), knownvalue.StringExact("1:ORG04512")),
			},
		}},
	})
}

// A group filter returns only the organization that has the group, with only that group.
func TestAccOrganizations_filters(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{Stations: groupsTestStations})
	l2, _ := sim.Dataset().Group(garageWestL2Group)
	one := func(groups ...knownvalue.Check) knownvalue.Check {
		return knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectExact(map[string]knownvalue.Check{
			"org_id":            knownvalue.StringExact(chargePointOrgID),
			"organization_name": knownvalue.StringExact("ChargePoint"),
			"groups":            knownvalue.ListExact(groups),
		})})
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: sim.providerConfig() + `
data "chargepoint_organizations" "by_group_name" {
  sg_name = "Garage West Level 2"
}

data "chargepoint_organizations" "by_group_id" {
  org_id = "1:ORG00001"
  sg_id  = 20007
}

data "chargepoint_organizations" "nobody" {
  organization_name = "Nobody Charging Inc."
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.chargepoint_organizations.by_group_name", jsonPathOf("organizations"), one(orgGroup(l2))),
				statecheck.ExpectKnownValue("data.chargepoint_organizations.by_group_id", jsonPathOf("organizations"), one(orgGroup(l2))),
				statecheck.ExpectKnownValue("data.chargepoint_organizations.by_group_id", jsonPathOf("organizations", 0, "groups", 0, "parent_group_id"),
					knownvalue.Int64Exact(garageWestGroupID)),
				statecheck.ExpectKnownValue("data.chargepoint_organizations.nobody", jsonPathOf("organizations"), knownvalue.ListExact([]knownvalue.Check{})),
			},
		}},
	})
}

func TestAccOrganizations_planTimeValidation(t *testing.T) {
	testAccPreCheck(t)
	testPlanTimeValidation(t, "organizations", "getOrgsAndStationGroups", map[string]planCase{
		"sg_id not number": {`sg_id = "Garage West"`, `(?s)Inappropriate value for attribute "sg_id".*a number is required`},
	})
}
