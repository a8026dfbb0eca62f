package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

func newFleetVehiclesDataSource() datasource.DataSource {
	return &listDataSource[cpapi.FleetVehicleSearchRequest, cpapi.FleetVehicle]{
		name:      "fleet_vehicles",
		operation: "getFleetVehicles",
		description: "Vehicles of your organization's fleets (ChargePoint `getFleetVehicles`, API 5.1): by fleet, vehicle, " +
			"driver, credential, charging state or change time. Every page is read, so the list is complete; no match is an empty list.",
		output:     "vehicles",
		outputDesc: "Matching vehicles, sorted by `fleet_vehicle_id`.",
		fetch:      (*cpapi.Client).GetFleetVehicles,
		sort: func(vehicles []cpapi.FleetVehicle) {
			cpapi.SortBy(vehicles, func(v cpapi.FleetVehicle) string { return v.FleetVehicleID.Value })
		},
	}
}
