package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

func newStationDataSource() datasource.DataSource {
	return &singleDataSource[cpapi.StationByID, cpapi.Station]{
		name:      "station",
		operation: "getStations",
		description: "One station the API key has rights to, by `station_id` (ChargePoint `getStations`): the same attributes " +
			"as an element of `chargepoint_stations`. A station that is not found (or not visible to the key) is an error.",
		noun:  "station",
		fetch: (*cpapi.Client).GetStationByID,
	}
}
