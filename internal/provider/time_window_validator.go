package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// timeWindow is a plan-time check that the RFC 3339 timestamp in attribute from is not after the one in
// attribute to. It says nothing when either is null, unknown or malformed: the attribute's own RFC 3339
// validator reports a malformed value.
func timeWindow(from, to string) datasource.ConfigValidator {
	return timeWindowValidator{from: from, to: to}
}

type timeWindowValidator struct{ from, to string }

func (v timeWindowValidator) Description(context.Context) string {
	return fmt.Sprintf("%s must not be after %s", v.from, v.to)
}

func (v timeWindowValidator) MarkdownDescription(ctx context.Context) string {
	return fmt.Sprintf("`%s` must not be after `%s`", v.from, v.to)
}

func (v timeWindowValidator) ValidateDataSource(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	from, okFrom := v.timestamp(ctx, req, resp, v.from)
	to, okTo := v.timestamp(ctx, req, resp, v.to)
	if okFrom && okTo && from.After(to) {
		resp.Diagnostics.AddAttributeError(path.Root(v.from), "Invalid time window",
			fmt.Sprintf("%s (%s) is after %s (%s): the window would be empty.", v.from, from.Format(time.RFC3339), v.to, to.Format(time.RFC3339)))
	}
}

func (timeWindowValidator) timestamp(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse, name string) (time.Time, bool) {
	var s types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(name), &s)...)
	if s.IsNull() || s.IsUnknown() {
		return time.Time{}, false
	}
	t, err := time.Parse(time.RFC3339, s.ValueString())
	return t, err == nil
}
