package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

func newNetworksDataSource() datasource.DataSource {
	return &listDataSource[cpapi.CPNInstancesRequest, cpapi.Network]{
		name:      "networks",
		operation: "getCPNInstances",
		description: "ChargePoint network instances (CPNs), whose IDs prefix station and organization IDs " +
			"(ChargePoint `getCPNInstances`). Takes no arguments; a cheap way to check the credentials.",
		output:     "networks",
		outputDesc: "Networks, sorted by `cpn_id`.",
		fetch:      (*cpapi.Client).GetCPNInstances,
		sort:       sortNetworks,
	}
}

func sortNetworks(networks []cpapi.Network) {
	cpapi.SortBy(networks, func(n cpapi.Network) string { return n.CpnID.Value })
}
