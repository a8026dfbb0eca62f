package tfreflect

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

// dateValidator checks xsd:date inputs (cpapi.Date) at plan time.
type dateValidator struct{}

func (dateValidator) Description(context.Context) string {
	return "must be a date, YYYY-MM-DD, for example 2026-01-31"
}

func (v dateValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v dateValidator) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, err := time.Parse(cpapi.DateLayout, req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid date",
			req.Path.String()+" "+v.Description(ctx)+"; got "+req.ConfigValue.String())
	}
}
