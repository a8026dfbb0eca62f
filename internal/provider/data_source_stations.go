package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

func newStationsDataSource() datasource.DataSource {
	return &listDataSource[cpapi.StationSearchRequestExtended, cpapi.Station]{
		name:      "stations",
		operation: "getStations",
		description: "Stations the API key has rights to (owned, or shared by their owner) that match a search " +
			"(ChargePoint `getStations`): by organization, station group, address and `proximity`, `geo` point or station " +
			"attributes; no argument lists them all. Every page is read, so the list is complete; no match is an empty list.",
		output:     "stations",
		outputDesc: "Matching stations, sorted by `station_id`.",
		fetch:      (*cpapi.Client).GetStations,
		sort:       sortStations,
		stations:   eachStation(func(s cpapi.Station) cpapi.String { return s.StationID }),
	}
}

func sortStations(stations []cpapi.Station) {
	cpapi.SortBy(stations, func(s cpapi.Station) string { return s.StationID.Value })
}
