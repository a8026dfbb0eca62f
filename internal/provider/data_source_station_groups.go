package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

func newStationGroupsDataSource() datasource.DataSource {
	return &listDataSource[cpapi.StationGroupsRequest, cpapi.StationGroup]{
		name:      "station_groups",
		operation: "getStationGroups",
		description: "Custom station groups of one organization, with the ID and location of every station in each group " +
			"(ChargePoint `getStationGroups`). An organization without groups gives an empty list.",
		output:     "groups",
		outputDesc: "Station groups of the organization, sorted by `sg_id`.",
		fetch:      (*cpapi.Client).GetStationGroups,
		sort:       sortStationGroups,
	}
}

func sortStationGroups(groups []cpapi.StationGroup) {
	cpapi.SortBy(groups, func(g cpapi.StationGroup) string { return g.SgID.String() })
}
