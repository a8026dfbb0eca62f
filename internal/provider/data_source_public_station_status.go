package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

func newPublicStationStatusDataSource() datasource.DataSource {
	return &listDataSource[cpapi.StatusSearchRequest, cpapi.PublicStationStatus]{
		name:      "public_station_status",
		operation: "getPublicStationStatus",
		description: "Live port status of public stations (ChargePoint `getPublicStationStatus`), by `station_ids` (any " +
			"number; asked 100 per call) or by the station search filters. No match is an empty list.",
		output:     "stations",
		outputDesc: "Matching stations, sorted by `station_id`.",
		fetch:      (*cpapi.Client).GetPublicStationStatus,
		sort:       sortPublicStationStatus,
		stations:   eachStation(func(s cpapi.PublicStationStatus) cpapi.String { return s.StationID }, "port_details"),
	}
}

func sortPublicStationStatus(stations []cpapi.PublicStationStatus) {
	cpapi.SortBy(stations, func(s cpapi.PublicStationStatus) string { return s.StationID.Value })
}
