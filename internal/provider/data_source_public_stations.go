package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

func newPublicStationsDataSource() datasource.DataSource {
	return &listDataSource[cpapi.StationSearchRequest, cpapi.PublicStation]{
		name:      "public_stations",
		operation: "getPublicStations",
		description: "Public charging stations matching a search (ChargePoint `getPublicStations`): by address, city or " +
			"postal code with a `proximity`, by `geo` point, or by station attributes. Every page is read, so the list is complete; " +
			"no match is an empty list.",
		output:     "stations",
		outputDesc: "Matching stations, sorted by `station_id`.",
		fetch:      (*cpapi.Client).GetPublicStations,
		sort:       sortPublicStations,
		stations:   eachStation(func(s cpapi.PublicStation) cpapi.String { return s.StationID }),
	}
}

func sortPublicStations(stations []cpapi.PublicStation) {
	cpapi.SortBy(stations, func(s cpapi.PublicStation) string { return s.StationID.Value })
}
