package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

func newFleetUsageDataSource() datasource.DataSource {
	return &listDataSource[cpapi.FleetUsageSearchRequest, cpapi.FleetUsage]{
		name:      "fleet_usage",
		operation: "getFleetUsageData",
		description: "Charging sessions of fleet vehicles (ChargePoint `getFleetUsageData`, API 5.1): energy, fees, savings " +
			"and fraud checks, by vehicle, driver, station, place or time window (`from_time_stamp`, `to_time_stamp`). " +
			"Every page is read, so the list is complete; no match is an empty list.",
		output:     "usage",
		outputDesc: "Matching sessions, sorted by `transaction_id`.",
		fetch:      (*cpapi.Client).GetFleetUsageData,
		sort: func(usage []cpapi.FleetUsage) {
			cpapi.SortBy(usage, func(u cpapi.FleetUsage) string { return u.TransactionID.String() + "\x00" + u.ID.Value })
		},
		configValidators: []datasource.ConfigValidator{timeWindow("from_time_stamp", "to_time_stamp")},
	}
}
