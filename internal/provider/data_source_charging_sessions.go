package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

func newChargingSessionsDataSource() datasource.DataSource {
	return &listDataSource[cpapi.SessionSearchRequest, cpapi.ChargingSession]{
		name:      "charging_sessions",
		operation: "getChargingSessionData",
		description: "Charging session history (ChargePoint `getChargingSessionData`): by station, session, driver, place or " +
			"time window (`from_time_stamp`, `to_time_stamp`). Every page is read, so the list is complete; `station_ids` may " +
			"hold any number of stations. No match is an empty list.",
		output:     "sessions",
		outputDesc: "Matching sessions, sorted by `session_id`.",
		fetch:      (*cpapi.Client).GetChargingSessionData,
		sort: func(s []cpapi.ChargingSession) {
			cpapi.SortBy(s, func(s cpapi.ChargingSession) string { return s.SessionID.String() })
		},
		configValidators: []datasource.ConfigValidator{timeWindow("from_time_stamp", "to_time_stamp")},
	}
}
