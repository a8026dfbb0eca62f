package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

// resources are the provider's managed resources, one file each (resource_<name>.go).
var resources = []func() resource.Resource{
	NewLoadShedResource,
	NewLoadShedEventResource,
	newFleetVehicleResource,
}

// configuredClient is the client a resource, action or list resource gets in its Configure: nil until
// the provider is configured (Terraform configures resources before the provider during validation).
func configuredClient(providerData any, diags *diag.Diagnostics) *cpapi.Client {
	if providerData == nil {
		return nil
	}
	c, ok := providerData.(*cpapi.Client)
	if !ok {
		diags.AddError("Unexpected provider data", "Expected *cpapi.Client; please report this issue to the provider developers.")
		return nil
	}
	return c
}
