package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

func newStationActiveFaultsDataSource() datasource.DataSource {
	return &listDataSource[cpapi.ActiveFaultsQuery, cpapi.StationActiveFaults]{
		name:      "station_active_faults",
		operation: "getStationActiveFaults",
		description: "Active faults of stations and of their field-replaceable units (ChargePoint `getStationActiveFaults`, " +
			"API 5.1). `station_ids` may hold any number of IDs: they are asked 100 per call, ChargePoint's limit.",
		output:     "stations",
		outputDesc: "Stations with active faults, sorted by `station_id`. ChargePoint leaves out stations without active faults (and unknown IDs).",
		fetch:      (*cpapi.Client).GetStationActiveFaults,
		sort:       sortStationActiveFaults,
	}
}

func sortStationActiveFaults(stations []cpapi.StationActiveFaults) {
	cpapi.SortBy(stations, func(s cpapi.StationActiveFaults) string { return s.StationID.Value })
}
