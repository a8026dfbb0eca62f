package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/provider"
)

var _ provider.ProviderWithListResources = (*chargePointProvider)(nil)

// listResources are the provider's list resources (Terraform 1.14 and later: terraform query), one file
// each (list_resource_<name>.go). Each lists a managed resource of the same type name, which has a
// resource identity.
var listResources = []func() list.ListResource{
	newFleetVehicleListResource,
}

func (p *chargePointProvider) ListResources(context.Context) []func() list.ListResource {
	return listResources
}
