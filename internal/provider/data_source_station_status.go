package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

func newStationStatusDataSource() datasource.DataSource {
	return &listDataSource[cpapi.StatusSearchRequest, cpapi.StationStatus]{
		name:      "station_status",
		operation: "getStationStatus",
		description: "Live port status of stations the API key has rights to (ChargePoint `getStationStatus`), by " +
			"`station_ids` (any number; asked 100 per call) or by the station search filters. Every page is read; no match " +
			"is an empty list. Use it in `check` blocks to warn about unreachable or faulted ports.",
		output:     "stations",
		outputDesc: "Matching stations, sorted by `station_id`.",
		fetch:      (*cpapi.Client).GetStationStatus,
		sort:       sortStationStatus,
		stations:   eachStation(func(s cpapi.StationStatus) cpapi.String { return s.StationID }, "port_details"),
	}
}

func sortStationStatus(stations []cpapi.StationStatus) {
	cpapi.SortBy(stations, func(s cpapi.StationStatus) string { return s.StationID.Value })
}
