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

func newStationRightsDataSource() datasource.DataSource {
	return &listDataSource[cpapi.StationRightsSearchRequest, cpapi.StationRights]{
		name: "station_rights",
		description: "Station rights the API key holds: for each station group that grants rights, the rights profile and the " +
			"stations it covers (ChargePoint `getStationRights`). A station can appear under several groups with different " +
			"profiles. Every filter is optional; every page is read, so the list is complete; no match is an empty list.",
		output:           "rights",
		outputDesc:       "Rights records, sorted by `sg_id`, then `station_rights_profile`.",
		fetch:            (*cpapi.Client).GetStationRights,
		sort:             sortStationRights,
		configValidators: []datasource.ConfigValidator{dateRangeValidator{path.Root("provision_date_range")}},
	}
}

func sortStationRights(rights []cpapi.StationRights) {
	sortBy(rights, func(r cpapi.StationRights) string { return r.SgID.String() + "\x00" + r.StationRightsProfile.Value })
	for i := range rights {
		sortBy(rights[i].Stations, func(s cpapi.StationWithRights) string { return s.StationID.Value })
	}
}

// dateRangeValidator checks at plan time that a {start_date, end_date} range does not end before it
// starts. Each date's format is checked by the attribute itself (cpapi.Date); a malformed one is skipped here.
type dateRangeValidator struct{ attr path.Path }

func (v dateRangeValidator) Description(context.Context) string {
	return fmt.Sprintf("%s.end_date must not be before %s.start_date", v.attr, v.attr)
}

func (v dateRangeValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v dateRangeValidator) ValidateDataSource(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	start, okStart := v.date(ctx, req, resp, "start_date")
	end, okEnd := v.date(ctx, req, resp, "end_date")
	if okStart && okEnd && end.Before(start) {
		resp.Diagnostics.AddAttributeError(v.attr.AtName("end_date"), "Invalid date range",
			fmt.Sprintf("%s ends on %s, before it starts on %s: the range would be empty.", v.attr, end.Format(cpapi.DateLayout), start.Format(cpapi.DateLayout)))
	}
}

func (v dateRangeValidator) date(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse, name string) (time.Time, bool) {
	var s types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, v.attr.AtName(name), &s)...)
	if s.IsNull() || s.IsUnknown() {
		return time.Time{}, false
	}
	d, err := time.Parse(cpapi.DateLayout, s.ValueString())
	return d, err == nil
}
