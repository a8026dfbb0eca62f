package provider

import (
	"context"
	"os"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

var _ provider.ProviderWithValidateConfig = (*chargePointProvider)(nil)

// ValidateConfig reports a CHARGEPOINT_REGION that names no ChargePoint region as what it is, a region
// error on `region`, before Configure would turn it into an endpoint error. The attribute's own value
// is checked by its validators; the environment is read only when the provider block sets neither
// region nor endpoint, exactly as Configure reads it (resolveSettings).
func (p *chargePointProvider) ValidateConfig(ctx context.Context, req provider.ValidateConfigRequest, resp *provider.ValidateConfigResponse) {
	var cfg providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	s := resolveSettings(cfg, os.Getenv)
	if s.regionSource != envRegion || s.region == "" {
		return
	}
	if _, err := cpapi.RegionEndpoint(s.region); err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("region"), "Invalid ChargePoint region",
			envRegion+": "+err.Error()+". Set "+envRegion+" (or region in the provider block) to the region of "+
				"your API credentials, or unset it for NA; for another host, set endpoint ("+envEndpoint+") instead.")
	}
}
