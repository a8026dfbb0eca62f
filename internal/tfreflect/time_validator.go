package tfreflect

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

// layoutValidator checks at plan time that a string input is a time in layout: the timestamps
// (cpapi.Time, RFC 3339) and the dates (cpapi.Date, xsd:date) that queries take.
type layoutValidator struct {
	layout      string
	summary     string // of the error: "Invalid date"
	description string
}

var (
	rfc3339Validator = layoutValidator{layout: time.RFC3339, summary: "Invalid timestamp",
		description: "must be an RFC 3339 timestamp, for example 2026-01-31T08:00:00Z"}
	dateValidator = layoutValidator{layout: cpapi.DateLayout, summary: "Invalid date",
		description: "must be a date, YYYY-MM-DD, for example 2026-01-31"}
)

func (v layoutValidator) Description(context.Context) string { return v.description }

func (v layoutValidator) MarkdownDescription(context.Context) string { return v.description }

func (v layoutValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, err := time.Parse(v.layout, req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, v.summary, req.Path.String()+" "+v.description+"; got "+req.ConfigValue.String())
	}
}
