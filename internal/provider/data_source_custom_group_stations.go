package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

func newCustomGroupStationsDataSource() datasource.DataSource {
	return &listDataSource[cpapi.CustomGroupStationSearchRequest, cpapi.CustomGroupStation]{
		name:      "custom_group_stations",
		operation: "getCustomGroupStations",
		description: "Stations of a custom station group, by group name (ChargePoint `getCustomGroupStations`, API 5.1), " +
			"with the same attributes as `chargepoint_stations` except `managed_by`. Every page is read; an unknown group " +
			"or no match is an empty list.",
		output:     "stations",
		outputDesc: "Stations of the group, sorted by `station_id`.",
		fetch:      (*cpapi.Client).GetCustomGroupStations,
		sort:       sortCustomGroupStations,
		stations:   eachStation(func(s cpapi.CustomGroupStation) cpapi.String { return s.StationID }, "sg_name"),
	}
}

func sortCustomGroupStations(stations []cpapi.CustomGroupStation) {
	cpapi.SortBy(stations, func(s cpapi.CustomGroupStation) string { return s.StationID.Value })
}
