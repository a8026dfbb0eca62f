package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

func newStationRightsDataSource() datasource.DataSource {
	return &listDataSource[cpapi.StationRightsSearchRequest, cpapi.StationRights]{
		name:      "station_rights",
		operation: "getStationRights",
		description: "Station rights the API key holds: for each station group that grants rights, the rights profile and the " +
			"stations it covers (ChargePoint `getStationRights`). A station can appear under several groups with different " +
			"profiles. Every filter is optional; every page is read, so the list is complete; no match is an empty list.",
		output:     "rights",
		outputDesc: "Rights records, sorted by `sg_id`, then `station_rights_profile`.",
		fetch:      (*cpapi.Client).GetStationRights,
		sort:       sortStationRights,
		stations: stationsListed(func(r cpapi.StationRights) []cpapi.StationWithRights { return r.Stations },
			func(s cpapi.StationWithRights) cpapi.String { return s.StationID }),
		configValidators: []datasource.ConfigValidator{dateRange("provision_date_range")},
	}
}

func sortStationRights(rights []cpapi.StationRights) {
	cpapi.SortBy(rights, func(r cpapi.StationRights) string { return r.SgID.String() + "\x00" + r.StationRightsProfile.Value })
}
