package provider

import "github.com/hashicorp/terraform-plugin-framework/datasource"

// dataSources lists every data source the provider serves.
var dataSources = []func() datasource.DataSource{
	newPublicStationsDataSource,
	newStationsDataSource,
	newStationDataSource,
	newStationStatusDataSource,
	newPublicStationStatusDataSource,
	newCustomGroupStationsDataSource,
	newStationActiveFaultsDataSource,
	newStationGroupsDataSource,
	newStationGroupDataSource,
	newOrganizationsDataSource,
	newStationRightsDataSource,
	newStationRightsProfileDataSource,
	newNetworksDataSource,
	newLoadDataSource,
	newChargingSessionsDataSource,
	newChargingSessionIntervalsDataSource,
	newAlarmsDataSource,
	newUsersDataSource,
	newTransactionsDataSource,
	newFleetVehiclesDataSource,
	newFleetUsageDataSource,
}
