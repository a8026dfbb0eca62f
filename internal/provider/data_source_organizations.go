package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

func newOrganizationsDataSource() datasource.DataSource {
	return &listDataSource[cpapi.OrgsSearchQuery, cpapi.Organization]{
		name:      "organizations",
		operation: "getOrgsAndStationGroups",
		description: "Organizations the API key has rights to, with their custom station groups and the groups' parents " +
			"(ChargePoint `getOrgsAndStationGroups`). Every filter is optional; no match is an empty list.",
		output:     "organizations",
		outputDesc: "Matching organizations, sorted by `org_id`.",
		fetch:      (*cpapi.Client).GetOrgsAndStationGroups,
		sort:       sortOrganizations,
	}
}

func sortOrganizations(orgs []cpapi.Organization) {
	cpapi.SortBy(orgs, func(o cpapi.Organization) string { return o.OrgID.Value })
}
