package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

// timeWindow is a plan-time check that the RFC 3339 timestamp in attribute from is not after the one in
// attribute to.
func timeWindow(from, to string) datasource.ConfigValidator {
	return rangeValidator{from: path.Root(from), to: path.Root(to), layout: time.RFC3339, summary: "Invalid time window", noun: "window"}
}

// dateRange is a plan-time check that a {start_date, end_date} attribute does not end before it starts.
func dateRange(attr string) datasource.ConfigValidator {
	p := path.Root(attr)
	return rangeValidator{from: p.AtName("start_date"), to: p.AtName("end_date"), layout: cpapi.DateLayout, summary: "Invalid date range", noun: "range"}
}

// rangeValidator checks that the value at from is not after the one at to, both strings in layout.
// It says nothing when either is null, unknown or malformed: the attribute's own validator reports a
// malformed value.
type rangeValidator struct {
	from, to      path.Path
	layout        string
	summary, noun string
}

func (v rangeValidator) Description(context.Context) string {
	return fmt.Sprintf("%s must not be after %s", v.from, v.to)
}

func (v rangeValidator) MarkdownDescription(context.Context) string {
	return fmt.Sprintf("`%s` must not be after `%s`", v.from, v.to)
}

func (v rangeValidator) ValidateDataSource(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	from, okFrom := v.value(ctx, req, resp, v.from)
	to, okTo := v.value(ctx, req, resp, v.to)
	if okFrom && okTo && from.After(to) {
		resp.Diagnostics.AddAttributeError(v.from, v.summary,
			fmt.Sprintf("%s (%s) is after %s (%s): the %s would be empty.", v.from, from.Format(v.layout), v.to, to.Format(v.layout), v.noun))
	}
}

func (v rangeValidator) value(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse, p path.Path) (time.Time, bool) {
	var s types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, p, &s)...)
	if s.IsNull() || s.IsUnknown() {
		return time.Time{}, false
	}
	t, err := time.Parse(v.layout, s.ValueString())
	return t, err == nil
}
