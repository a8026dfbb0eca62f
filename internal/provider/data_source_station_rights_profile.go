package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

func newStationRightsProfileDataSource() datasource.DataSource {
	return &listDataSource[cpapi.StationRightsProfileRequest, cpapi.RightsTask]{
		name:      "station_rights_profile",
		operation: "getStationRightsProfile",
		description: "Tasks that the station rights profiles of a station group allow (ChargePoint `getStationRightsProfile`), " +
			"optionally for one profile only. An unknown `sg_id` is an error.",
		output:     "tasks",
		outputDesc: "Allowed tasks, sorted by `task`.",
		fetch:      (*cpapi.Client).GetStationRightsProfile,
		sort:       sortRightsTasks,
	}
}

func sortRightsTasks(tasks []cpapi.RightsTask) {
	cpapi.SortBy(tasks, func(t cpapi.RightsTask) string { return t.Task.Value })
}
