package provider

import (
	"cmp"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

func newAlarmsDataSource() datasource.DataSource {
	return &listDataSource[cpapi.AlarmsQuery, cpapi.Alarm]{
		name:      "alarms",
		operation: "getAlarms",
		description: "Station alarms not cleared yet (ChargePoint `getAlarms`): by organization, station, group, port or time " +
			"window (`start_time`, `end_time`). Every page is read, so the list is complete; `station_ids` may hold any number " +
			"of stations. No alarm is an empty list.",
		output:           "alarms",
		outputDesc:       "Matching alarms, sorted by `alarm_time`, then `station_id`, then `port_number`.",
		fetch:            (*cpapi.Client).GetAlarms,
		sort:             sortAlarms,
		configValidators: []datasource.ConfigValidator{timeWindow("start_time", "end_time")},
	}
}

func sortAlarms(alarms []cpapi.Alarm) {
	slices.SortStableFunc(alarms, func(a, b cpapi.Alarm) int {
		return cmp.Or(a.AlarmTime.Value.Compare(b.AlarmTime.Value),
			cpapi.NaturalCompare(a.StationID.Value, b.StationID.Value),
			cpapi.NaturalCompare(a.PortNumber.Value, b.PortNumber.Value))
	})
}
