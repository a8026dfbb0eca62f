package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

// endpointValidator rejects non-URLs and plain http to non-loopback hosts at plan time.
type endpointValidator struct{}

func (endpointValidator) Description(context.Context) string {
	return "must be an https URL, or an http URL on a loopback host"
}

func (v endpointValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (endpointValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if err := cpapi.ValidateEndpoint(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid ChargePoint endpoint", err.Error())
	}
}
